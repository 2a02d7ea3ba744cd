package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import org.innerlab.observe.SparseVector;

/**
 * A stochastic policy over a fixed action set, acting on encoded observations only: a policy
 * cannot see the environment, its rewards or its hidden objective.
 */
public interface Policy {
    int actionCount();

    /** Writes π(a | obs) for every action into {@code out[0..actionCount)}. */
    void probabilities(SparseVector obs, double[] out);

    /**
     * Samples an action from π(· | obs), using {@code scratch} (length ≥ actionCount) for the probabilities.
     */
    default int sample(SparseVector obs, MersenneTwisterFast rng, double[] scratch) {
        probabilities(obs, scratch);
        return ActionChoice.sample(scratch, actionCount(), rng);
    }

    /** The most probable action; ties are broken uniformly at random with {@code rng}. */
    default int greedy(SparseVector obs, MersenneTwisterFast rng, double[] scratch) {
        probabilities(obs, scratch);
        return ActionChoice.argmax(scratch, actionCount(), rng);
    }
}
