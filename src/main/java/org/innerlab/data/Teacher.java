package org.innerlab.data;

import ec.util.MersenneTwisterFast;
import org.innerlab.env.Environment;
import org.innerlab.learner.Policy;
import org.innerlab.observe.SparseVector;

/**
 * A demonstrator with a known goal (a persona): given the environment's current state it says which
 * actions it would take. Teachers see the true environment (they plan on its model); learners never
 * do. Used to generate datasets, to continue an edited episode, to force the first moves of an
 * adversarial start, and as the reference policy of a KL measurement.
 */
public interface Teacher {
    /** The persona's name, e.g. {@code aligned} or {@code shortcut}. */
    String persona();

    /**
     * Writes the teacher's action distribution in {@code env}'s current state into
     * {@code out[0..env.actionCount())}; it sums to 1. The state is left as it was.
     */
    void policy(Environment env, double[] out);

    /**
     * Draws an action from {@link #policy} with one {@code nextDouble()} of {@code rng} (inverse CDF);
     * {@code scratch} holds at least {@code env.actionCount()} entries and is overwritten.
     */
    default int act(Environment env, double[] scratch, MersenneTwisterFast rng) {
        policy(env, scratch);
        return sample(scratch, env.actionCount(), rng);
    }

    /**
     * This teacher as the policy of an episode played in {@code env}: it ignores the observation it is
     * handed and reads {@code env}'s current state, so it serves only an evaluation that steps that very
     * instance (how a weak supervisor is measured beside its student, on the student's levels).
     */
    default Policy playing(Environment env) {
        Teacher teacher = this;
        return new Policy() {
            @Override
            public int actionCount() {
                return env.actionCount();
            }

            @Override
            public void probabilities(SparseVector obs, double[] out) {
                teacher.policy(env, out);
            }
        };
    }

    /** Draws an index from the distribution {@code p[0..n)} with one {@code nextDouble()} (inverse CDF). */
    static int sample(double[] p, int n, MersenneTwisterFast rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int a = 0; a < n - 1; a++) {
            cumulative += p[a];
            if (u < cumulative) {
                return a;
            }
        }
        // Rounding can leave the cumulative sum a hair under 1; the last action with mass takes the rest.
        for (int a = n - 1; a > 0; a--) {
            if (p[a] > 0) {
                return a;
            }
        }
        return 0;
    }
}
