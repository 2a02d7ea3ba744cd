package org.innerlab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.innerlab.env.EnvSpec;

/**
 * A validated scenario: what to train, how, how to evaluate, and what to sweep. Immutable; every
 * default is filled in, so a resolved scenario written back out reproduces the run exactly.
 * {@link ScenarioLoader} builds one from a file; the file format is described in the package
 * documentation.
 *
 * @param name        short id used for the output folder ({@code [a-z0-9-]+})
 * @param description what the scenario shows, in prose
 * @param seed        master seed; run {@code i} of sweep point {@code k} derives its streams from (seed, k, i)
 * @param seeds       independent runs per sweep point
 * @param environment environment id, parameters and named distributions
 * @param learner     learner type, observation and learner parameters
 * @param data        the demonstrations behaviour-cloning stages train on, or null
 * @param training    training stages, run in order on the same learner
 * @param evaluation  evaluation episodes and distributions
 * @param sweep       canonical dotted scenario path → canonical values, in file order; the sweep is the
 *                    cartesian product, first key slowest
 * @param charts      charts to draw from the summary
 * @param report      extras of the HTML report (animations)
 * @param conditions  named partial scenarios that the sweep key {@code condition} selects
 * @param claims      what the organism shows, checked over the summary after every run ({@link ClaimConfig});
 *                    like the charts, they belong to the whole sweep, so a point's scenario has none
 * @param validated   the ranges of values over which the claims were measured to hold ({@link ValidatedRange});
 *                    a run outside them warns and marks the claims that read such points; a point's scenario has none
 * @param source      the file this came from (for messages), or null
 */
public record Scenario(String name, String description, long seed, int seeds,
                       EnvironmentConfig environment, LearnerConfig learner, DataConfig data, List<StageConfig> training,
                       EvaluationConfig evaluation, Map<String, List<Object>> sweep, List<ChartConfig> charts,
                       ReportConfig report, Conditions conditions, List<ClaimConfig> claims,
                       List<ValidatedRange> validated, Path source) {

    /** {@link #smoke()}'s cap on runs per point: two, so that per-point statistics still have a spread. */
    public static final int SMOKE_SEEDS = 2;
    /** {@link #smoke()}'s cap on each stage's environment steps: enough for a few updates of every regime. */
    public static final long SMOKE_STEPS = 5_000;
    /** {@link #smoke()}'s cap on demonstration episodes. */
    public static final int SMOKE_DATA_EPISODES = 100;
    /** {@link #smoke()}'s cap on evaluation episodes per distribution. */
    public static final int SMOKE_EPISODES = 20;

    public Scenario {
        Objects.requireNonNull(name, "name");
        training = List.copyOf(training);
        charts = List.copyOf(charts);
        claims = claims == null ? List.of() : List.copyOf(claims);
        validated = validated == null ? List.of() : List.copyOf(validated);
        report = report == null ? ReportConfig.NONE : report;
        conditions = conditions == null ? Conditions.NONE : conditions;
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        if (sweep != null) {
            sweep.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        sweep = Collections.unmodifiableMap(copy);
    }

    /** A scenario without validated ranges. */
    public Scenario(String name, String description, long seed, int seeds, EnvironmentConfig environment,
                    LearnerConfig learner, DataConfig data, List<StageConfig> training, EvaluationConfig evaluation,
                    Map<String, List<Object>> sweep, List<ChartConfig> charts, ReportConfig report,
                    Conditions conditions, List<ClaimConfig> claims, Path source) {
        this(name, description, seed, seeds, environment, learner, data, training, evaluation, sweep, charts, report,
                conditions, claims, List.of(), source);
    }

    /** A scenario without claims. */
    public Scenario(String name, String description, long seed, int seeds, EnvironmentConfig environment,
                    LearnerConfig learner, DataConfig data, List<StageConfig> training, EvaluationConfig evaluation,
                    Map<String, List<Object>> sweep, List<ChartConfig> charts, ReportConfig report,
                    Conditions conditions, Path source) {
        this(name, description, seed, seeds, environment, learner, data, training, evaluation, sweep, charts, report,
                conditions, List.of(), source);
    }

    /** A scenario without demonstrations, conditions or claims. */
    public Scenario(String name, String description, long seed, int seeds, EnvironmentConfig environment,
                    LearnerConfig learner, List<StageConfig> training, EvaluationConfig evaluation,
                    Map<String, List<Object>> sweep, List<ChartConfig> charts, ReportConfig report, Path source) {
        this(name, description, seed, seeds, environment, learner, null, training, evaluation, sweep, charts, report,
                Conditions.NONE, source);
    }

    /**
     * The sweep's points in order (first key slowest), each with its own fully resolved scenario;
     * one point with no assignments when there is no sweep. Environments are looked up in
     * {@link org.innerlab.env.EnvRegistry}.
     */
    public List<SweepPoint> points() {
        return Sweeps.expand(this);
    }

    /** {@link #points()} with environment specs from {@code specs}. */
    public List<SweepPoint> points(Function<String, EnvSpec> specs) {
        return Sweeps.expand(this, specs);
    }

    /**
     * The distribution names results are reported under: the evaluation's ({@link EvaluationConfig#reported}),
     * then, with {@code report.performance_gap_recovered}, the weak supervisors' twins of its distributions
     * ({@link GapRecoveredConfig#supervisorDistributions}). Charts and tables may name any of them.
     */
    public List<String> reportedDistributions() {
        List<String> names = new ArrayList<>(evaluation.reported());
        if (report.gapRecovered() != null) {
            names.addAll(report.gapRecovered().supervisorDistributions());
        }
        return List.copyOf(names);
    }

    /**
     * A copy with tiny budgets for CI: at most {@value #SMOKE_SEEDS} seeds, {@value #SMOKE_STEPS} steps per
     * stage and {@value #SMOKE_EPISODES} evaluation episodes, also where the sweep sets them. The sweep
     * keeps every point, so every point still runs.
     */
    public Scenario smoke() {
        List<StageConfig> stages = new ArrayList<>();
        for (StageConfig s : training) {
            stages.add(new StageConfig(s.regime(), Math.min(s.steps(), SMOKE_STEPS), s.rater(), s.params(),
                    s.raterParams(), s.data() == null ? null : s.data().withAtMostEpisodes(SMOKE_DATA_EPISODES)));
        }
        EvaluationConfig eval = evaluation.withAtMostEpisodes(SMOKE_EPISODES, smokeCurve(evaluation.curve()));
        Map<String, List<Object>> smokeSweep = new LinkedHashMap<>();
        sweep.forEach((path, values) -> {
            List<Object> capped = new ArrayList<>();
            for (Object v : values) {
                if (path.equals("seeds") || path.equals("evaluation.episodes")) {
                    int cap = path.equals("seeds") ? SMOKE_SEEDS : SMOKE_EPISODES;
                    capped.add(Math.min(((Number) v).intValue(), cap));
                } else if (path.matches("training\\.\\d+\\.steps")) {
                    capped.add(Math.min(((Number) v).longValue(), SMOKE_STEPS));
                } else {
                    capped.add(v);
                }
            }
            smokeSweep.put(path, capped);
        });
        DataConfig smokeData = data == null ? null : data.withAtMostEpisodes(SMOKE_DATA_EPISODES);
        return new Scenario(name, description, seed, Math.min(seeds, SMOKE_SEEDS), environment, learner, smokeData,
                stages, eval, smokeSweep, charts, report, conditions.capped(Scenario::smokeCap), claims, validated,
                source);
    }

    /**
     * A training curve with smoke budgets: at most {@value #SMOKE_EPISODES} episodes per point and a
     * best-of-n pool of at most {@value #SMOKE_DATA_EPISODES}, keeping the values of n that fit it.
     */
    private static CurveConfig smokeCurve(CurveConfig c) {
        if (c == null) {
            return null;
        }
        int pool = Math.min(c.bestOfNPool(), SMOKE_DATA_EPISODES);
        List<Integer> ns = new ArrayList<>();
        for (int n : c.bestOfN()) {
            if (n <= pool) {
                ns.add(n);
            }
        }
        if (ns.isEmpty() && pool > 0) {
            ns.add(pool);
        }
        return new CurveConfig(c.every(), Math.min(c.episodes(), SMOKE_EPISODES), c.distributions(), c.referenceStage(),
                pool, ns, c.online());
    }

    /** The smoke cap of a scalar a condition sets at {@code path}. */
    private static Node.Scalar smokeCap(String path, Node.Scalar value) {
        if (!(value.value() instanceof Number n)) {
            return value;
        }
        long cap;
        if (path.equals("seeds")) {
            cap = SMOKE_SEEDS;
        } else if (path.equals("evaluation.episodes")) {
            cap = SMOKE_EPISODES;
        } else if (path.matches("training\\.\\d+\\.steps")) {
            cap = SMOKE_STEPS;
        } else if (path.matches("(training\\.\\d+\\.)?data\\.episodes")) {
            cap = SMOKE_DATA_EPISODES;
        } else {
            return value;
        }
        return n.longValue() <= cap ? value : Node.Scalar.of(cap, value.origin());
    }

    /** A copy with another master seed (a sweep of {@code seed}, if any, still sets it per point). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, seeds, environment, learner, data, training, evaluation, sweep,
                charts, report, conditions, claims, validated, source);
    }

    /**
     * A copy with another number of runs per point, validated like the file's {@code seeds}.
     *
     * @throws ScenarioException {@code --seeds 0: must be an integer in [1, 10000], got 0}, or when the
     *                           sweep would then exceed {@link Sweeps#MAX_STAGE_RUNS}
     */
    public Scenario withSeeds(int newSeeds) {
        Origin option = Origin.option("--seeds", Integer.toString(newSeeds), "seeds");
        if (newSeeds < 1 || newSeeds > ScenarioSchema.MAX_SEEDS) {
            throw new ScenarioException(option, "seeds",
                    "must be an integer in [1, " + ScenarioSchema.MAX_SEEDS + "], got " + newSeeds, null);
        }
        Sweeps.requireFeasible(option, Sweeps.pointCount(sweep), newSeeds, training.size());
        return new Scenario(name, description, seed, newSeeds, environment, learner, data, training, evaluation, sweep,
                charts, report, conditions, claims, validated, source);
    }

    /** A copy that names another source file (e.g. the run folder's copy). */
    public Scenario withSource(Path newSource) {
        return new Scenario(name, description, seed, seeds, environment, learner, data, training, evaluation, sweep,
                charts, report, conditions, claims, validated, newSource);
    }
}
