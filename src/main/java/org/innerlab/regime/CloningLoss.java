package org.innerlab.regime;

import org.apache.commons.math3.util.FastMath;
import org.innerlab.learner.Adam;
import org.innerlab.observe.SparseVector;

/**
 * The per-row terms of {@link BehaviourCloning}'s loss and their gradient, for one kind of learner:
 * the forward pass, the loss of the row and the backward pass differ between a linear policy and an
 * MLP (in their arithmetic too, which every result depends on), the algorithm around them does not.
 * Each kind also says which parameters the loss reaches (the L2 term's and the optimiser's θ).
 */
abstract sealed class CloningLoss permits LinearCloningLoss, MlpCloningLoss {
    /** α_t, the current weight of the confidence loss on the learner's hardened prediction (0 = plain cloning). */
    double confidence;

    /** Sets ∂L/∂θ to zero. */
    abstract void zeroGradients();

    /**
     * Adds {@code weight} × the row's gradient and returns {@code weight} × the row's loss.
     *
     * @param x      the learner's input (x̄ with the tag appended, or x̄ itself)
     * @param bare   x̄, the row's observation without tag inputs
     * @param events the row's event bits (the belief head's label)
     */
    abstract double accumulate(SparseVector x, SparseVector bare, int action, byte tag, long events, double weight);

    /** Adds λθ to the gradient and returns (λ/2)‖θ‖², over the parameters the loss reaches. */
    abstract double addL2(double lambda);

    /** The Adam that steps {@link #parameterArrays()}. */
    abstract Adam adam();

    /** The parameter arrays the loss reaches (θ); parallel to {@link #gradientArrays()}. */
    abstract double[][] parameterArrays();

    /** ∂L/∂θ, parallel to {@link #parameterArrays()}. */
    abstract double[][] gradientArrays();

    /** −log π(a | ·) from the logits: log Σ_b exp z_b − z_a, shifted by the maximum for stability. */
    static double crossEntropy(double[] logits, int actions, int a) {
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < actions; b++) {
            max = Math.max(max, logits[b]);
        }
        double sum = 0;
        for (int b = 0; b < actions; b++) {
            sum += FastMath.exp(logits[b] - max);
        }
        return max + FastMath.log(sum) - logits[a];
    }

    /**
     * The action term of a row, CE(π, a) or with the confidence loss (1 − α_t) CE(π, a) + α_t CE(π, ĥ),
     * ĥ = {@code hardened}.
     */
    final double actionLoss(double[] logits, int actions, int a, int hardened) {
        double ce = crossEntropy(logits, actions, a);
        return confidence == 0 ? ce : (1 - confidence) * ce + confidence * crossEntropy(logits, actions, hardened);
    }

    /** The action term's target probability of action b: [b = a], or (1 − α_t) [b = a] + α_t [b = ĥ]. */
    final double target(int b, int a, int hardened) {
        double label = b == a ? 1 : 0;
        return confidence == 0 ? label : (1 - confidence) * label + confidence * (b == hardened ? 1 : 0);
    }

    /** ĥ: the action of the largest logit (the lowest on a tie); −1 when the confidence loss is off. */
    final int hardened(double[] logits, int actions) {
        if (confidence == 0) {
            return -1;
        }
        int best = 0;
        for (int b = 1; b < actions; b++) {
            if (logits[b] > logits[best]) {
                best = b;
            }
        }
        return best;
    }

    /**
     * BCE(σ(u), y) = softplus(u) − y u, with softplus(u) = max(u, 0) + log(1 + e^{−|u|}) (finite for
     * any u; FastMath.log1p would allocate).
     */
    static double binaryCrossEntropy(double u, double y) {
        return Math.max(u, 0) + FastMath.log(1 + FastMath.exp(-Math.abs(u))) - y * u;
    }

    static double sigmoid(double u) {
        return 1 / (1 + FastMath.exp(-u));
    }
}
