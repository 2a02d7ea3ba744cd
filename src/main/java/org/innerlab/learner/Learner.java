package org.innerlab.learner;

/**
 * A trainable model. Its parameters live in flat {@code double[]} arrays that regimes update in
 * place; {@link #evaluationPolicy} is how it acts once training is over.
 */
public interface Learner {
    /** The id of its {@link LearnerType} in {@link Learners}, e.g. {@code linear-softmax}. */
    String type();

    /** The policy this learner acts with at evaluation time. */
    Policy evaluationPolicy();

    /** Number of trainable parameters (for reports). */
    long parameterCount();

    /**
     * An independent copy of this learner as it is now: later training of either leaves the other
     * unchanged. Measurements that compare the current policy with an earlier one (KL to the initial
     * policy, a KL penalty) keep such a copy as their reference.
     */
    Learner snapshot();
}
