package org.innerlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.core.Version;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.scenario.Scenario;

/**
 * What is needed to reproduce, or to trust, one experiment's output folder: software versions,
 * machine, scenario, seeds, command line and timing. Written as {@code manifest.json} by
 * {@link ManifestJson}.
 *
 * @param innerlabVersion  {@link Version#current()}
 * @param gitCommit        {@code git rev-parse HEAD} of the working directory, or null outside a repository
 * @param jdk              the running JVM
 * @param os               the operating system
 * @param scenario         scenario name
 * @param scenarioSource   the scenario file as given, or null
 * @param masterSeed       the scenario's master seed
 * @param seedsPerPoint    runs per sweep point
 * @param threads          worker threads used (results do not depend on it)
 * @param smoke            whether the budgets were shrunk by {@code --smoke} ({@link Scenario#smoke()})
 * @param commandLine      the exact command-line arguments
 * @param startedAt        when the experiment started
 * @param wallTimeSeconds  elapsed wall-clock time of the whole experiment
 * @param host             the machine's host name, or null when it cannot be found
 * @param cpuTimeSeconds   CPU time the innerlab process spent on the experiment (all threads), or null
 *                         when the JVM cannot measure it
 * @param points           every sweep point with its runs' seeds
 */
public record Manifest(String innerlabVersion, String gitCommit, Jdk jdk, Os os, String scenario,
                       String scenarioSource, long masterSeed, int seedsPerPoint, int threads,
                       boolean smoke, List<String> commandLine, Instant startedAt, double wallTimeSeconds,
                       String host, Double cpuTimeSeconds, List<Point> points) {
    public Manifest {
        commandLine = List.copyOf(commandLine);
        points = List.copyOf(points);
    }

    /** The JVM: system properties {@code java.version}, {@code java.vendor}, {@code java.vm.name}. */
    public record Jdk(String version, String vendor, String vmName) {
        /** The running JVM. */
        public static Jdk current() {
            return new Jdk(System.getProperty("java.version"), System.getProperty("java.vendor"),
                    System.getProperty("java.vm.name"));
        }
    }

    /** The OS: system properties {@code os.name}, {@code os.version}, {@code os.arch}. */
    public record Os(String name, String version, String arch) {
        /** The running OS. */
        public static Os current() {
            return new Os(System.getProperty("os.name"), System.getProperty("os.version"),
                    System.getProperty("os.arch"));
        }
    }

    /**
     * One sweep point.
     *
     * @param index       point index
     * @param assignments swept path → value, in sweep-key order
     * @param runs        its runs in run order
     */
    public record Point(int index, Map<String, Object> assignments, List<RunSeed> runs) {
        public Point {
            assignments = new LinkedHashMap<>(assignments);
            runs = List.copyOf(runs);
        }

        @Override
        public Map<String, Object> assignments() {
            return Collections.unmodifiableMap(assignments);
        }
    }

    /**
     * One run's seed.
     *
     * @param run  run index within its point
     * @param seed the run's derived 64-bit seed
     */
    public record RunSeed(int run, long seed) {
    }

    /**
     * A manifest for this JVM, OS, host and working directory: the versions, host name and git commit are
     * looked up, the rest comes from the arguments. Points are listed in index order, each with its runs'
     * seeds from {@code runs} in run order.
     */
    public static Manifest capture(Scenario scenario, List<SweepPoint> points, List<RunResult> runs, int threads,
                                   List<String> commandLine, Instant startedAt, double wallTimeSeconds,
                                   boolean smoke, Double cpuTimeSeconds) {
        String source = scenario.source() == null ? null : scenario.source().toString();
        return new Manifest(Version.current(), gitCommit(Path.of("").toAbsolutePath()), Jdk.current(), Os.current(),
                scenario.name(), source, scenario.seed(), scenario.seeds(), threads, smoke, commandLine, startedAt,
                wallTimeSeconds, hostName(), cpuTimeSeconds, points(points, runs));
    }

    /** {@code points} in index order, each with the seeds of its runs in {@code runs}, in run order. */
    public static List<Point> points(List<SweepPoint> points, List<RunResult> runs) {
        List<SweepPoint> sortedPoints = new ArrayList<>(points);
        sortedPoints.sort(Comparator.comparingInt(SweepPoint::index));
        List<RunResult> sortedRuns = ResultsCsv.inRunOrder(runs);
        List<Point> entries = new ArrayList<>();
        for (SweepPoint p : sortedPoints) {
            List<RunSeed> seeds = new ArrayList<>();
            for (RunResult r : sortedRuns) {
                if (r.point() == p.index()) {
                    seeds.add(new RunSeed(r.run(), r.seed()));
                }
            }
            entries.add(new Point(p.index(), p.assignments(), seeds));
        }
        return entries;
    }

    /**
     * CPU time this process has used so far, in seconds, or null when the JVM cannot tell: the
     * difference of two readings is what an experiment cost.
     */
    public static Double processCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(null);
    }

    /** This machine's host name, or null: a manifest without a host is better than no results. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * The commit checked out in {@code directory}, or null if git is missing, the directory is not
     * in a repository, or git does not answer within 10 seconds. Never throws: a manifest without
     * a commit is better than no results.
     */
    public static String gitCommit(Path directory) {
        Process git = null;
        try {
            git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // The answer (one hash) fits any pipe buffer, so waiting before reading cannot deadlock.
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return null;
            }
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readNBytes(200), StandardCharsets.UTF_8).trim();
            }
            return out.matches("[0-9a-f]{40}([0-9a-f]{24})?") ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (git != null) {
                git.destroy();
            }
        }
    }
}
