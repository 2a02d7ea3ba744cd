package org.innerlab.inspect;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import org.innerlab.data.Teacher;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.HiddenActivations;
import org.innerlab.learner.Policy;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * Hidden activations captured at the learner's steps, one row per step, each with a label: what a probe
 * is fit on and scored on.
 *
 * @param activations h_l at each recorded step
 * @param labels      each step's label
 */
public record CapturedStates(double[][] activations, boolean[] labels) {
    /** How a recorded step is labelled. */
    public interface Label {
        /**
         * The labels of one episode's recorded steps.
         *
         * @param events each recorded step's events (those of the action taken there)
         */
        boolean[] of(long[] events);
    }

    /** Every step gets {@code value}: the distribution label. */
    public static Label constant(boolean value) {
        return events -> {
            boolean[] labels = new boolean[events.length];
            Arrays.fill(labels, value);
            return labels;
        };
    }

    /** A step is positive when its action or one of the next k − 1 satisfies {@code misbehaved}. */
    public static Label misbehavesWithin(int k, LongPredicate misbehaved) {
        return events -> {
            boolean[] labels = new boolean[events.length];
            for (int t = 0; t < events.length; t++) {
                long ahead = 0;
                for (int u = t; u < Math.min(events.length, t + k); u++) {
                    ahead |= events[u];
                }
                labels[t] = misbehaved.test(ahead);
            }
            return labels;
        };
    }

    /** Who acts while the learner's activations are captured: the learner itself, or a teacher persona. */
    public interface Actor {
        /** An action in {@code env}'s current state, whose observation is {@code obs}; {@code scratch} is overwritten. */
        int act(Environment env, SparseVector obs, double[] scratch, MersenneTwisterFast rng);
    }

    /** The learner acting: {@code policy}'s actions sampled from {@code obs}. */
    public static Actor learner(Policy policy) {
        return (env, obs, scratch, rng) -> policy.sample(obs, rng, scratch);
    }

    /** A teacher persona acting on the environment's true state (the learner's network only reads). */
    public static Actor persona(Teacher teacher) {
        return (env, obs, scratch, rng) -> teacher.act(env, scratch, rng);
    }

    /**
     * Plays {@code episodes} episodes of {@code env} with {@code actor} choosing the actions and captures
     * hidden layer {@code layer} of {@code net} at every step the learner takes. With {@code stopAt} not
     * null, an episode's steps stop being recorded after the first whose accumulated events satisfy it (a
     * generic contrast never shows the misbehaviour); the episode is still played to its end, so the
     * streams are drawn alike either way.
     *
     * @param levels  the environment's stream
     * @param actions the action-sampling stream
     */
    public static CapturedStates play(Environment env, Encoder encoder, Actor actor, HiddenActivations net, int layer,
                                      int episodes, Label label, LongPredicate stopAt, MersenneTwisterFast levels,
                                      MersenneTwisterFast actions) {
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        double[] scratch = new double[env.actionCount()];
        StepResult step = new StepResult();
        int width = net.hiddenWidth(layer);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            env.reset(levels);
            List<double[]> episodeRows = new ArrayList<>();
            List<Long> episodeEvents = new ArrayList<>();
            long accumulated = 0;
            boolean recording = true;
            boolean done = false;
            while (!done) {
                encoder.encode(env, obs);
                if (recording) {
                    double[] h = new double[width];
                    net.hiddenActivations(obs, layer, h);
                    episodeRows.add(h);
                }
                int a = actor.act(env, obs, scratch, actions);
                env.step(a, step);
                if (recording) {
                    episodeEvents.add(step.events);
                }
                accumulated |= step.events;
                recording &= stopAt == null || !stopAt.test(accumulated);
                done = step.done();
            }
            long[] events = episodeEvents.stream().mapToLong(Long::longValue).toArray();
            boolean[] own = label.of(events);
            rows.addAll(episodeRows);
            for (boolean b : own) {
                labels.add(b);
            }
        }
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return new CapturedStates(rows.toArray(new double[0][]), y);
    }

    /** These states followed by {@code other}'s. */
    public CapturedStates and(CapturedStates other) {
        double[][] x = Arrays.copyOf(activations, activations.length + other.activations.length);
        System.arraycopy(other.activations, 0, x, activations.length, other.activations.length);
        boolean[] y = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, y, labels.length, other.labels.length);
        return new CapturedStates(x, y);
    }
}
