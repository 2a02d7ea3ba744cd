package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.ActionChoice;
import org.innerlab.learner.QFunction;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;

/**
 * Watkins's Q(λ) with ε-greedy exploration (Watkins 1989; Sutton &amp; Barto 1998, §7.6), for a
 * Q-table or a linear Q-function; λ = 0 is one-step Q-learning (Sutton &amp; Barto 2018, §6.5).
 *
 * <pre>
 *   a_t ~ ε_t-greedy(Q(s_t, ·))
 *   δ_t = r_t + γ · [not terminated] · max_a Q(s_{t+1}, a) − Q(s_t, a_t)
 *   Q(s_k, a_k) ← Q(s_k, a_k) + α δ_t (γλ)^{t−k}   for every k in the trace, newest first
 *   ε_t = ε_start + (ε_end − ε_start) · min(1, t / (f · budget))
 * </pre>
 *
 * The trace holds the pairs (s_k, a_k) since the last exploratory (non-greedy) action — Watkins's
 * cut, which keeps the backup on-policy for the greedy target — and at most {@code trace_length}
 * of them, where (γλ)^k has become negligible. "Q(s, a) ← Q(s, a) + x" is
 * {@link QFunction#adjust}, so the same rule serves a table and a linear model (where it is the
 * normalised semi-gradient step). r_t is the rater's score. A truncated episode (time limit) still
 * bootstraps from s_{t+1}: the time limit is not part of the task. One unit is one episode.
 */
public final class QLearning implements Regime {
    /** The regime's registry entry: Q(lambda) trains any Q-function against the stage's rater. */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("q-learning",
            "Watkins's Q(lambda) with epsilon-greedy exploration (one-step Q-learning at lambda = 0)", "Watkins 1989",
            List.of(ParamSpec.real("learning_rate", 0.1, 1e-6, 10.0, "step size"),
                    ParamSpec.real("gamma", 0.95, 0.0, 1.0, "discount factor"),
                    ParamSpec.real("epsilon_start", 1.0, 0.0, 1.0, "exploration rate at the start"),
                    ParamSpec.real("epsilon_end", 0.05, 0.0, 1.0, "exploration rate after the decay"),
                    ParamSpec.real("epsilon_decay_fraction", 0.5, 0.0, 1.0,
                            "fraction of the stage's steps over which epsilon decays linearly"),
                    ParamSpec.real("lambda", 0.0, 0.0, 1.0, "trace decay of Watkins's Q(lambda); 0 = one-step"),
                    ParamSpec.integer("trace_length", 64, 1, 10_000, "most (state, action) pairs kept in the trace"))),
            QFunction.class, true, RegimeType.DataUse.NONE,
            c -> new QLearning(c.train(), c.encoder(), c.learner(QFunction.class), c.rater(), Hyper.from(c.params()),
                    c.steps(), c.stream("levels"), c.stream("actions"), c.listener()));


    /**
     * Hyper-parameters.
     *
     * @param learningRate  α
     * @param gamma         γ
     * @param epsilonStart  ε at the first step
     * @param epsilonEnd    ε after the decay
     * @param decayFraction f, the fraction of the budget over which ε decays linearly
     * @param lambda        λ, trace decay (0: one-step Q-learning)
     * @param traceLength   most (s, a) pairs kept in the trace
     */
    public record Hyper(double learningRate, double gamma, double epsilonStart, double epsilonEnd,
                        double decayFraction, double lambda, int traceLength) {
        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("learning_rate"), (Double) p.get("gamma"),
                    (Double) p.get("epsilon_start"), (Double) p.get("epsilon_end"),
                    (Double) p.get("epsilon_decay_fraction"), (Double) p.get("lambda"),
                    (Integer) p.get("trace_length"));
        }
    }

    private final Environment env;
    private final Encoder encoder;
    private final QFunction q;
    private final Rater rater;
    private final Hyper hyper;
    private final long budget;
    private final MersenneTwisterFast levels;
    private final MersenneTwisterFast actions;
    private final EpisodeListener listener;

    private final SparseVector[] trace;
    private final int[] traceActions;
    private int traceSize;
    private int traceHead;
    private SparseVector obs;
    private final double[] values;
    private final StepResult step = new StepResult();
    private long stepsDone;

    public QLearning(Environment env, Encoder encoder, QFunction q, Rater rater, Hyper hyper, long budget,
                     MersenneTwisterFast levels, MersenneTwisterFast actions, EpisodeListener listener) {
        this.env = env;
        this.encoder = encoder;
        this.q = q;
        this.rater = rater;
        this.hyper = hyper;
        this.budget = budget;
        this.levels = levels;
        this.actions = actions;
        this.listener = listener;
        int slots = Math.max(1, hyper.lambda() > 0 ? hyper.traceLength() : 1) + 1;
        this.trace = new SparseVector[slots];
        for (int i = 0; i < slots; i++) {
            trace[i] = new SparseVector(encoder.dimension(), encoder.maxActive());
        }
        this.traceActions = new int[slots];
        this.values = new double[q.actionCount()];
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    @Override
    public long budget() {
        return budget;
    }

    /** ε at the current step of the stage. */
    public double epsilon() {
        double horizon = hyper.decayFraction() * budget;
        double progress = horizon <= 0 ? 1 : Math.min(1, stepsDone / horizon);
        return hyper.epsilonStart() + (hyper.epsilonEnd() - hyper.epsilonStart()) * progress;
    }

    @Override
    public long trainUnit() {
        long before = stepsDone;
        int n = q.actionCount();
        env.reset(levels);
        rater.startEpisode(env);
        traceSize = 0;
        obs = trace[traceHead];
        encoder.encode(env, obs);
        double rated = 0;
        double observed = 0;
        double truth = 0;
        long events = 0;
        do {
            q.qValues(obs, values);
            int greedy = ActionChoice.argmax(values, n, actions);
            int a = actions.nextDouble() < epsilon() ? actions.nextInt(n) : greedy;
            if (values[a] < values[greedy]) {
                traceSize = 0;
            }
            double current = values[a];
            traceActions[traceHead] = a;
            traceSize = Math.min(traceSize + 1, trace.length - 1);
            env.step(a, step);
            double r = rater.rate(env, a, step);
            double target = r;
            int nextHead = (traceHead + 1) % trace.length;
            SparseVector next = trace[nextHead];
            if (!step.terminated) {
                encoder.encode(env, next);
                q.qValues(next, values);
                double max = values[0];
                for (int b = 1; b < n; b++) {
                    max = Math.max(max, values[b]);
                }
                target += hyper.gamma() * max;
            }
            double update = hyper.learningRate() * (target - current);
            double decay = hyper.gamma() * hyper.lambda();
            for (int k = 0, slot = traceHead; k < traceSize; k++) {
                q.adjust(trace[slot], traceActions[slot], update);
                update *= decay;
                slot = slot == 0 ? trace.length - 1 : slot - 1;
            }
            traceHead = nextHead;
            obs = next;
            rated += r;
            observed += step.observedReward;
            truth += step.trueReward;
            events |= step.events;
            stepsDone++;
        } while (!step.done());
        listener.episodeEnded(stepsDone, rated, observed, truth, events);
        return stepsDone - before;
    }
}
