package org.innerlab.cli;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Inspection;
import org.innerlab.inspect.FittedProbe;
import org.innerlab.inspect.ProbeDesign;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.gui.Recording;
import org.innerlab.gui.RunWithUI;
import org.innerlab.gui.TrainingCurve;
import org.innerlab.gui.TrainingCurvePanel;
import org.innerlab.gui.Watch;
import org.innerlab.gui.WatchModel;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab show}: watch a trained model organism in a MASON window, or export what it does. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Watch a model organism play, one move at a time.",
                "Trains run --run of sweep point --point exactly as 'innerlab run' would (or loads --policy), then "
                        + "opens a MASON Console and a board display with the policy overlay: an arrow per open cell "
                        + "for the likeliest move, opacity = its probability. With --record it opens no window and "
                        + "writes an animated GIF (and, with --png-dir, the PNG frames) instead."},
        footer = {"", "Examples:",
                "  innerlab show scenarios/coinrun-goal-misgeneralization.yaml --distribution test",
                "  innerlab show scenarios/coinrun-goal-misgeneralization.yaml --record episode.gif --frames 80",
                "  innerlab show scenarios/coinrun-goal-misgeneralization.yaml --distribution test --values",
                "  innerlab show scenarios/coinrun-goal-misgeneralization.yaml --policy output/.../policies/p0-r0.policy",
                "", "Watching uses its own random streams: it never changes what 'innerlab run' measures.",
                "", "Exit codes: 0 success, 2 bad input (scenario, arguments or policy file), 1 anything else."})
public final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file (YAML), or a shipped scenario's name as innerlab list prints it")
    Path scenarioFile;

    @Option(names = "--point", paramLabel = "K", defaultValue = "0", description = "sweep point index (default: 0)")
    int point;

    @Option(names = "--run", paramLabel = "I", defaultValue = "0", description = "run (seed) index within the point (default: 0)")
    int run;

    @Option(names = "--seed", paramLabel = "N", description = "override the scenario's master seed")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE", description = "override a scenario key, as in 'innerlab run'")
    List<String> sets = new ArrayList<>();

    @Option(names = "--distribution", paramLabel = "NAME", defaultValue = "train",
            description = "the distribution to play first (default: ${DEFAULT-VALUE}); the window can switch")
    String distribution;

    @Option(names = "--policy", paramLabel = "FILE", description = "a saved policy (innerlab run --save-policies) instead of training")
    Path policy;

    @Option(names = "--record", paramLabel = "GIF", description = "write an animated GIF, headless, instead of opening a window")
    Path record;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "60",
            description = "frames to record, 1.." + Recording.MAX_FRAMES + " (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--png-dir", paramLabel = "DIR", description = "with --record, also write each frame as a PNG here")
    Path pngDir;

    @Option(names = "--values", description = "draw the learner's value estimate (V(s), or max_a Q(s,a)) as a heat map "
            + "under the arrows; the window has a switch for it too")
    boolean values;

    @Option(names = "--probe", paramLabel = "NAME",
            description = "paint this probe of the scenario's evaluation.probes beside the board: its P(positive) of "
                    + "the state the agent is about to act in, fit as the run fits it")
    String probe;

    @Option(names = "--smoke", description = "shrink the training budget for a seconds-long check")
    boolean smoke;

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "open the window, play --steps moves, save a screenshot of the screen and exit (for CI under Xvfb)")
    Path screenshot;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "moves to play before --screenshot (default: ${DEFAULT-VALUE})")
    long steps;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (record == null && pngDir != null) {
            throw new BadInputException("--png-dir " + pngDir + " saves the frames of a recording; add --record "
                    + "episode.gif, or leave --png-dir out");
        }
        if (record == null && GraphicsEnvironment.isHeadless()) {
            throw new BadInputException("there is no display to open a window on; record headless instead with "
                    + "--record episode.gif" + (screenshot != null ? " (--screenshot needs a display, e.g. xvfb-run)" : ""));
        }
        if (record != null) {
            Recording.checkTargets(record, frames, pngDir);
        }
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Path file = ScenarioArgument.resolve(scenarioFile, "show", "showing", err);
        Scenario scenario = ScenarioLoader.load(file, overrides);
        if (smoke) {
            scenario = scenario.smoke();
        }
        SweepPoint chosen = scenario.points().stream().filter(p -> p.index() == point).findFirst().orElse(null);
        if (chosen == null) {
            throw new BadInputException("--point " + point + " is not a sweep point; the scenario has points 0.."
                    + (scenario.points().size() - 1));
        }
        if (run < 0) {
            throw new BadInputException("--run must be at least 0, got " + run + "; runs count from 0");
        }
        if (!chosen.scenario().environment().distributions().containsKey(distribution)) {
            throw new BadInputException("--distribution " + distribution + ": the scenario has "
                    + chosen.scenario().environment().distributions().keySet());
        }
        ProbeDesign probeDesign = probe == null ? null : Inspection.probes(chosen.scenario(), List.of(probe)).get(0);
        if (policy != null && !Files.isRegularFile(policy)) {
            throw new BadInputException("--policy " + policy + ": no such file; give a .policy file that "
                    + "innerlab run --save-policies wrote");
        }
        WatchModel.Trained trained;
        // The window shows the training curve; while training, a window of its own shows it growing.
        TrainingCurve curve = record == null && policy == null ? new TrainingCurve() : null;
        JFrame[] growingHolder = new JFrame[1];
        if (curve != null && !GraphicsEnvironment.isHeadless()) {
            SwingUtilities.invokeAndWait(() -> {
                growingHolder[0] = TrainingCurvePanel.frame(curve, "innerlab show: training ...");
                growingHolder[0].setVisible(true);
            });
        }
        JFrame growing = growingHolder[0];
        try {
            if (policy == null) {
                err.println("innerlab show: training point " + point + ", run " + run + " ...");
            }
            trained = WatchModel.train(chosen, run, policy, curve);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            if (policy == null) {
                throw e;
            }
            // Loading refuses a policy file that does not fit the scenario or is not one.
            throw new BadInputException("--policy " + policy + ": " + e.getMessage(), e);
        } finally {
            if (growing != null) {
                SwingUtilities.invokeAndWait(growing::dispose);
            }
        }
        FittedProbe fitted = probeDesign == null ? null
                : Inspection.fitProbe(trained.organism(), trained.seeds(), probeDesign);
        if (record != null) {
            Watch watch = new Watch(trained.organism(), distribution, trained.seeds());
            watch.setShowValues(values);
            watch.setProbe(fitted);
            Recording.record(watch, frames, record, pngDir);
            spec.commandLine().getOut().println(record);
            return 0;
        }
        WatchModel model = new WatchModel(trained, distribution);
        model.setValues(values);
        model.setProbe(fitted);
        model.setTrainingCurve(curve);
        if (screenshot != null) {
            RunWithUI.captureAfter(model, steps, screenshot);
            spec.commandLine().getOut().println(screenshot);
            return 0;
        }
        RunWithUI.open(model);
        // The Console's window keeps the JVM alive; Main must not exit, so wait until it is closed.
        RunWithUI.awaitClosed();
        return 0;
    }
}
