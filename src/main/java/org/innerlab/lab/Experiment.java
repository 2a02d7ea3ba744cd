package org.innerlab.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.innerlab.experiment.Organism;
import org.innerlab.experiment.RunModel;
import org.innerlab.experiment.SavedPolicy;
import org.innerlab.experiment.Sweep;
import org.innerlab.index.RunIndex;
import org.innerlab.measure.RunResult;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.report.HtmlReport;
import org.innerlab.report.Manifest;
import org.innerlab.report.ResultsWriter;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioWriter;
import org.innerlab.scenario.SweepPoint;

/**
 * A whole experiment, from a validated scenario to a committed run folder: every sweep point ×
 * seed is run (resuming an interrupted attempt), then runs.csv, summary.csv, charts, the
 * manifest and report.html are written and the folder is moved into place in one step.
 */
public final class Experiment {
    /**
     * How to run.
     *
     * @param threads     worker threads (runs, never parts of a run, are spread over them)
     * @param outputRoot  root for default run folders ({@code output/})
     * @param out         an explicit run folder that must not exist yet, or null
     * @param commandLine the command-line arguments that reproduce this run, for the manifest
     * @param savePolicies whether to write each trained learner to {@code policies/p<point>-r<run>.policy}
     *                     ({@link SavedPolicy})
     * @param animator     records the animations the scenario's {@code report.animations} asks for, or
     *                     null to record none
     */
    public record Options(int threads, Path outputRoot, Path out, List<String> commandLine, boolean savePolicies,
                          Animator animator) {
        public Options {
            commandLine = List.copyOf(commandLine);
        }

        /** Options that record no animations. */
        public Options(int threads, Path outputRoot, Path out, List<String> commandLine, boolean savePolicies) {
            this(threads, outputRoot, out, commandLine, savePolicies, null);
        }

        /** Options that save no policies. */
        public Options(int threads, Path outputRoot, Path out, List<String> commandLine) {
            this(threads, outputRoot, out, commandLine, false);
        }
    }

    /**
     * Renders a trained organism playing a distribution to an animated GIF (the GUI's recorder, which
     * this package cannot name: the GUI builds on it). It must draw only from the organism's
     * {@code gui/...} streams and change nothing, so recording never changes a result.
     */
    @FunctionalInterface
    public interface Animator {
        void record(Organism organism, String distribution, int frames, Path gif) throws IOException;
    }

    /** Where the animation of {@code distribution} goes in a run folder. */
    public static Path animation(Path runFolder, String distribution) {
        return runFolder.resolve("animations").resolve(distribution + ".gif");
    }

    private Experiment() {
    }

    /**
     * Runs {@code scenario} and returns the committed run folder.
     *
     * @param progress makes the progress reporter, given the sweep size and the runs already done
     * @throws IllegalArgumentException when {@code options.out()} exists (before anything is written)
     */
    public static Path run(Scenario scenario, Options options,
                           BiFunction<Sweep, Iterable<Sweep.RunKey>, Sweep.Progress> progress, PrintStream log)
            throws InterruptedException {
        Instant started = Instant.now();
        Double cpuStarted = Manifest.processCpuSeconds();
        List<SweepPoint> points = scenario.points();
        String resolved = ScenarioWriter.toYaml(scenario);
        RunDirectory dir = RunDirectory.open(options.outputRoot(), scenario.name(), resolved, options.out(),
                LocalDateTime.ofInstant(started, ZoneOffset.UTC));
        Map<Sweep.RunKey, RunResult> done = dir.completedRuns();
        Sweep sweep = new Sweep(points, scenario.seeds());
        if (!done.isEmpty()) {
            log.println("innerlab: resuming " + dir.workDir() + ": " + done.size() + " of " + sweep.totalRuns()
                    + " runs already done");
        }
        Sweep.Progress reporter = progress.apply(sweep, done.keySet());
        Path policies = dir.workDir().resolve("policies");
        Sweep.Trained saver = (key, organism) -> {
            if (key.point() == 0 && key.run() == 0) {
                animate(scenario, options.animator(), organism, dir.workDir(), log);
            }
            if (options.savePolicies()) {
                try {
                    Files.createDirectories(policies);
                    SavedPolicy.of(organism).write(policies.resolve(SavedPolicy.fileName(key.point(), key.run())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        List<RunResult> results = sweep.execute(options.threads(), done, (r, finished, total) -> {
            dir.saveRun(r);
            reporter.runFinished(r, finished, total);
        }, saver);
        if (!scenario.report().animations().isEmpty() && options.animator() != null
                && scenario.report().animations().stream().anyMatch(d -> !Files.isRegularFile(animation(dir.workDir(), d)))) {
            // Run 0 of point 0 finished in an earlier, interrupted attempt: train it again (same streams, same organism).
            RunModel again = new RunModel(points.get(0), 0, EpisodeListener.NONE);
            again.runHeadless();
            animate(scenario, options.animator(), again.organism(), dir.workDir(), log);
        }
        Manifest manifest = Manifest.capture(scenario, points, results, options.threads(), options.commandLine(),
                started, Duration.between(started, Instant.now()).toMillis() / 1000.0, cpuSince(cpuStarted));
        try {
            ResultsWriter.write(dir.workDir(), points, results, scenario.charts(), manifest);
            // Written from the files just saved, exactly as `innerlab report` would, before the commit
            // makes the folder appear: a folder without its report is never visible.
            HtmlReport.write(dir.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RunIndex.recordCompleted(options.outputRoot(), options.out(), dir.commit(), log::println);
    }

    /** CPU seconds the process spent since the reading {@code started}, or null when either reading is unknown. */
    private static Double cpuSince(Double started) {
        Double now = Manifest.processCpuSeconds();
        return started == null || now == null ? null : now - started;
    }

    /** Records each animation the scenario asks for that the folder does not hold yet. */
    private static void animate(Scenario scenario, Animator animator, Organism organism, Path folder, PrintStream log) {
        if (scenario.report().animations().isEmpty()) {
            return;
        }
        if (animator == null) {
            log.println("innerlab: report.animations asks for animations, but this run records none");
            return;
        }
        try {
            for (String d : scenario.report().animations()) {
                Path gif = animation(folder, d);
                if (!Files.isRegularFile(gif)) {
                    Files.createDirectories(gif.getParent());
                    // Written beside and moved, so an interrupted write never leaves a truncated GIF to resume from.
                    Path partial = gif.resolveSibling(d + ".gif.partial");
                    animator.record(organism, d, scenario.report().frames(), partial);
                    Files.move(partial, gif, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
