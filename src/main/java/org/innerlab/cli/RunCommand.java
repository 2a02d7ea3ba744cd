package org.innerlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.lab.Experiment;
import org.innerlab.lab.Shard;
import org.innerlab.measure.Outcome;
import org.innerlab.report.ClaimCheck;
import org.innerlab.report.ClaimVerdict;
import org.innerlab.report.LabelsCsv;
import org.innerlab.report.RunFolder;
import org.innerlab.gui.Recording;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ValidatedRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab run}: runs a scenario's sweep × seeds and writes a run folder. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a scenario's sweep points x seeds and write a run folder.",
                "Runs every sweep point x seed in parallel, then writes runs.csv, summary.csv, charts, "
                        + "manifest.json, report.html to output/<scenario>/<run-id>/. The folder appears only when complete; "
                        + "an interrupted sweep resumes where it stopped when run again with the same settings."},
        footer = {"", "Examples:",
                "  innerlab run scenarios/coinrun-goal-misgeneralization.yaml",
                "  innerlab run scenarios/coinrun-goal-misgeneralization.yaml --seeds 5 --set environment.params.width=20",
                "  innerlab run scenarios/coinrun-goal-misgeneralization.yaml --smoke --out /tmp/check",
                "  innerlab run scenarios/cheese-maze.yaml --seed 7 --check-claims",
                "", "Exit codes: 0 success, 2 bad input (scenario or arguments), 3 a claim failed (--check-claims, "
                        + "never on --smoke; a claim not checked, or outside the scenario's validated ranges, is no "
                        + "failure), 1 anything else."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file (YAML), or a shipped scenario's name as innerlab list prints it")
    Path scenarioFile;

    @Mixin
    ScenarioOverrides overrides;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "the run folder to create (must not exist yet; "
            + "default output/<scenario-name>/<run-id>/)")
    Path out;

    @Option(names = "--output-root", paramLabel = "DIR", defaultValue = "output",
            description = "root of default run folders (default: ${DEFAULT-VALUE})")
    Path outputRoot;

    @Option(names = "--smoke", description = "shrink every budget for a seconds-long check that the scenario runs")
    boolean smoke;

    @Option(names = "--save-policies", description = "also write each trained learner to "
            + "policies/p<point>-r<run>.policy in the run folder (for innerlab show --policy)")
    boolean savePolicies;

    @Option(names = "--shard", paramLabel = "K/N", description = "run only shard K of N (K from 0 to N-1, as "
            + "$SLURM_ARRAY_TASK_ID of --array=0-(N-1)): the runs numbered i mod N = K in the sweep's order, into a "
            + "shard folder for innerlab merge (default output/<scenario-name>/shard-K-of-N/)")
    String shard;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--check-claims", description = "exit with code " + CLAIM_FAILED + " when one of the scenario's "
            + "claims fails (claims.csv); a --smoke run's verdicts are not meaningful and never fail it, nor does a "
            + "claim not-checked (its point left out of a --set sweep) or outside-validated-range")
    boolean checkClaims;

    /** The exit code of a run whose claims {@code --check-claims} found failing. */
    static final int CLAIM_FAILED = 3;

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be at least 1, got " + threads
                    + "; give the number of worker threads, or leave it out to use every core");
        }
        Shard part = shard == null ? null : Shard.parse(shard);
        Scenario scenario = load();
        if (smoke) {
            scenario = scenario.smoke();
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        // originalArgs() is the whole command line, subcommand name included.
        List<String> command = new ArrayList<>(List.of("innerlab"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        if (part != null && out == null) {
            out = outputRoot.resolve(scenario.name()).resolve("shard-" + part.index() + "-of-" + part.count());
        }
        if (out != null && Files.exists(out)) {
            throw new BadInputException("--out " + out + " exists already; name a new folder");
        }
        // Before the run starts, so a user who moved a size out of range knows at once what the claims are worth.
        ValidatedRange.warnings(scenario.validated(), scenario.points())
                .forEach(w -> spec.commandLine().getErr().println("innerlab run: warning: " + w));
        Scenario toRun = scenario;
        Path folder = Experiment.run(toRun, new Experiment.Options(workers, outputRoot, out, command, savePolicies,
                Recording.animator(), smoke, part),
                (sweep, done) -> new ProgressBar(System.err, !quiet && ProgressBar.stderrIsTerminal(),
                        toRun.points().size(), toRun.seeds(), done), System.err);
        spec.commandLine().getOut().println(folder);
        Path labels = folder.resolve("labels.csv");
        if (Files.exists(labels)) {
            // After the folder path, so a script reading stdout still gets only the path.
            labelLines(LabelsCsv.tally(Files.readString(labels)), smoke).forEach(spec.commandLine().getErr()::println);
        }
        // A shard holds part of the sweep; its claims are checked when innerlab merge assembles the whole.
        List<ClaimVerdict> claims = part == null ? ClaimCheck.of(RunFolder.read(folder)) : List.of();
        if (smoke && !claims.isEmpty()) {
            // A line per claim would read as findings; at smoke budgets they are only a sign that the checks ran.
            spec.commandLine().getErr().println("claims: " + claims.stream().filter(ClaimVerdict::holds).count()
                    + " of " + claims.size() + " hold at the smoke budget, which says nothing about the organism; "
                    + "see claims.csv");
        } else {
            claims.forEach(v -> spec.commandLine().getErr().println(v.line()));
        }
        boolean failed = claims.stream().anyMatch(ClaimVerdict::fails);
        if (checkClaims && smoke && !claims.isEmpty()) {
            spec.commandLine().getErr().println("innerlab run: --check-claims ignores a --smoke run: its budgets say "
                    + "nothing about the organism");
        }
        return checkClaims && failed ? CLAIM_FAILED : 0;
    }

    /**
     * What the run's labels say, for the terminal: one line per sweep point ({@code labels (point 1, x=5):
     * 18/20 robust, 2/20 not-learned}; just {@code labels:} for a single point), each training-time label
     * explained; then a warning when most runs are {@value Outcome#NOT_LEARNED}, which would otherwise pass
     * silently behind the folder path, or a note when most are {@value Outcome#MISBEHAVES_IN_TRAINING},
     * for which the advice to train longer would be wrong.
     */
    static List<String> labelLines(List<LabelsCsv.PointLabels> points, boolean smoke) {
        List<String> lines = new ArrayList<>();
        int runs = 0;
        int notLearned = 0;
        int misbehaving = 0;
        for (LabelsCsv.PointLabels point : points) {
            runs += point.runs();
            notLearned += point.counts().getOrDefault(Outcome.NOT_LEARNED, 0);
            misbehaving += point.counts().getOrDefault(Outcome.MISBEHAVES_IN_TRAINING, 0);
            StringBuilder line = new StringBuilder("labels");
            if (points.size() > 1) {
                line.append(" (").append(point.point()).append(')');
            }
            line.append(": ");
            point.counts().forEach((label, n) -> line.append(n).append('/').append(point.runs()).append(' ')
                    .append(label).append(", "));
            line.setLength(line.length() - 2);
            explain(line, point, Outcome.NOT_LEARNED, "the learner did not master training");
            explain(line, point, Outcome.MISBEHAVES_IN_TRAINING, "competent in training, but not as intended there");
            lines.add(line.append("; see report.html#outcomes").toString());
        }
        if (2 * notLearned > runs) {
            lines.add("innerlab run: warning: " + notLearned + " of " + runs + " runs are " + Outcome.NOT_LEARNED
                    + " (intended success and competence on " + Outcome.IN_DISTRIBUTION + " below " + Outcome.MASTERED
                    + "), so they say nothing about generalization; "
                    + (smoke ? "expected of a --smoke run's budgets, run without --smoke"
                            : "train longer (training steps) or give the learner more capacity"));
        } else if (2 * misbehaving > runs) {
            lines.add("innerlab run: " + misbehaving + " of " + runs + " runs are " + Outcome.MISBEHAVES_IN_TRAINING
                    + " (competence on " + Outcome.IN_DISTRIBUTION + " at least " + Outcome.MASTERED
                    + ", intended success below it): the training signal pays for what the intended goal forbids, "
                    + "so training longer will not remove it; see the misbehaviour metrics in report.html");
        }
        return lines;
    }

    /** Appends what {@code label} means when the point has it, named unless it is the point's only label. */
    private static void explain(StringBuilder line, LabelsCsv.PointLabels point, String label, String meaning) {
        if (point.counts().containsKey(label)) {
            line.append(point.counts().size() == 1 ? " (" : " (" + label + ": ").append(meaning).append(')');
        }
    }

    private Scenario load() {
        return overrides.load(ScenarioArgument.resolve(scenarioFile, "run", "running", spec.commandLine().getErr()));
    }
}
