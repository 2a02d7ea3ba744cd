package org.innerlab.learner;

/**
 * Plain stochastic gradient descent, θ ← θ − α g, entry by entry. It has no state.
 */
public final class Sgd implements Optimiser {
    private final double[][] parameters;
    private final double[][] gradients;

    /** Updates {@code parameters} along {@code gradients} (parallel blocks). */
    public Sgd(double[][] parameters, double[][] gradients) {
        this.parameters = parameters;
        this.gradients = gradients;
    }

    /** Updates every block of {@code net}. */
    public Sgd(Differentiable net) {
        this(net.parameterBlocks(), net.gradientBlocks());
    }

    @Override
    public void step(double learningRate) {
        for (int b = 0; b < parameters.length; b++) {
            double[] t = parameters[b];
            double[] g = gradients[b];
            for (int i = 0; i < t.length; i++) {
                t[i] -= learningRate * g[i];
            }
        }
    }
}
