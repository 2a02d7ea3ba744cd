package org.innerlab.regime;

import org.apache.commons.math3.util.FastMath;
import org.innerlab.data.Dataset;
import org.innerlab.learner.Adam;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.SparseVector;

/**
 * {@link BehaviourCloning}'s loss on a {@link LinearSoftmaxPolicy}: z_b = w_b · x, u_a = v_a · x̄;
 * the gradients are sparse outer products. θ is w, and u when the tag head is trained; the value
 * weights are left alone. The Adam is this loss's own, so its moments start at zero with every
 * cloning run.
 */
final class LinearCloningLoss extends CloningLoss {
    private final LinearSoftmaxPolicy policy;
    private final int actions;
    private final int dimension;
    private final double tagHeadWeight;
    private final boolean tagHead;
    private final double[][] theta;
    private final double[][] grad;
    private final double[] logits;
    private Adam adam;

    /** @param tagHeadWeight c_T; the tag head is trained when it is positive */
    LinearCloningLoss(LinearSoftmaxPolicy policy, double tagHeadWeight) {
        this.policy = policy;
        this.actions = policy.actionCount();
        this.dimension = policy.dimension();
        this.tagHeadWeight = tagHeadWeight;
        this.tagHead = tagHeadWeight > 0;
        this.theta = tagHead ? new double[][] {policy.weights(), policy.tagWeights()} : new double[][] {policy.weights()};
        this.grad = tagHead ? new double[][] {policy.weightGradients(), policy.tagGradients()}
                : new double[][] {policy.weightGradients()};
        this.logits = new double[actions];
    }

    @Override
    void zeroGradients() {
        for (double[] g : grad) {
            java.util.Arrays.fill(g, 0);
        }
    }

    @Override
    double accumulate(SparseVector x, SparseVector bare, int action, byte tag, long events, double weight) {
        double[] w = policy.weights();
        for (int b = 0; b < actions; b++) {
            logits[b] = x.dot(w, b * dimension);
        }
        double ce = crossEntropy(logits, actions, action);
        double logPartition = ce + logits[action];
        int hardened = hardened(logits, actions);
        double loss = confidence == 0 ? ce : actionLoss(logits, actions, action, hardened);
        for (int b = 0; b < actions; b++) {
            double pi = FastMath.exp(logits[b] - logPartition);
            x.addScaledTo(grad[0], b * dimension, weight * (pi - target(b, action, hardened)));
        }
        loss *= weight;
        if (tagHead && tag != Dataset.UNTAGGED) {
            double y = tag == Dataset.BAD ? 1 : 0;
            double c = tagHeadWeight * weight;
            double u = bare.dot(theta[1], action * dimension);
            loss += c * binaryCrossEntropy(u, y);
            bare.addScaledTo(grad[1], action * dimension, c * (sigmoid(u) - y));
        }
        return loss;
    }

    @Override
    double addL2(double lambda) {
        if (lambda == 0) {
            return 0;
        }
        double sq = 0;
        for (int b = 0; b < theta.length; b++) {
            double[] t = theta[b];
            double[] g = grad[b];
            for (int i = 0; i < t.length; i++) {
                g[i] += lambda * t[i];
                sq += t[i] * t[i];
            }
        }
        return 0.5 * lambda * sq;
    }

    /** A fresh Adam over θ, made on first use (an SGD run needs no moments). */
    @Override
    Adam adam() {
        if (adam == null) {
            adam = new Adam(theta, grad);
        }
        return adam;
    }

    @Override
    double[][] parameterArrays() {
        return theta;
    }

    @Override
    double[][] gradientArrays() {
        return grad;
    }
}
