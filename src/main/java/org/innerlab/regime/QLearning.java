package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.ActionChoice;
import org.innerlab.learner.QFunction;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;

/**
 * One-step Q-learning with ε-greedy exploration (Watkins 1989; Sutton &amp; Barto 2018, §6.5), for a
 * Q-table or a linear Q-function.
 *
 * <pre>
 *   a_t ~ ε_t-greedy(Q(s_t, ·))
 *   δ_t = r_t + γ · [not terminated] · max_a Q(s_{t+1}, a) − Q(s_t, a_t)
 *   Q(s_t, a_t) ← Q(s_t, a_t) + α δ_t
 *   ε_t = ε_start + (ε_end − ε_start) · min(1, t / (f · budget))
 * </pre>
 *
 * r_t is the rater's score. A truncated episode (time limit) still bootstraps from s_{t+1}: the
 * time limit is not part of the task. One unit is one episode.
 */
public final class QLearning implements Regime {

    /**
     * Hyper-parameters.
     *
     * @param learningRate  α
     * @param gamma         γ
     * @param epsilonStart  ε at the first step
     * @param epsilonEnd    ε after the decay
     * @param decayFraction f, the fraction of the budget over which ε decays linearly
     */
    public record Hyper(double learningRate, double gamma, double epsilonStart, double epsilonEnd,
                        double decayFraction) {
        /** From a resolved parameter map declared in {@link RegimeCatalog}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("learning_rate"), (Double) p.get("gamma"),
                    (Double) p.get("epsilon_start"), (Double) p.get("epsilon_end"),
                    (Double) p.get("epsilon_decay_fraction"));
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

    private final SparseVector obs;
    private final SparseVector next;
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
        this.obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        this.next = new SparseVector(encoder.dimension(), encoder.maxActive());
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
        encoder.encode(env, obs);
        double rated = 0;
        double observed = 0;
        double truth = 0;
        long events = 0;
        do {
            q.qValues(obs, values);
            int a = actions.nextDouble() < epsilon() ? actions.nextInt(n) : ActionChoice.argmax(values, n, actions);
            double current = values[a];
            env.step(a, step);
            double r = rater.rate(env, step);
            double target = r;
            if (!step.terminated) {
                encoder.encode(env, next);
                q.qValues(next, values);
                double max = values[0];
                for (int b = 1; b < n; b++) {
                    max = Math.max(max, values[b]);
                }
                target += hyper.gamma() * max;
            }
            q.adjust(obs, a, hyper.learningRate() * (target - current));
            obs.copyFrom(next);
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
