package org.innerlab.observe;

import org.innerlab.env.Environment;

/**
 * Turns an environment's current state into what a learner sees. Encoders decide what is visible
 * (an egocentric window, global features, control tags, oversight cues); the learner sees nothing else.
 */
public interface Encoder {
    /** Length of the feature vector. */
    int dimension();

    /** Most non-zero entries an encoding can have. */
    int maxActive();

    /** Writes the features of {@code env}'s current state into {@code out}, allocation-free. */
    void encode(Environment env, SparseVector out);

    /** Human-readable name of feature {@code i}, for inspection. */
    String featureName(int i);
}
