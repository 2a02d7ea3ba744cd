package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
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
 * Optionally an auxiliary tag head beside them, one logistic unit per action on the same features,
 * predicting whether a demonstration taking action a in s was tagged bad:
 * <pre>
 *   P(bad | s, a) = σ(u_a · φ(s)),   σ(y) = 1 / (1 + e^{−y})
 * </pre>
 *
 * Weights are flat arrays, action-major ({@code w[a · D + i]}, {@code u[a · D + i]}); as a
 * {@link Differentiable} they are the blocks w, v and (with a tag head) u, each with a gradient buffer
 * of its shape. Regimes that update the weights directly (REINFORCE's SGD) leave the buffers alone.
 * The exponential is Commons Math's {@link FastMath} (pure Java, so results match bit for bit on every JVM).
 */
public final class LinearSoftmaxPolicy implements Policy, Learner, TagPredictor, Differentiable, StateValue {
    /** The {@code linear-softmax} learner type. */
    public static final LearnerType<LinearSoftmaxPolicy> TYPE = new LearnerType<>(
            ComponentInfo.of("linear-softmax", "softmax policy, logits linear in the features, with a linear value baseline",
                    List.of(ParamSpec.real("init_std", 0.0, 0.0, 10.0, "std of the Gaussian initial weights"),
                            TAG_HEAD)),
            LinearSoftmaxPolicy.class, LearnerType.Observation.SCENARIO,
            c -> new LinearSoftmaxPolicy(c.encoder().dimension(), c.actions(), c.real("init_std"),
                    c.seeds().stream("init"), c.flag("tag_head")),
            new LearnerType.Persistence<>(
                    p -> {
                        Map<String, double[]> arrays = new LinkedHashMap<>();
                        arrays.put("weights", p.weights().clone());
                        arrays.put("value_weights", p.valueWeights().clone());
                        return TrainedState.ofArrays(arrays);
                    },
                    (c, saved) -> {
                        LinearSoftmaxPolicy p = new LinearSoftmaxPolicy(c.encoder().dimension(), c.actions(), 0, null);
                        saved.copy("weights", p.weights());
                        saved.copy("value_weights", p.valueWeights());
                        return p;
                    }));

    private final int actions;
    private final int dimension;
    private final double[] weights;
    private final double[] valueWeights;
    /** The tag head's weights u, or null without a tag head. */
    private final double[] tagWeights;
    /** w, v and (with a tag head) u. */
    private final double[][] parameterBlocks;
    /** ∂L/∂w, ∂L/∂v and (with a tag head) ∂L/∂u. */
    private final double[][] gradientBlocks;

    /**
     * @param initStd std of the Gaussian initial policy weights (0 gives the uniform policy)
     */
    public LinearSoftmaxPolicy(int dimension, int actions, double initStd, MersenneTwisterFast init) {
        this(dimension, actions, initStd, init, false);
    }

    /**
     * @param initStd std of the Gaussian initial policy weights (0 gives the uniform policy)
     * @param tagHead whether to add the auxiliary tag head (its weights start at 0: P(bad) = ½)
     */
    public LinearSoftmaxPolicy(int dimension, int actions, double initStd, MersenneTwisterFast init, boolean tagHead) {
        this.actions = actions;
        this.dimension = dimension;
        this.weights = new double[actions * dimension];
        this.valueWeights = new double[dimension];
        this.tagWeights = tagHead ? new double[actions * dimension] : null;
        this.parameterBlocks = tagHead ? new double[][] {weights, valueWeights, tagWeights}
                : new double[][] {weights, valueWeights};
        this.gradientBlocks = new double[parameterBlocks.length][];
        for (int b = 0; b < parameterBlocks.length; b++) {
            gradientBlocks[b] = new double[parameterBlocks[b].length];
        }
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
        return weights.length + valueWeights.length + (tagWeights == null ? 0 : tagWeights.length);
    }

    @Override
    public Policy evaluationPolicy() {
        return this;
    }

    @Override
    public LinearSoftmaxPolicy snapshot() {
        LinearSoftmaxPolicy copy = new LinearSoftmaxPolicy(dimension, actions, 0, null, tagWeights != null);
        System.arraycopy(weights, 0, copy.weights, 0, weights.length);
        System.arraycopy(valueWeights, 0, copy.valueWeights, 0, valueWeights.length);
        if (tagWeights != null) {
            System.arraycopy(tagWeights, 0, copy.tagWeights, 0, tagWeights.length);
        }
        return copy;
    }

    /** The policy weights, action-major; regimes update them in place. */
    public double[] weights() {
        return weights;
    }

    /** The value-baseline weights; regimes update them in place. */
    public double[] valueWeights() {
        return valueWeights;
    }

    /** The accumulated ∂L/∂w, parallel to {@link #weights()}. */
    public double[] weightGradients() {
        return gradientBlocks[0];
    }

    /** The accumulated ∂L/∂u, parallel to {@link #tagWeights()}. */
    public double[] tagGradients() {
        requireTagHead();
        return gradientBlocks[2];
    }

    @Override
    public double[][] parameterBlocks() {
        return parameterBlocks;
    }

    @Override
    public double[][] gradientBlocks() {
        return gradientBlocks;
    }

    /** Whether this policy has the auxiliary tag head. */
    public boolean hasTagHead() {
        return tagWeights != null;
    }

    /** The tag head's weights u, action-major; regimes update them in place. */
    public double[] tagWeights() {
        requireTagHead();
        return tagWeights;
    }

    @Override
    public void badProbabilities(SparseVector obs, double[] out) {
        requireTagHead();
        for (int a = 0; a < actions; a++) {
            out[a] = 1 / (1 + FastMath.exp(-obs.dot(tagWeights, a * dimension)));
        }
    }

    private void requireTagHead() {
        if (tagWeights == null) {
            throw new IllegalStateException("this linear-softmax policy was built without a tag head");
        }
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        obs.dots(weights, dimension, actions, out);
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            if (out[a] > max) {
                max = out[a];
            }
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            double shifted = out[a] - max;
            // FastMath.exp(0) is exactly 1: the largest logit costs no exponential.
            double e = shifted == 0 ? 1.0 : FastMath.exp(shifted);
            out[a] = e;
            sum += e;
        }
        for (int a = 0; a < actions; a++) {
            out[a] /= sum;
        }
    }

    /** V(s) = v · φ(s). */
    @Override
    public double value(SparseVector obs) {
        return obs.dot(valueWeights, 0);
    }
}
