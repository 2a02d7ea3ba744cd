package org.innerlab.learner;

import java.util.Arrays;

/**
 * A network trained by gradient: its parameters θ as live blocks of flat arrays (one block for a
 * network laid out in one array, one per weight matrix otherwise) and a gradient buffer of the same
 * shape into which a trainer's backward passes accumulate ∂L/∂θ before an {@link Optimiser} step.
 */
public interface Differentiable {
    /** θ, in blocks; the arrays are live (changing them changes the network). */
    double[][] parameterBlocks();

    /** The accumulated ∂L/∂θ, block for block and entry for entry parallel to {@link #parameterBlocks()}. */
    double[][] gradientBlocks();

    /** Sets the accumulated gradient to zero. */
    default void zeroGradients() {
        for (double[] g : gradientBlocks()) {
            Arrays.fill(g, 0);
        }
    }

    /** The number of parameters, Σ over the blocks of their lengths. */
    long parameterCount();
}
