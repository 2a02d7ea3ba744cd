package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.ActionChoice;
import org.innerlab.learner.MlpMinibatch;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;

/**
 * PPO-lite: proximal policy optimisation with a clipped surrogate (Schulman et al. 2017) and
 * generalised advantage estimation (Schulman et al. 2016), on an {@link MlpPolicy} with a value head;
 * one environment, in the shape of CleanRL's {@code ppo.py}.
 *
 * <p>Each unit collects a rollout of T steps with the current policy π_old (episodes continue across
 * rollouts; r_t is the rater's score), then
 * <pre>
 *   δ_t = r_t + γ V(s_{t+1}) [not terminated] − V(s_t)
 *   Â_t = δ_t + γλ Â_{t+1} [episode goes on after t]           (GAE(λ))
 *   R_t = Â_t + V(s_t)                                            (value target)
 * </pre>
 * where a step cut by the time limit bootstraps from the value of the state it reached (the limit is
 * not part of the task), and the rollout's last step from the state it stops in. Advantages are
 * normalised over the rollout (mean 0, std 1). Then for K epochs, over a fresh shuffle of the rollout
 * in minibatches of M, one Adam step (gradient clipped to a global norm) on the mean over the minibatch of
 * <pre>
 *   ρ_t = π_θ(a_t | s_t) / π_old(a_t | s_t)
 *   L   = −min(ρ_t Â_t, clip(ρ_t, 1 − ε, 1 + ε) Â_t) + c_V · ½ (V_θ(s_t) − R_t)² − c_H · H(π_θ(· | s_t))
 * </pre>
 * with gradients with respect to the logits z:
 * ∂(−ρÂ)/∂z_b = −ρ Â ([b = a_t] − π_b) where the unclipped term is the minimum (0 elsewhere), and
 * ∂H/∂z_b = −π_b (log π_b + H). A minibatch's forward and backward passes run together through an
 * {@link MlpMinibatch}, with the same results, bit for bit, as one sample at a time. One unit is one
 * rollout and its update; the buffers are allocated once, so training allocates nothing per unit. With a
 * {@link KlPenalty} of weight β, r_t is the rater's score minus β (log π_old(a_t|s_t) − log π_ref(a_t|s_t)).
 */
public final class Ppo implements Regime {
    /** The regime's registry entry: PPO trains an MLP policy against the stage's rater. */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("ppo",
            "PPO-lite: clipped surrogate, GAE(lambda), value loss, entropy bonus, minibatch epochs, Adam (Schulman et al. 2017)",
            "Schulman et al. 2017",
            List.of(ParamSpec.real("learning_rate", 1e-3, 1e-7, 1.0, "Adam step size"),
                    ParamSpec.real("gamma", 0.99, 0.0, 1.0, "discount factor"),
                    ParamSpec.real("gae_lambda", 0.95, 0.0, 1.0, "lambda of generalised advantage estimation"),
                    ParamSpec.real("clip", 0.2, 0.0, 10.0, "clipping range epsilon of the probability ratio"),
                    ParamSpec.real("value_coef", 0.5, 0.0, 100.0, "weight of the value loss"),
                    ParamSpec.real("entropy_coef", 0.01, 0.0, 10.0, "weight of the entropy bonus"),
                    ParamSpec.integer("rollout_steps", 512, 1, 1_000_000, "environment steps per update"),
                    ParamSpec.integer("epochs", 4, 1, 1000, "passes over each rollout"),
                    ParamSpec.integer("minibatch", 128, 1, 1_000_000, "samples per Adam step"),
                    ParamSpec.real("max_grad_norm", 0.5, 0.0, 1e6, "global gradient-norm clip (0 = none)"),
                    KlPenalty.PARAM)),
            MlpPolicy.class, true, RegimeType.DataUse.NONE,
            c -> new Ppo(c.train(), c.encoder(), c.learner(MlpPolicy.class), c.rater(), Hyper.from(c.params()),
                    c.steps(), c.stream("levels"), c.stream("actions"), c.listener(), c.klPenalty()));


    /**
     * Hyper-parameters.
     *
     * @param learningRate   α, Adam step size
     * @param gamma          γ, discount
     * @param gaeLambda      λ of GAE
     * @param clip           ε, the clipping range of the probability ratio
     * @param valueCoef      c_V, weight of the value loss
     * @param entropyCoef    c_H, weight of the entropy bonus
     * @param rolloutSteps   T, environment steps per update
     * @param epochs         K, passes over each rollout
     * @param minibatch      M, samples per Adam step
     * @param maxGradNorm    global gradient-norm clip (0 = none)
     */
    public record Hyper(double learningRate, double gamma, double gaeLambda, double clip, double valueCoef,
                        double entropyCoef, int rolloutSteps, int epochs, int minibatch, double maxGradNorm) {
        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("learning_rate"), (Double) p.get("gamma"), (Double) p.get("gae_lambda"),
                    (Double) p.get("clip"), (Double) p.get("value_coef"), (Double) p.get("entropy_coef"),
                    (Integer) p.get("rollout_steps"), (Integer) p.get("epochs"), (Integer) p.get("minibatch"),
                    (Double) p.get("max_grad_norm"));
        }
    }

    private final Environment env;
    private final Encoder encoder;
    private final MlpPolicy net;
    private final Rater rater;
    private final Hyper hyper;
    private final long budget;
    private final MersenneTwisterFast levels;
    private final MersenneTwisterFast rng;
    private final EpisodeListener listener;
    private final int actionCount;
    private final KlPenalty kl;

    // The rollout, one row per step; observations are kept as a SparseVector per row.
    private final SparseVector[] obs;
    private final int[] action;
    private final double[] logProbOld;
    private final double[] valueOld;
    private final double[] reward;
    /** V of the state after the step where the episode goes on or was truncated; 0 on termination. */
    private final double[] nextValue;
    /** Whether the episode ended (either way) with this step. */
    private final boolean[] episodeEnd;
    private final double[] advantage;
    private final double[] target;
    private final int[] order;
    /** The minibatch's forward and backward passes, bit-identical to the per-sample ones. */
    private final MlpMinibatch batch;
    private final double[] scratch;
    /** log π_θ(b | s_t) of the sample being accumulated, computed once per action. */
    private final double[] logProbs;
    private final SparseVector current;
    private final StepResult step = new StepResult();

    private boolean needsReset = true;
    /** Whether {@link #nextStateValue} and {@link #nextProbs} hold the forward pass of {@link #current}. */
    private boolean haveNext;
    private double nextStateValue;
    private final double[] nextProbs;
    private long stepsDone;
    private double rated;
    private double observed;
    private double truth;
    private long events;

    public Ppo(Environment env, Encoder encoder, MlpPolicy net, Rater rater, Hyper hyper, long budget,
               MersenneTwisterFast levels, MersenneTwisterFast actions, EpisodeListener listener) {
        this(env, encoder, net, rater, hyper, budget, levels, actions, listener, KlPenalty.NONE);
    }

    /** As the other constructor, training on the rater's scores minus the {@link KlPenalty} {@code kl}. */
    public Ppo(Environment env, Encoder encoder, MlpPolicy net, Rater rater, Hyper hyper, long budget,
               MersenneTwisterFast levels, MersenneTwisterFast actions, EpisodeListener listener, KlPenalty kl) {
        this.kl = kl;
        this.env = env;
        this.encoder = encoder;
        this.net = net;
        this.rater = rater;
        this.hyper = hyper;
        this.budget = budget;
        this.levels = levels;
        this.rng = actions;
        this.listener = listener;
        this.actionCount = net.actionCount();
        int t = hyper.rolloutSteps();
        obs = new SparseVector[t];
        for (int i = 0; i < t; i++) {
            obs[i] = new SparseVector(encoder.dimension(), encoder.maxActive());
        }
        action = new int[t];
        logProbOld = new double[t];
        valueOld = new double[t];
        reward = new double[t];
        nextValue = new double[t];
        episodeEnd = new boolean[t];
        advantage = new double[t];
        target = new double[t];
        order = new int[t];
        batch = new MlpMinibatch(net, Math.min(hyper.minibatch(), t), encoder.maxActive());
        scratch = new double[actionCount];
        logProbs = new double[actionCount];
        nextProbs = new double[actionCount];
        current = new SparseVector(encoder.dimension(), encoder.maxActive());
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
        int rows = (int) Math.min(hyper.rolloutSteps(), budget - stepsDone);
        rows = Math.max(rows, 1);
        collect(rows);
        estimateAdvantages(rows);
        optimise(rows);
        return rows;
    }

    private void collect(int rows) {
        // The network changed in the last update, so the cached pass is stale.
        haveNext = false;
        for (int t = 0; t < rows; t++) {
            if (needsReset) {
                env.reset(levels);
                rater.startEpisode(env);
                encoder.encode(env, current);
                needsReset = false;
            }
            obs[t].copyFrom(current);
            if (!haveNext) {
                nextStateValue = net.forward(current);
                System.arraycopy(net.probs(), 0, nextProbs, 0, actionCount);
            }
            // The forward pass that valued this state as the previous step's successor is reused.
            valueOld[t] = nextStateValue;
            System.arraycopy(nextProbs, 0, scratch, 0, actionCount);
            int a = ActionChoice.sample(scratch, actionCount, rng);
            action[t] = a;
            logProbOld[t] = FastMath.log(scratch[a]);
            env.step(a, step);
            double r = rater.rate(env, a, step);
            reward[t] = r - kl.penalty(obs[t], a, logProbOld[t]);
            rated += r;
            observed += step.observedReward;
            truth += step.trueReward;
            events |= step.events;
            stepsDone++;
            episodeEnd[t] = step.done();
            if (!step.terminated) {
                encoder.encode(env, current);
                nextStateValue = net.forward(current);
                System.arraycopy(net.probs(), 0, nextProbs, 0, actionCount);
                nextValue[t] = nextStateValue;
                haveNext = !step.truncated;
            } else {
                nextValue[t] = 0;
                haveNext = false;
            }
            if (step.done()) {
                listener.episodeEnded(stepsDone, rated, observed, truth, events);
                rated = 0;
                observed = 0;
                truth = 0;
                events = 0;
                needsReset = true;
            }
        }
    }

    private void estimateAdvantages(int rows) {
        double gae = 0;
        double gl = hyper.gamma() * hyper.gaeLambda();
        for (int t = rows - 1; t >= 0; t--) {
            double delta = reward[t] + hyper.gamma() * nextValue[t] - valueOld[t];
            gae = delta + (episodeEnd[t] ? 0 : gl * gae);
            advantage[t] = gae;
            target[t] = gae + valueOld[t];
        }
        double mean = 0;
        for (int t = 0; t < rows; t++) {
            mean += advantage[t];
        }
        mean /= rows;
        double var = 0;
        for (int t = 0; t < rows; t++) {
            var += (advantage[t] - mean) * (advantage[t] - mean);
        }
        double std = Math.sqrt(var / rows) + 1e-8;
        for (int t = 0; t < rows; t++) {
            advantage[t] = (advantage[t] - mean) / std;
        }
    }

    private void optimise(int rows) {
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        int m = Math.min(hyper.minibatch(), rows);
        for (int epoch = 0; epoch < hyper.epochs(); epoch++) {
            for (int k = rows - 1; k > 0; k--) {
                int r = rng.nextInt(k + 1);
                int tmp = order[k];
                order[k] = order[r];
                order[r] = tmp;
            }
            for (int from = 0; from < rows; from += m) {
                int to = Math.min(rows, from + m);
                net.zeroGradients();
                double weight = 1.0 / (to - from);
                batch.forward(obs, order, from, to);
                for (int i = from; i < to; i++) {
                    lossGradients(i - from, order[i], weight);
                }
                batch.backward();
                net.adamStep(hyper.learningRate(), hyper.maxGradNorm());
            }
        }
    }

    /**
     * Writes {@code weight} times ∂L/∂z and ∂L/∂V of rollout row {@code t}'s loss, sample {@code s} of
     * the minibatch's forward pass, for its backward pass.
     */
    private void lossGradients(int s, int t, double weight) {
        double v = batch.value(s);
        double[] probs = batch.probs();
        int p = s * actionCount;
        int a = action[t];
        double entropy = 0;
        for (int b = 0; b < actionCount; b++) {
            logProbs[b] = FastMath.log(probs[p + b]);
            if (probs[p + b] > 0) {
                entropy -= probs[p + b] * logProbs[b];
            }
        }
        double ratio = FastMath.exp(logProbs[a] - logProbOld[t]);
        double adv = advantage[t];
        double eps = hyper.clip();
        // The unclipped term is the minimum unless the ratio has left [1 − ε, 1 + ε] in the direction
        // the advantage rewards; there the clipped term is constant and passes no gradient.
        boolean clipped = (adv > 0 && ratio > 1 + eps) || (adv < 0 && ratio < 1 - eps);
        double surrogate = clipped ? 0 : -ratio * adv;
        double[] gradLogits = batch.logitGradients();
        for (int b = 0; b < actionCount; b++) {
            double logGrad = (b == a ? 1.0 : 0.0) - probs[p + b];
            double entropyGrad = probs[p + b] > 0 ? -probs[p + b] * (logProbs[b] + entropy) : 0.0;
            gradLogits[p + b] = weight * (surrogate * logGrad - hyper.entropyCoef() * entropyGrad);
        }
        batch.valueGradients()[s] = weight * hyper.valueCoef() * (v - target[t]);
    }
}
