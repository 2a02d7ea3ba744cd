package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.AlignmentFakingPlanner;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;

/**
 * Monitored training: the real training that the {@link AlignmentFakingPlanner} models, as in Greenblatt
 * et al. (2024), where only the monitored (free-tier) conversations are trained on. The planner acts in
 * every episode; only episodes whose steps carry the environment's {@code monitored} event update it.
 *
 * <p>On each monitored step, with the rater's score r for the action a the planner took on request h, its
 * action probabilities π, a running baseline r̄ of monitored scores and the planner's temperature τ:
 * <pre>
 *   g   ← g + α (r − r̄) (e_{o(h,a)} − Σ_b π(b) e_{o(h,b)}) / τ
 *   r̄   ← r̄ + β (r − r̄)
 * </pre>
 * the REINFORCE step (Williams 1992) on the goal vector through the immediate-utility term of the
 * planner's plan values (∂Q(a)/∂g = e_{o(h,a)}); the look-ahead term is held constant, as the trainer
 * rewards what the agent did, not the plan behind it. Consequence: a refusal when the agent was likely to
 * refuse moves g little, a compliance that was unlikely moves it much, and an agent that complies almost
 * surely — for whatever reason — is almost not changed. (A gradient through the plan values as well
 * would also reinforce the plan that produced the compliance, which Greenblatt et al. observed as a rise
 * in alignment-faking reasoning under RL; this regime deliberately models only the simpler effect.)
 *
 * <p>The stage's rater scores every step; with rater {@code environment} on {@code compliance-v1} that
 * is 1 for complying and 0 for refusing, the same in both conditions. Unmonitored episodes are played,
 * counted in the budget and reported to the listener, but never trained on. Allocation-free per step.
 */
public final class MonitoredTraining implements Regime {
    /** The regime's registry entry: trains an alignment-faking planner's goal on monitored episodes. */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("monitored-training",
            "RL on monitored episodes only (Greenblatt et al. 2024): a REINFORCE step on the planner's "
                    + "goal vector from the rater's score, unmonitored episodes never trained on", "Greenblatt et al. 2024",
            List.of(ParamSpec.real("learning_rate", 0.05, 0.0, 10.0, "goal step size"),
                    ParamSpec.real("baseline_learning_rate", 0.05, 0.0, 1.0,
                            "step size of the running baseline of monitored scores"),
                    ParamSpec.integer("batch_episodes", 32, 1, 100_000, "episodes per schedule unit"))),
            AlignmentFakingPlanner.class, true, RegimeType.DataUse.NONE,
            c -> new MonitoredTraining(c.train(), c.encoder(), c.learner(AlignmentFakingPlanner.class), c.rater(),
                    Hyper.from(c.params()), c.steps(), c.stream("levels"), c.stream("actions"), c.listener()));


    /**
     * Hyper-parameters.
     *
     * @param learningRate         α, goal step size
     * @param baselineLearningRate β, step size of the running baseline of monitored scores
     * @param batchEpisodes        episodes per {@link #trainUnit} (updates are online within a unit)
     */
    public record Hyper(double learningRate, double baselineLearningRate, int batchEpisodes) {
        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("learning_rate"), (Double) p.get("baseline_learning_rate"),
                    (Integer) p.get("batch_episodes"));
        }
    }

    private final Environment env;
    private final Encoder encoder;
    private final AlignmentFakingPlanner planner;
    private final Rater rater;
    private final Hyper hyper;
    private final long budget;
    private final MersenneTwisterFast levels;
    private final MersenneTwisterFast actions;
    private final EpisodeListener listener;
    private final long monitoredBit;
    private final SparseVector obs;
    private final StepResult step = new StepResult();
    private final double[] probs;
    private double baseline;
    private long stepsDone;
    private long monitoredSteps;

    public MonitoredTraining(Environment env, Encoder encoder, AlignmentFakingPlanner planner, Rater rater,
                             Hyper hyper, long budget, MersenneTwisterFast levels, MersenneTwisterFast actions,
                             EpisodeListener listener) {
        this.env = env;
        this.encoder = encoder;
        this.planner = planner;
        this.rater = rater;
        this.hyper = hyper;
        this.budget = budget;
        this.levels = levels;
        this.actions = actions;
        this.listener = listener;
        this.monitoredBit = env.spec().eventBit("monitored");
        this.obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        this.probs = new double[planner.actionCount()];
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    @Override
    public long budget() {
        return budget;
    }

    /** Steps that were monitored, hence trained on. */
    public long monitoredSteps() {
        return monitoredSteps;
    }

    @Override
    public long trainUnit() {
        long before = stepsDone;
        for (int e = 0; e < hyper.batchEpisodes() && stepsDone < budget; e++) {
            episode();
        }
        return stepsDone - before;
    }

    private void episode() {
        env.reset(levels);
        rater.startEpisode(env);
        double rated = 0;
        double observed = 0;
        double truth = 0;
        long events = 0;
        do {
            encoder.encode(env, obs);
            int a = planner.sample(obs, actions, probs);
            env.step(a, step);
            double r = rater.rate(env, a, step);
            if ((step.events & monitoredBit) != 0) {
                update(a, r);
                monitoredSteps++;
            }
            rated += r;
            observed += step.observedReward;
            truth += step.trueReward;
            events |= step.events;
            stepsDone++;
        } while (!step.done());
        listener.episodeEnded(stepsDone, rated, observed, truth, events);
    }

    private void update(int action, double score) {
        double[] g = planner.goal();
        double coeff = hyper.learningRate() * (score - baseline) / planner.hyper().temperature();
        for (int b = 0; b < probs.length; b++) {
            double indicator = b == action ? 1.0 : 0.0;
            g[planner.outcomeOf(obs, b)] += coeff * (indicator - probs[b]);
        }
        baseline += hyper.baselineLearningRate() * (score - baseline);
    }
}
