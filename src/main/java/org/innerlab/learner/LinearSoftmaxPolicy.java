package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.observe.SparseVector;

/**
 * A softmax policy whose logits are linear in the features, with a linear state-value estimate
 * beside it for use as a baseline:
 *
 * <pre>
 *   z_a(s) = w_a · φ(s),   π(a | s) = exp z_a / Σ_b exp z_b,   V(s) = v · φ(s)
 *   ∂ log π(a | s) / ∂ w_b = ([a = b] − π(b | s)) φ(s)
 * </pre>
 *
 * Weights are one flat array, action-major ({@code w[a · D + i]}); the exponential is Commons Math's
 * {@link FastMath} (pure Java, so results match bit for bit on every JVM).
 */
public final class LinearSoftmaxPolicy implements Policy, Learner {
    private final int actions;
    private final int dimension;
    private final double[] weights;
    private final double[] valueWeights;

    /**
     * @param initStd std of the Gaussian initial policy weights (0 gives the uniform policy)
     */
    public LinearSoftmaxPolicy(int dimension, int actions, double initStd, MersenneTwisterFast init) {
        this.actions = actions;
        this.dimension = dimension;
        this.weights = new double[actions * dimension];
        this.valueWeights = new double[dimension];
        if (initStd > 0) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = initStd * init.nextGaussian();
            }
        }
    }

    @Override
    public String type() {
        return "linear-softmax";
    }

    @Override
    public int actionCount() {
        return actions;
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public long parameterCount() {
        return weights.length + valueWeights.length;
    }

    @Override
    public Policy evaluationPolicy() {
        return this;
    }

    /** The policy weights, action-major; regimes update them in place. */
    public double[] weights() {
        return weights;
    }

    /** The value-baseline weights; regimes update them in place. */
    public double[] valueWeights() {
        return valueWeights;
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            double z = obs.dot(weights, a * dimension);
            out[a] = z;
            if (z > max) {
                max = z;
            }
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            double e = FastMath.exp(out[a] - max);
            out[a] = e;
            sum += e;
        }
        for (int a = 0; a < actions; a++) {
            out[a] /= sum;
        }
    }

    /** V(s) = v · φ(s). */
    public double value(SparseVector obs) {
        return obs.dot(valueWeights, 0);
    }
}
