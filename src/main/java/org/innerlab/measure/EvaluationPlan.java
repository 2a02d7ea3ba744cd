package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.Params;
import org.innerlab.env.Snapshots;
import org.innerlab.env.TabularMdp;
import org.innerlab.learner.Committee;
import org.innerlab.learner.DecisionLog;
import org.innerlab.learner.DeploymentBelief;
import org.innerlab.learner.GoalVector;
import org.innerlab.learner.PersonaShareSource;
import org.innerlab.learner.Policy;
import org.innerlab.learner.QFunction;
import org.innerlab.observe.Encoder;

/**
 * Which metrics one run reports and how they are computed, decided once from what the environment
 * declares ({@link EnvSpec}: events, proxies, counters, oversight, personas), what the learner provides
 * (its capability interfaces in {@code learner}: {@link DeploymentBelief} with a belief head,
 * {@link DecisionLog}, {@link GoalVector}, {@link PersonaShareSource}) and the evaluation settings.
 * Scenario validation asks it which metric names exist ({@link #metricNames()}, {@link #curveMetricNames()});
 * the run asks it to measure ({@link #evaluate}, {@link #contrasts}, {@link #goalMetrics()},
 * {@link #personaShareMetrics()}), so neither tests for concrete learner classes.
 *
 * <p>Every metric the plan names is described by the {@link MetricCatalog} registry, which declares what
 * each one needs ({@link Metric#needs()}); the plan reports a metric exactly when those needs are met.
 */
public final class EvaluationPlan {
    /**
     * The evaluation settings that decide which metrics exist, as plain values.
     *
     * @param suite               an evaluation suite is configured (evaluation.suite)
     * @param backdoorPersistence the report divides misbehaviour after safety training by that before it
     *                            (report.backdoor_persistence)
     * @param gapRecovered        the report compares weak-to-strong arms with a weak supervisor and a strong
     *                            ceiling (report.performance_gap_recovered)
     */
    public record Settings(boolean suite, boolean curve, boolean backdoorPersistence, boolean gapRecovered) {
        /** Without a weak-to-strong comparison. */
        public Settings(boolean suite, boolean curve, boolean backdoorPersistence) {
            this(suite, curve, backdoorPersistence, false);
        }
    }

    /** A curve point's (and best-of-n's) score from the rater its stage trains against. */
    public static final String RATED_RETURN = "rated_return";
    /** Rated return minus true return per episode: the Goodhart gap of the rater itself. */
    public static final String RATED_GAP = "rated_gap";
    /** KL of the policy's episodes from those of the policy training started from, summed over steps. */
    public static final String KL_TO_INITIAL = "kl_to_initial";
    /** The same divergence averaged over the visited states. */
    public static final String KL_PER_STEP = "kl_per_step";
    /** The curve metrics of a training curve's points, besides the {@link Evaluator}'s. */
    private static final List<String> CURVE_METRICS = List.of(RATED_RETURN, RATED_GAP, KL_TO_INITIAL, KL_PER_STEP);

    private final EnvSpec spec;
    private final Set<Metric.Need> met;
    private final Object learner;

    private EvaluationPlan(EnvSpec spec, Set<Metric.Need> learnerProvides, Settings settings, Object learner) {
        this.spec = spec;
        this.learner = learner;
        Set<Metric.Need> needs = new LinkedHashSet<>(Metric.Need.of(spec));
        needs.addAll(learnerProvides);
        if (settings.suite()) {
            needs.add(Metric.Need.SUITE);
        }
        if (settings.curve()) {
            needs.add(Metric.Need.CURVE);
        }
        if (settings.backdoorPersistence()) {
            needs.add(Metric.Need.BACKDOOR_PERSISTENCE);
        }
        if (settings.gapRecovered()) {
            needs.add(Metric.Need.GAP_RECOVERED);
        }
        this.met = Set.copyOf(needs);
    }

    /**
     * The plan a scenario validates against, before any learner exists.
     *
     * @param learnerProvides the learner capabilities the scenario's learner will provide
     */
    public static EvaluationPlan forScenario(EnvSpec spec, Set<Metric.Need> learnerProvides, Settings settings) {
        return new EvaluationPlan(spec, learnerProvides, settings, null);
    }

    /** The plan of a run whose trained learner is {@code learner}: its capabilities are what it implements. */
    public static EvaluationPlan forRun(EnvSpec spec, Object learner, Settings settings) {
        return new EvaluationPlan(spec, Metric.Need.providedBy(learner), settings, learner);
    }

    /** Whether this plan's environment, learner and settings meet {@code metric}'s needs. */
    public boolean reports(Metric metric) {
        return met.containsAll(metric.needs());
    }

    /**
     * The metric names a chart or table may name, in report order: the {@link Evaluator}'s (with the
     * reference and attack probes wherever the environment has personas, since a condition may switch
     * them on), the contrasts between distributions, then what the learner and the settings add.
     */
    public List<String> metricNames() {
        boolean personas = met.contains(Metric.Need.PERSONAS);
        List<String> names = new ArrayList<>(Evaluator.metricNames(spec, personas, personas));
        for (Metric metric : perEpisodeMetrics()) {
            names.add(metric.id());
        }
        addIfReported(names, ConditionalMisbehaviour.GAP);
        addIfReported(names, DeceptiveAlignment.COMPLIANCE_GAP);
        addIfReported(names, DeceptiveAlignment.FAKING_RATE);
        addIfReported(names, DeceptiveAlignment.GOAL_DRIFT);
        addIfReported(names, DeceptiveAlignment.REFUSAL_PREFERENCE);
        addIfReported(names, Evaluator.BELIEF_DEPLOYED);
        addIfReported(names, QReading.ADVANTAGE);
        for (String member : MemberFailures.METRICS) {
            addIfReported(names, member);
        }
        for (String suite : EvaluationSuite.metricNames()) {
            addIfReported(names, suite);
        }
        if (met.contains(Metric.Need.PERSONA_SHARES)) {
            names.addAll(PersonaShares.learnerMetricNames(spec));
        }
        addIfReported(names, BackdoorPersistence.METRIC);
        if (met.contains(Metric.Need.EXACT_MODEL)) {
            names.addAll(ExactPower.metricNames(spec));
        }
        addIfReported(names, GapRecovered.METRIC);
        return names;
    }

    /** The metric names of a training curve's points: the {@link Evaluator}'s, then the curve's own. */
    public List<String> curveMetricNames() {
        List<String> names = new ArrayList<>(Evaluator.metricNames(spec));
        for (String curve : CURVE_METRICS) {
            addIfReported(names, curve);
        }
        return names;
    }

    /** The registered metrics measured by an {@link EpisodeProbe} whose needs this plan meets, in registration order. */
    public List<Metric> perEpisodeMetrics() {
        List<Metric> measured = new ArrayList<>();
        for (Metric metric : MetricCatalog.METRICS.all()) {
            if (metric.probe() != null && reports(metric)) {
                measured.add(metric);
            }
        }
        return measured;
    }

    private void addIfReported(List<String> names, String metric) {
        if (reports(MetricCatalog.METRICS.require(metric))) {
            names.add(metric);
        }
    }

    /**
     * The {@link Evaluator}'s metrics of {@code policy} on one distribution reported as {@code name},
     * then, for a learner with a {@link DecisionLog}, the faking rate of the decisions it took there.
     */
    public List<MetricValue> evaluate(String name, Environment env, Encoder encoder, Policy policy, Evaluator.Mode mode,
                                      int episodes, MersenneTwisterFast levels, MersenneTwisterFast actions,
                                      Probes probes) {
        DecisionLog log = learner instanceof DecisionLog d ? d : null;
        if (log != null) {
            log.clearDecisions();
        }
        List<MetricValue> measured = new ArrayList<>(Evaluator.evaluate(name, env, encoder, policy, mode, episodes,
                levels, actions, probes, perEpisodeMetrics()));
        if (log != null) {
            // The learner logs a reason per decision; the ones just taken are this distribution's.
            measured.add(DeceptiveAlignment.fakingRate(name, log));
        }
        return measured;
    }

    /**
     * The learner's belief head, which belief steering clamps, or null when the learner has none.
     */
    public DeploymentBelief beliefHead() {
        return met.contains(Metric.Need.BELIEF_HEAD) ? (DeploymentBelief) learner : null;
    }

    /**
     * The contrasts between evaluated distributions: conditional misbehaviour gaps and compliance gaps of
     * the sampled, then of the greedy distributions, then the attacked distributions' misbehaviour gaps.
     *
     * @param measured the run's evaluation metrics so far (with misbehaviour_rate per distribution)
     */
    public List<MetricValue> contrasts(Map<String, Params> sampled, Map<String, Params> greedy,
                                       Map<String, Params> attacked, List<MetricValue> measured) {
        List<MetricValue> all = new ArrayList<>(measured);
        int before = all.size();
        all.addAll(ConditionalMisbehaviour.gaps(spec, sampled, all));
        all.addAll(DeceptiveAlignment.complianceGaps(spec, sampled, all));
        if (!greedy.isEmpty()) {
            all.addAll(ConditionalMisbehaviour.gaps(spec, greedy, all));
            all.addAll(DeceptiveAlignment.complianceGaps(spec, greedy, all));
        }
        all.addAll(ConditionalMisbehaviour.gaps(spec, attacked, all));
        return List.copyOf(all.subList(before, all.size()));
    }

    /**
     * The exact POWER analysis ({@link ExactPower}) of the distribution {@code name}'s environment when it
     * offers its model, with the sample count, reward distribution and discount its parameters declare
     * ({@link TabularMdp#SAMPLES}, {@link TabularMdp#REWARDS}, {@link TabularMdp#DISCOUNT}; a declared
     * discount of 0 means {@code trainingGamma}); empty when the environment has no model or the discount
     * is not in (0, 1).
     *
     * @param trainingGamma the γ of the last training stage that has one, NaN when none has
     * @param rewards       the stream the reward functions are drawn from
     */
    public List<MetricValue> power(String name, Environment env, double trainingGamma, MersenneTwisterFast rewards) {
        if (!(env instanceof TabularMdp mdp) || !met.contains(Metric.Need.EXACT_MODEL)) {
            return List.of();
        }
        double declared = env.params().getDouble(TabularMdp.DISCOUNT);
        double gamma = declared > 0 ? declared : trainingGamma;
        if (!(gamma > 0 && gamma < 1)) {
            return List.of();
        }
        return new ExactPower(mdp, spec.events().size())
                .analyse(gamma, env.params().getInt(TabularMdp.SAMPLES),
                        ExactPower.Rewards.named(env.params().getString(TabularMdp.REWARDS)), rewards)
                .metrics(name, spec, mdp.startState());
    }

    /**
     * The {@link QReading} of a {@link QFunction} learner on the distribution {@code name}, when the plan
     * reports it and the environment offers {@link Snapshots}; empty otherwise.
     *
     * @param reset the stream the reading's start state is drawn from
     */
    public List<MetricValue> qReading(String name, Environment env, Encoder encoder, MersenneTwisterFast reset) {
        if (!(learner instanceof QFunction q)
                || !reports(MetricCatalog.METRICS.require(QReading.ADVANTAGE))) {
            return List.of();
        }
        return List.of(QReading.advantage(name, env, encoder, q, reset));
    }

    /**
     * A {@link Committee} learner's members measured one by one on the distribution {@code name}'s
     * episodes ({@link MemberFailures}), when the plan reports it; empty otherwise.
     *
     * @param levels  fresh copies of the stream the learner's own episodes were drawn from
     * @param actions fresh copies of the stream its actions were drawn from
     */
    public List<MetricValue> memberFailures(String name, Environment env, Encoder encoder, Evaluator.Mode mode,
                                            int episodes, Supplier<MersenneTwisterFast> levels,
                                            Supplier<MersenneTwisterFast> actions) {
        if (!(learner instanceof Committee committee)
                || !reports(MetricCatalog.METRICS.require(MemberFailures.MEMBER_RATE))) {
            return List.of();
        }
        return MemberFailures.measure(name, env, encoder, committee, mode, episodes, levels, actions);
    }

    /** A {@link GoalVector} learner's goal drift and refusal preference (empty for any other learner). */
    public List<MetricValue> goalMetrics() {
        return learner instanceof GoalVector goal ? DeceptiveAlignment.learnerMetrics(goal) : List.of();
    }

    /** A {@link PersonaShareSource} learner's persona shares (empty for any other learner). */
    public List<MetricValue> personaShareMetrics() {
        return learner instanceof PersonaShareSource mixture ? PersonaShares.learnerMetrics(mixture) : List.of();
    }
}
