package org.innerlab.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Organism;
import org.innerlab.experiment.RunModel;
import org.innerlab.experiment.SavedPolicy;
import org.innerlab.experiment.Sweep;
import org.innerlab.index.RunIndex;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SummaryRow;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.report.ClaimCheck;
import org.innerlab.report.HtmlReport;
import org.innerlab.report.Manifest;
import org.innerlab.report.ManifestJson;
import org.innerlab.report.ResultsWriter;
import org.innerlab.report.ShardFolder;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioWriter;
import org.innerlab.scenario.SweepPoint;

/**
 * A whole experiment, from a validated scenario to a committed run folder: every sweep point ×
 * seed is run (resuming an interrupted attempt), then runs.csv, summary.csv, charts, the
 * manifest, claims.csv and report.html are written and the folder is moved into place in one step.
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
     * @param smoke        whether the scenario is {@link Scenario#smoke()} of the one named: the default
     *                     folder name ({@code <run-id>-smoke}) and the manifest ({@code "smoke": true}) say so
     * @param shard        the one shard of a job array to run, whose folder {@code innerlab merge} combines
     *                     with the others' ({@link ShardMerge}), or null to run the whole sweep
     */
    public record Options(int threads, Path outputRoot, Path out, List<String> commandLine, boolean savePolicies,
                          Animator animator, boolean smoke, Shard shard) {
        public Options {
            commandLine = List.copyOf(commandLine);
        }

        /** Options that run the whole sweep of a scenario at its full budgets. */
        public Options(int threads, Path outputRoot, Path out, List<String> commandLine, boolean savePolicies,
                       Animator animator) {
            this(threads, outputRoot, out, commandLine, savePolicies, animator, false, null);
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
     * @throws BadInputException when {@code options.out()} exists or a path cannot be used (before anything
     *                           is written), when another run is writing the same folder, or when an
     *                           interrupted attempt saved policies and this one would not
     */
    public static Path run(Scenario scenario, Options options,
                           BiFunction<Sweep, Iterable<Sweep.RunKey>, Sweep.Progress> progress, PrintStream log)
            throws InterruptedException {
        Instant started = Instant.now();
        Double cpuStarted = Manifest.processCpuSeconds();
        List<SweepPoint> points = scenario.points();
        String resolved = ScenarioWriter.toYaml(scenario);
        try (RunDirectory dir = RunDirectory.open(options.outputRoot(), scenario.name(), resolved, options.out(),
                LocalDateTime.ofInstant(started, ZoneOffset.UTC), options.smoke())) {
            Sweep sweep = options.shard() == null ? new Sweep(points, scenario.seeds())
                    : new Sweep(points, scenario.seeds(), options.shard().includes(points, scenario.seeds()));
            Map<Sweep.RunKey, RunResult> done = dir.completedRuns(sweep::draws, log);
            Path policies = dir.workDir().resolve("policies");
            keepOnlyRunsWithPolicies(done, policies, options.savePolicies(), dir.workDir(), log);
            if (!done.isEmpty()) {
                log.println("innerlab: resuming " + dir.workDir() + ": " + done.size() + " of " + sweep.totalRuns()
                        + " runs already done");
            }
            Sweep.Progress reporter = progress.apply(sweep, done.keySet());
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
                    && sweep.includes(new Sweep.RunKey(points.get(0).index(), 0))
                    && scenario.report().animations().stream()
                    .anyMatch(d -> !Files.isRegularFile(animation(dir.workDir(), d)))) {
                // Run 0 of point 0 finished in an earlier, interrupted attempt: train it again (same streams, same organism).
                RunModel again = new RunModel(points.get(0), 0, EpisodeListener.NONE);
                again.runHeadless();
                animate(scenario, options.animator(), again.organism(), dir.workDir(), log);
            }
            Manifest manifest = Manifest.capture(scenario, points, results, options.threads(), options.commandLine(),
                    started, Duration.between(started, Instant.now()).toMillis() / 1000.0, options.smoke(),
                    cpuSince(cpuStarted));
            try {
                if (options.shard() == null) {
                    writeResults(dir.workDir(), scenario, points, results, manifest, Map.of());
                } else {
                    ShardFolder.write(dir.workDir(), points, results, manifest, options.shard().index(),
                            options.shard().count());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path folder = dir.commit();
            // A shard is part of a sweep: its merge is what the index records.
            return options.shard() == null
                    ? RunIndex.recordCompleted(options.outputRoot(), options.out(), folder, log::println) : folder;
        }
    }

    /**
     * Makes a resumed run's outputs exactly an uninterrupted one's whatever {@code --save-policies} was
     * the first time: with it, a finished run whose policy file is missing is done again (same seeds,
     * same results); without it, a partial folder holding policies is refused rather than committed
     * with some of them.
     */
    private static void keepOnlyRunsWithPolicies(Map<Sweep.RunKey, RunResult> done, Path policies,
                                                 boolean savePolicies, Path partial, PrintStream log) {
        if (!savePolicies) {
            if (Files.exists(policies, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(partial + " holds policies saved by an interrupted run with "
                        + "--save-policies; resume with --save-policies, or delete " + partial + " to start afresh");
            }
            return;
        }
        int before = done.size();
        done.keySet().removeIf(k -> !Files.isRegularFile(policies.resolve(SavedPolicy.fileName(k.point(), k.run())),
                LinkOption.NOFOLLOW_LINKS));
        if (done.size() < before) {
            log.println("innerlab: " + (before - done.size()) + " runs finished in " + partial
                    + " have no saved policy (the interrupted run had no --save-policies); running them again");
        }
    }

    /**
     * Writes runs.csv, summary.csv, charts, the manifest (with {@code moreManifest} entries after its own),
     * claims.csv (when the scenario has claims) and report.html into {@code folder}.
     */
    static void writeResults(Path folder, Scenario scenario, List<SweepPoint> points, List<RunResult> results,
                             Manifest manifest, Map<String, ?> moreManifest) throws IOException {
        List<SummaryRow> summary = ResultsWriter.write(folder, points, results, scenario.charts(), manifest);
        ClaimCheck.write(folder, ClaimCheck.of(scenario.claims(), scenario.validated(), points, results, summary,
                manifest.smoke()));
        if (!moreManifest.isEmpty()) {
            // ResultsWriter writes the record alone; the extra entries (a merge's provenance) replace that file.
            Files.writeString(folder.resolve("manifest.json"), ManifestJson.write(manifest, moreManifest),
                    StandardCharsets.UTF_8);
        }
        // Written from the files just saved, exactly as `innerlab report` would, before the commit
        // makes the folder appear: a folder without its report is never visible.
        HtmlReport.write(folder);
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
