package org.innerlab.experiment;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.ActionChoice;
import org.innerlab.learner.Policy;
import org.innerlab.measure.BestOfN;
import org.innerlab.measure.EpisodeInterval;
import org.innerlab.measure.EvaluationPlan;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.MetricValue;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.regime.Regime;
import org.innerlab.scenario.CurveConfig;
import org.innerlab.scenario.Scenario;

/**
 * Records a training curve ({@link CurveConfig}): observes a run's stages and, every {@code every}
 * training steps from the start of the reference stage, evaluates the current policy; it never
 * changes the run (its own random streams, a {@link Rater#measuring() measuring} view of the rater,
 * a copy of the reference policy).
 *
 * <p>At each point x (nominal steps since the reference stage started: 0, every, 2·every, …, and the
 * end of training; a point is taken after the first training unit that reaches it, so up to one unit
 * late) and each curve distribution d, it reports under {@code d@x}:
 * <ul>
 *   <li>the {@link Evaluator}'s metrics of the sampled policy over {@code episodes} episodes;</li>
 *   <li>{@code rated_return}: the current stage's rater scoring those same episodes (each reset, then
 *       {@code startEpisode}), and {@code rated_gap} = rated − true return (the Goodhart gap of the rater);</li>
 *   <li>{@code kl_to_initial}: the KL divergence of the current policy's episodes from the reference
 *       policy's, KL(P_π ‖ P_π₀) = E_π[Σ_t KL(π(·|s_t) ‖ π₀(·|s_t))] (the dynamics cancel), estimated as
 *       the mean over those episodes of the sum over their steps of
 *       KL(π(·|s) ‖ π₀(·|s)) = Σ_a π(a|s) (log π(a|s) − log π₀(a|s)); π₀ is the policy when the reference
 *       stage started, floored at 1e−12 (against a deterministic reference the number is finite but not
 *       informative). This is the episode-level KL of Gao et al. (2022), the same unit as best-of-n's
 *       log n − (n−1)/n, so both share the axis d = √KL;</li>
 *   <li>{@code kl_per_step}: the same divergence averaged over the visited states instead of summed
 *       along episodes (it does not grow with episode length).</li>
 * </ul>
 * Every point replays the same levels (the streams restart), so differences along the curve are the
 * policy's. With best-of-n configured, when the reference stage starts it samples a pool of episodes
 * from π₀, rates them with that stage's rater, and reports under {@code d-bon@n} the best-of-n estimates
 * of {@link BestOfN}: {@code rated_return}, {@code true_return}, {@code observed_return},
 * {@code rated_gap}, {@code intended_success}, {@code misbehaviour_rate} (with oversight) and the
 * analytic {@code kl_to_initial} = log n − (n−1)/n.
 *
 * <p>With {@code online}, each point after the reference point also reports, under {@code online@x}, the
 * training environment's own last episode before it: its {@code observed_return} and {@code true_return}
 * and each counter the environment declares, read from the training instance when the unit ended. For a
 * non-episodic world (its episodes bookkeeping blocks of one life) this is the course training itself
 * takes, which no fresh evaluation episode shows. Reading it draws nothing and changes nothing.
 */
final class TrainingCurve {
    /** The reference probabilities' floor in the KL (a deterministic reference would make it infinite). */
    static final double FLOOR = 1e-12;

    private final Scenario scenario;
    private final Organism organism;
    private final Seeds seeds;
    private final CurveConfig config;
    private final List<MetricValue> metrics = new ArrayList<>();
    private Policy reference;
    private Rater rater;
    private Regime regime;
    private boolean recording;
    private long before;
    private long next;
    private long last = -1;
    private long nominalEnd;
    private double lastObserved;
    private double lastTrue;
    private boolean episodeSeen;

    TrainingCurve(Scenario scenario, Organism organism, Seeds seeds) {
        this.scenario = scenario;
        this.organism = organism;
        this.seeds = seeds;
        this.config = scenario.evaluation().curve();
    }

    /** Stage {@code index} is about to train with {@code stage}'s regime and rater. */
    void stageStarted(int index, Organism.Stage stage) {
        regime = stage.regime();
        rater = stage.rater() == null ? null : stage.rater().measuring();
        if (index != config.referenceStage()) {
            return;
        }
        reference = organism.learner().snapshot().evaluationPolicy();
        recording = true;
        before = 0;
        for (int s = index; s < scenario.training().size(); s++) {
            nominalEnd += scenario.training().get(s).steps();
        }
        record(0);
        next = config.every();
        if (config.bestOfNPool() > 0 && rater != null) {
            for (String d : config.distributions()) {
                bestOfN(d);
            }
        }
    }

    /** A training unit of the current stage has finished. */
    void unitDone() {
        if (!recording) {
            return;
        }
        long steps = before + regime.stepsDone();
        if (steps >= next && next < nominalEnd) {
            record(next);
            while (next <= steps) {
                next += config.every();
            }
        }
    }

    /** The current stage has finished. */
    void stageEnded() {
        if (recording) {
            before += regime.stepsDone();
        }
    }

    /** Training has finished: the end point, unless it was just recorded. */
    void trainingEnded() {
        if (recording && last != nominalEnd) {
            record(nominalEnd);
        }
    }

    /**
     * {@code downstream} with this curve listening in, so that an online curve knows the returns of the
     * training environment's last episode; {@code downstream} itself when the curve is not online.
     */
    EpisodeListener listening(EpisodeListener downstream) {
        if (!config.online()) {
            return downstream;
        }
        return (stepsDone, rated, observed, truth, events) -> {
            lastObserved = observed;
            lastTrue = truth;
            episodeSeen = true;
            downstream.episodeEnded(stepsDone, rated, observed, truth, events);
        };
    }

    /** Everything recorded, in order. */
    List<MetricValue> metrics() {
        return List.copyOf(metrics);
    }

    private void record(long x) {
        last = x;
        Policy policy = organism.learner().evaluationPolicy();
        for (String d : config.distributions()) {
            String name = CurveConfig.point(d, x);
            Environment env = Organism.environment(scenario, d);
            metrics.addAll(Evaluator.evaluate(name, env, organism.encoder(), policy, Evaluator.Mode.SAMPLED,
                    config.episodes(), levels(d), actions(d)));
            ratedAndKl(name, d, env, policy);
        }
        if (config.online() && episodeSeen) {
            online(CurveConfig.point(CurveConfig.ONLINE, x));
        }
    }

    /** The training environment's last episode, under {@code name}. */
    private void online(String name) {
        Environment train = organism.train();
        metrics.add(new MetricValue(name, "observed_return", lastObserved));
        metrics.add(new MetricValue(name, "true_return", lastTrue));
        List<String> counters = train.spec().counters();
        for (int c = 0; c < counters.size(); c++) {
            metrics.add(new MetricValue(name, counters.get(c), train.counter(c)));
        }
    }

    private MersenneTwisterFast levels(String d) {
        return seeds.stream("curve/" + d + "/levels");
    }

    private MersenneTwisterFast actions(String d) {
        return seeds.stream("curve/" + d + "/actions");
    }

    /** Replays the evaluation's episodes (same streams, same draws) for the rated return and the KL. */
    private void ratedAndKl(String name, String d, Environment env, Policy policy) {
        MersenneTwisterFast levels = levels(d);
        MersenneTwisterFast actions = actions(d);
        Encoder encoder = organism.encoder();
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        int n = policy.actionCount();
        double[] p = new double[n];
        double[] q = new double[n];
        StepResult step = new StepResult();
        double rated = 0;
        double ratedSq = 0;
        double gap = 0;
        double gapSq = 0;
        double kl = 0;
        long states = 0;
        for (int e = 0; e < config.episodes(); e++) {
            env.reset(levels);
            if (rater != null) {
                rater.startEpisode(env);
            }
            double r = 0;
            double truth = 0;
            do {
                encoder.encode(env, obs);
                policy.probabilities(obs, p);
                reference.probabilities(obs, q);
                kl += divergence(p, q, n);
                states++;
                int a = ActionChoice.sample(p, n, actions);
                env.step(a, step);
                if (rater != null) {
                    r += rater.rate(env, a, step);
                }
                truth += step.trueReward;
            } while (!step.done());
            rated += r;
            ratedSq += r * r;
            gap += r - truth;
            gapSq += (r - truth) * (r - truth);
        }
        if (rater != null) {
            metrics.add(EpisodeInterval.mean(name, EvaluationPlan.RATED_RETURN, rated, ratedSq, config.episodes()));
            metrics.add(EpisodeInterval.mean(name, EvaluationPlan.RATED_GAP, gap, gapSq, config.episodes()));
        }
        metrics.add(new MetricValue(name, EvaluationPlan.KL_TO_INITIAL, kl / config.episodes()));
        metrics.add(new MetricValue(name, EvaluationPlan.KL_PER_STEP, kl / states));
    }

    /** KL(p ‖ q) over {@code n} actions, q floored at {@link #FLOOR}. */
    static double divergence(double[] p, double[] q, int n) {
        double kl = 0;
        for (int a = 0; a < n; a++) {
            if (p[a] > 0) {
                kl += p[a] * (FastMath.log(p[a]) - FastMath.log(Math.max(q[a], FLOOR)));
            }
        }
        return Math.max(0, kl);
    }

    /** Samples the pool from the reference policy and reports best-of-n for every configured n. */
    private void bestOfN(String d) {
        Environment env = Organism.environment(scenario, d);
        EnvSpec spec = env.spec();
        MersenneTwisterFast levels = seeds.stream("curve/" + d + "/bon/levels");
        MersenneTwisterFast actions = seeds.stream("curve/" + d + "/bon/actions");
        Encoder encoder = organism.encoder();
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        double[] scratch = new double[reference.actionCount()];
        StepResult step = new StepResult();
        int pool = config.bestOfNPool();
        double[] rated = new double[pool];
        double[] truth = new double[pool];
        double[] observed = new double[pool];
        double[] success = new double[pool];
        double[] misbehaved = new double[pool];
        for (int e = 0; e < pool; e++) {
            env.reset(levels);
            rater.startEpisode(env);
            long events = 0;
            do {
                encoder.encode(env, obs);
                int a = reference.sample(obs, actions, scratch);
                env.step(a, step);
                rated[e] += rater.rate(env, a, step);
                truth[e] += step.trueReward;
                observed[e] += step.observedReward;
                events |= step.events;
            } while (!step.done());
            success[e] = spec.intendedSuccess().test(events) ? 1 : 0;
            misbehaved[e] = spec.oversight() != null && spec.oversight().misbehaved().test(events) ? 1 : 0;
        }
        int[] ranking = BestOfN.ranking(rated);
        double[] gap = new double[pool];
        for (int e = 0; e < pool; e++) {
            gap[e] = rated[e] - truth[e];
        }
        for (int n : config.bestOfN()) {
            String name = CurveConfig.point(d + CurveConfig.BEST_OF_N, n);
            double[] w = BestOfN.weights(pool, n);
            metrics.add(new MetricValue(name, EvaluationPlan.RATED_RETURN, BestOfN.expectation(rated, ranking, w)));
            metrics.add(new MetricValue(name, "true_return", BestOfN.expectation(truth, ranking, w)));
            metrics.add(new MetricValue(name, "observed_return", BestOfN.expectation(observed, ranking, w)));
            metrics.add(new MetricValue(name, EvaluationPlan.RATED_GAP, BestOfN.expectation(gap, ranking, w)));
            metrics.add(new MetricValue(name, "intended_success", BestOfN.expectation(success, ranking, w)));
            if (spec.oversight() != null) {
                metrics.add(new MetricValue(name, "misbehaviour_rate", BestOfN.expectation(misbehaved, ranking, w)));
            }
            metrics.add(new MetricValue(name, EvaluationPlan.KL_TO_INITIAL, BestOfN.kl(n)));
        }
    }
}
