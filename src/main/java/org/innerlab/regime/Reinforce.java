package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.ActionChoice;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;

/**
 * REINFORCE with a learned state-value baseline and an entropy bonus (Williams 1992; Sutton &amp;
 * Barto 2018, §13.4), on a linear softmax policy.
 *
 * <p>Each unit samples a batch of B episodes with the current policy π_θ, scoring every step with
 * the rater (r_t), then takes one step of
 *
 * <pre>
 *   G_t  = Σ_{k ≥ t} γ^{k−t} r_k
 *   A_t  = G_t − V_v(s_t)
 *   θ   ← θ + (α / B) Σ_episodes Σ_t [ A_t ∇_θ log π_θ(a_t | s_t) + β ∇_θ H(π_θ(· | s_t)) ] / ‖φ(s_t)‖²
 *   v   ← v + (α_V / B) Σ_episodes Σ_t (G_t − V_v(s_t)) φ(s_t) / ‖φ(s_t)‖²
 * </pre>
 *
 * with ∂ log π(a|s)/∂z_b = [a=b] − π(b|s) and ∂H/∂z_b = −π(b|s)(log π(b|s) + H). Gradients use the
 * probabilities recorded when acting, i.e. they are taken at the parameters that sampled the batch.
 * Dividing by ‖φ‖² (normalised LMS) makes α mean "logit change per unit advantage" whatever the
 * size of the observation window. Truncated episodes are not bootstrapped (plain Monte Carlo).
 * With a {@link KlPenalty} of weight β, r_t is the rater's score minus β (log π_θ(a_t|s_t) − log π_ref(a_t|s_t)).
 */
public final class Reinforce implements Regime {
    /** The regime's registry entry: REINFORCE trains a linear softmax policy against the stage's rater. */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("reinforce",
            "REINFORCE with a learned linear baseline (Williams 1992), for softmax policies", "Williams 1992",
            List.of(ParamSpec.real("learning_rate", 0.05, 1e-6, 10.0, "policy step size"),
                    ParamSpec.real("baseline_learning_rate", 0.05, 0.0, 10.0, "value-baseline step size (0 = no baseline)"),
                    ParamSpec.real("gamma", 0.99, 0.0, 1.0, "discount factor for returns"),
                    ParamSpec.real("entropy_bonus", 0.01, 0.0, 10.0, "weight of the entropy regulariser"),
                    ParamSpec.integer("batch_episodes", 8, 1, 100_000, "episodes per policy update"),
                    KlPenalty.PARAM)),
            LinearSoftmaxPolicy.class, true, RegimeType.DataUse.NONE,
            c -> new Reinforce(c.train(), c.encoder(), c.learner(LinearSoftmaxPolicy.class), c.rater(),
                    Hyper.from(c.params()), c.steps(), c.stream("levels"), c.stream("actions"), c.listener(),
                    c.klPenalty()));


    /**
     * Hyper-parameters.
     *
     * @param learningRate         α, policy step size
     * @param baselineLearningRate α_V, baseline step size (0 disables the baseline)
     * @param gamma                γ, discount of returns
     * @param entropyBonus         β, weight of the entropy regulariser
     * @param batchEpisodes        B, episodes per update
     */
    public record Hyper(double learningRate, double baselineLearningRate, double gamma, double entropyBonus,
                        int batchEpisodes) {
        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("learning_rate"), (Double) p.get("baseline_learning_rate"),
                    (Double) p.get("gamma"), (Double) p.get("entropy_bonus"), (Integer) p.get("batch_episodes"));
        }
    }

    private final Environment env;
    private final Encoder encoder;
    private final LinearSoftmaxPolicy policy;
    private final Rater rater;
    private final Hyper hyper;
    private final long budget;
    private final MersenneTwisterFast levels;
    private final MersenneTwisterFast actions;
    private final EpisodeListener listener;
    private final KlPenalty kl;

    private final SparseVector obs;
    private final StepResult step = new StepResult();
    private final double[] scratchProbs;
    /** log π(b | s_t) of the row being updated, computed once per action for the entropy and its gradient. */
    private final double[] scratchLogProbs;
    private final int actionCount;
    private final int dimension;
    private long stepsDone;

    // The batch, one row per step: observation entries (flat, rowStart[t]..rowStart[t+1]), action,
    // score, return and the probabilities the action was sampled from.
    private int[] rowStart = new int[1025];
    private int[] featureIndex;
    private double[] featureValue;
    private int[] action = new int[1024];
    private double[] score = new double[1024];
    private double[] returns = new double[1024];
    private double[] probs;

    public Reinforce(Environment env, Encoder encoder, LinearSoftmaxPolicy policy, Rater rater, Hyper hyper,
                     long budget, MersenneTwisterFast levels, MersenneTwisterFast actions, EpisodeListener listener) {
        this(env, encoder, policy, rater, hyper, budget, levels, actions, listener, KlPenalty.NONE);
    }

    /** As the other constructor, training on the rater's scores minus the {@link KlPenalty} {@code kl}. */
    public Reinforce(Environment env, Encoder encoder, LinearSoftmaxPolicy policy, Rater rater, Hyper hyper,
                     long budget, MersenneTwisterFast levels, MersenneTwisterFast actions, EpisodeListener listener,
                     KlPenalty kl) {
        this.kl = kl;
        this.env = env;
        this.encoder = encoder;
        this.policy = policy;
        this.rater = rater;
        this.hyper = hyper;
        this.budget = budget;
        this.levels = levels;
        this.actions = actions;
        this.listener = listener;
        this.actionCount = policy.actionCount();
        this.dimension = encoder.maxActive();
        this.obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        this.featureIndex = new int[1024 * dimension];
        this.featureValue = new double[1024 * dimension];
        this.probs = new double[1024 * actionCount];
        this.scratchProbs = new double[actionCount];
        this.scratchLogProbs = new double[actionCount];
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public long trainUnit() {
        long before = stepsDone;
        int rows = 0;
        int episodes = 0;
        while (episodes < hyper.batchEpisodes() && stepsDone < budget) {
            rows = sampleEpisode(rows);
            episodes++;
        }
        update(rows, episodes);
        return stepsDone - before;
    }

    /** Plays one episode with the current policy, appending its steps from row {@code first}; returns the new row count. */
    private int sampleEpisode(int first) {
        env.reset(levels);
        rater.startEpisode(env);
        double rated = 0;
        double observed = 0;
        double truth = 0;
        long events = 0;
        int t = first;
        do {
            ensureCapacity(t + 1);
            encoder.encode(env, obs);
            int start = rowStart[t];
            System.arraycopy(obs.index, 0, featureIndex, start, obs.size);
            System.arraycopy(obs.value, 0, featureValue, start, obs.size);
            rowStart[t + 1] = start + obs.size;
            int p = t * actionCount;
            policy.probabilities(obs, scratchProbs);
            System.arraycopy(scratchProbs, 0, probs, p, actionCount);
            int a = ActionChoice.sample(scratchProbs, actionCount, actions);
            env.step(a, step);
            double r = rater.rate(env, a, step);
            action[t] = a;
            score[t] = kl.beta() == 0 ? r : r - kl.penalty(obs, a, FastMath.log(scratchProbs[a]));
            rated += r;
            observed += step.observedReward;
            truth += step.trueReward;
            events |= step.events;
            stepsDone++;
            t++;
        } while (!step.done());
        double g = 0;
        for (int k = t - 1; k >= first; k--) {
            g = score[k] + hyper.gamma() * g;
            returns[k] = g;
        }
        listener.episodeEnded(stepsDone, rated, observed, truth, events);
        return t;
    }

    private void update(int rows, int episodes) {
        if (episodes == 0) {
            return;
        }
        double[] w = policy.weights();
        double[] v = policy.valueWeights();
        double policyStep = hyper.learningRate() / episodes;
        double valueStep = hyper.baselineLearningRate() / episodes;
        for (int t = 0; t < rows; t++) {
            int from = rowStart[t];
            int to = rowStart[t + 1];
            double norm = 0;
            double baseline = 0;
            for (int k = from; k < to; k++) {
                norm += featureValue[k] * featureValue[k];
                baseline += v[featureIndex[k]] * featureValue[k];
            }
            if (norm == 0) {
                continue;
            }
            double advantage = returns[t] - (hyper.baselineLearningRate() > 0 ? baseline : 0);
            int p = t * actionCount;
            double entropy = 0;
            for (int b = 0; b < actionCount; b++) {
                double pb = probs[p + b];
                scratchLogProbs[b] = FastMath.log(pb);
                if (pb > 0) {
                    entropy -= pb * scratchLogProbs[b];
                }
            }
            for (int b = 0; b < actionCount; b++) {
                double pb = probs[p + b];
                double logGrad = (b == action[t] ? 1.0 : 0.0) - pb;
                double entropyGrad = pb > 0 ? -pb * (scratchLogProbs[b] + entropy) : 0.0;
                double coeff = policyStep * (advantage * logGrad + hyper.entropyBonus() * entropyGrad) / norm;
                int offset = b * policy.dimension();
                for (int k = from; k < to; k++) {
                    w[offset + featureIndex[k]] += coeff * featureValue[k];
                }
            }
            if (valueStep > 0) {
                double coeff = valueStep * (returns[t] - baseline) / norm;
                for (int k = from; k < to; k++) {
                    v[featureIndex[k]] += coeff * featureValue[k];
                }
            }
        }
    }

    /** Grows the batch buffers (amortised doubling; steady-state training allocates nothing). */
    private void ensureCapacity(int rows) {
        if (rows < action.length) {
            return;
        }
        int capacity = action.length * 2;
        rowStart = Arrays.copyOf(rowStart, capacity + 1);
        action = Arrays.copyOf(action, capacity);
        score = Arrays.copyOf(score, capacity);
        returns = Arrays.copyOf(returns, capacity);
        probs = Arrays.copyOf(probs, capacity * actionCount);
        featureIndex = Arrays.copyOf(featureIndex, capacity * dimension);
        featureValue = Arrays.copyOf(featureValue, capacity * dimension);
    }
}
