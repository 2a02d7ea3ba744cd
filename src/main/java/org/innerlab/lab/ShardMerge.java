package org.innerlab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Sweep;
import org.innerlab.measure.RunResult;
import org.innerlab.report.Manifest;
import org.innerlab.report.ShardFolder;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;

/**
 * {@code innerlab merge}: the folders of a sweep's shards ({@link Shard}) become the run folder one
 * unsharded run would have written, byte for byte: runs.csv, summary.csv, summary.md, labels,
 * charts, scenario.yaml and report.html, with animations and saved policies copied from the shard
 * that trained them.
 *
 * <p>Before anything is written the shards must agree: the same resolved scenario (compared by its
 * SHA-256), innerlab version, git commit, master seed and shard count, every shard given once, and
 * every (point, run) of the sweep present in exactly one shard; otherwise the merge stops with a
 * {@link BadInputException} naming the shards or runs at fault.
 *
 * <p>The manifest differs from an unsharded run's only where a sharded run differs in fact:
 * {@code command_line} is the command that runs the same sweep on one machine into the merged folder
 * (shard {@code k}'s command without {@code --shard}, its {@code --out} replaced by the merge's);
 * {@code threads} is the most any shard used; {@code started_at} is when the first shard started and
 * {@code wall_time_seconds} runs from then to the end of the merge; and a last entry
 * {@code merged_from} records the merge's command line and each shard's folder, command line,
 * threads, start and wall time. Everything else comes from the lowest shard's manifest.
 */
public final class ShardMerge {
    /** The manifest entry that records how a merged folder was made. */
    public static final String MERGED_FROM = "merged_from";

    private ShardMerge() {
    }

    /**
     * Merges {@code shardFolders} into the new folder {@code out} and returns it.
     *
     * @param commandLine the merge's own command line, for the manifest
     * @throws BadInputException when the shards do not make exactly one whole sweep, or {@code out} exists
     */
    public static Path merge(List<Path> shardFolders, Path out, List<String> commandLine) {
        Instant mergeStarted = Instant.now();
        if (shardFolders.isEmpty()) {
            throw new BadInputException("no shard folders given; name every folder innerlab run --shard k/N wrote");
        }
        if (Files.exists(out)) {
            throw new BadInputException("--out " + out + " exists already; name a new folder");
        }
        List<ShardFolder> shards = new ArrayList<>();
        try {
            for (Path folder : shardFolders) {
                shards.add(ShardFolder.read(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shards.sort(Comparator.comparingInt(ShardFolder::index));
        checkSameSweep(shards);
        checkEveryShardOnce(shards);
        ShardFolder first = shards.get(0);
        Scenario scenario = ScenarioLoader.load(first.dir().resolve("scenario.yaml"), List.of());
        List<SweepPoint> points = scenario.points();
        List<RunResult> results = everyRunOnce(shards, points, scenario.seeds());

        Manifest m = first.manifest();
        try (RunDirectory dir = RunDirectory.open(out.toAbsolutePath().getParent(), scenario.name(), first.yaml(), out,
                LocalDateTime.ofInstant(mergeStarted, ZoneOffset.UTC), m.smoke())) {
            for (ShardFolder shard : shards) {
                copyTree(shard.dir().resolve("animations"), dir.workDir().resolve("animations"));
                copyTree(shard.dir().resolve("policies"), dir.workDir().resolve("policies"));
            }
            Instant started = shards.stream().map(s -> s.manifest().startedAt()).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(mergeStarted);
            Manifest merged = new Manifest(m.innerlabVersion(), m.gitCommit(), m.jdk(), m.os(), m.scenario(),
                    m.scenarioSource(), m.masterSeed(), m.seedsPerPoint(),
                    shards.stream().mapToInt(s -> s.manifest().threads()).max().orElse(1), m.smoke(),
                    oneMachineCommand(m.commandLine(), out.toString()), started,
                    Duration.between(started, Instant.now()).toMillis() / 1000.0, m.host(), cpuTime(shards),
                    Manifest.points(points, results));
            Experiment.writeResults(dir.workDir(), scenario, points, results, merged,
                    Map.of(MERGED_FROM, mergedFrom(shards, commandLine)));
            return dir.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command that runs the whole sweep on one machine into {@code out}: {@code shardCommand} without
     * its {@code --shard k/N}, with {@code --out} set to {@code out} (in place, or appended).
     */
    static List<String> oneMachineCommand(List<String> shardCommand, String out) {
        List<String> command = new ArrayList<>();
        boolean outSet = false;
        for (int i = 0; i < shardCommand.size(); i++) {
            String word = shardCommand.get(i);
            if (word.equals("--shard")) {
                i++;
            } else if (word.startsWith("--shard=")) {
                continue;
            } else if (word.equals("--out") || word.startsWith("--out=")) {
                command.add("--out");
                command.add(out);
                outSet = true;
                i += word.equals("--out") ? 1 : 0;
            } else {
                command.add(word);
            }
        }
        if (!outSet) {
            command.add("--out");
            command.add(out);
        }
        return command;
    }

    /** Every shard comes from the same resolved scenario, software, master seed and shard count. */
    private static void checkSameSweep(List<ShardFolder> shards) {
        ShardFolder first = shards.get(0);
        for (ShardFolder s : shards) {
            same(first, s, "resolved scenario (sha256 " , x -> RunDirectory.sha256(x.yaml()).substring(0, 12) + ")");
            same(first, s, "innerlab version ", x -> x.manifest().innerlabVersion());
            same(first, s, "git commit ", x -> String.valueOf(x.manifest().gitCommit()));
            same(first, s, "master seed ", x -> Long.toString(x.manifest().masterSeed()));
            same(first, s, "shard count ", x -> Integer.toString(x.count()));
        }
    }

    private static void same(ShardFolder a, ShardFolder b, String what, Function<ShardFolder, String> property) {
        if (!property.apply(a).equals(property.apply(b))) {
            throw new BadInputException("shards of different runs: " + a.dir() + " has " + what + property.apply(a)
                    + ", " + b.dir() + " has " + what + property.apply(b)
                    + "; merge only the shards of one sweep (same scenario, settings, seed and innerlab)");
        }
    }

    /** Each of the N shards is given exactly once. */
    private static void checkEveryShardOnce(List<ShardFolder> shards) {
        int n = shards.get(0).count();
        Map<Integer, List<Path>> byIndex = new TreeMap<>();
        for (ShardFolder s : shards) {
            byIndex.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(s.dir());
        }
        for (Map.Entry<Integer, List<Path>> e : byIndex.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new BadInputException("shard " + e.getKey() + "/" + n + " is given " + e.getValue().size()
                        + " times (" + e.getValue().stream().map(Path::toString).collect(Collectors.joining(", "))
                        + "); give each shard's folder once");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing; run "
                    + (missing.size() == 1 ? "it" : "them") + " (innerlab run <scenario> --shard k/" + n
                    + ") and merge again with every shard's folder");
        }
    }

    /** The runs of all shards, in (point, run) order, after checking each run of the sweep is there once. */
    private static List<RunResult> everyRunOnce(List<ShardFolder> shards, List<SweepPoint> points, int seeds) {
        Map<Sweep.RunKey, List<ShardFolder>> holders = new LinkedHashMap<>();
        for (Sweep.RunKey key : new Shard(0, 1).runs(points, seeds)) {
            holders.put(key, new ArrayList<>());
        }
        List<RunResult> results = new ArrayList<>();
        for (ShardFolder s : shards) {
            for (RunResult r : s.runs()) {
                List<ShardFolder> holding = holders.get(new Sweep.RunKey(r.point(), r.run()));
                if (holding == null) {
                    throw new BadInputException(s.dir() + " holds run " + r.run() + " of point " + r.point()
                            + ", which its scenario does not have; run that shard again into a new folder");
                }
                holding.add(s);
                results.add(r);
            }
        }
        List<String> twice = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        holders.forEach((key, holding) -> {
            String run = "point " + key.point() + " run " + key.run();
            if (holding.size() > 1) {
                twice.add(run + " (in " + holding.stream().map(s -> s.dir().toString())
                        .collect(Collectors.joining(", ")) + ")");
            } else if (holding.isEmpty()) {
                absent.add(run);
            }
        });
        if (!twice.isEmpty()) {
            throw new BadInputException("runs in more than one shard: " + firstFew(twice)
                    + "; give only the folders of one innerlab slurm (or run --shard) sweep");
        }
        if (!absent.isEmpty()) {
            throw new BadInputException("runs in no shard: " + firstFew(absent)
                    + "; run the shards that hold them again into new folders and merge again");
        }
        results.sort(Comparator.comparingInt(RunResult::point).thenComparingInt(RunResult::run));
        return results;
    }

    private static String firstFew(List<String> items) {
        return items.size() <= 5 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 5)) + " and " + (items.size() - 5) + " more";
    }

    /** The CPU time the shards spent together, or null when one of them could not tell. */
    private static Double cpuTime(List<ShardFolder> shards) {
        double total = 0;
        for (ShardFolder shard : shards) {
            Double cpu = shard.manifest().cpuTimeSeconds();
            if (cpu == null) {
                return null;
            }
            total += cpu;
        }
        return total;
    }

    private static Map<String, Object> mergedFrom(List<ShardFolder> shards, List<String> commandLine) {
        List<Object> each = new ArrayList<>();
        for (ShardFolder s : shards) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("shard", s.index() + "/" + s.count());
            entry.put("folder", s.dir().toString());
            entry.put("command_line", s.manifest().commandLine());
            entry.put("threads", s.manifest().threads());
            entry.put("started_at", s.manifest().startedAt() == null ? null : s.manifest().startedAt().toString());
            entry.put("wall_time_seconds", s.manifest().wallTimeSeconds());
            each.add(entry);
        }
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("command_line", List.copyOf(commandLine));
        from.put("shards", each);
        return from;
    }

    /** Copies the files under {@code from} (if it exists) to the same places under {@code to}. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
