package org.innerlab.learner;

/**
 * A trainable model. Its parameters live in flat {@code double[]} arrays that regimes update in
 * place; {@link #evaluationPolicy} is how it acts once training is over.
 */
public interface Learner {
    /** The catalog type, e.g. {@code linear-softmax}. */
    String type();

    /** The policy this learner acts with at evaluation time. */
    Policy evaluationPolicy();

    /** Number of trainable parameters (for reports). */
    long parameterCount();
}
