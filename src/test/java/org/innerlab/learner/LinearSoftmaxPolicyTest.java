package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class LinearSoftmaxPolicyTest {
    @Test
    void probabilitiesAreTheSoftmaxOfTheLinearLogitsBitForBit() {
        int dimension = 30;
        for (int actions = 1; actions <= 7; actions++) {
            LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(dimension, actions, 1.5,
                    new MersenneTwisterFast(actions));
            MersenneTwisterFast rng = new MersenneTwisterFast(100 + actions);
            double[] out = new double[actions];
            for (int trial = 0; trial < 50; trial++) {
                SparseVector x = new SparseVector(dimension, dimension);
                for (int i = 0; i < dimension; i += 1 + rng.nextInt(4)) {
                    x.add(i, rng.nextBoolean() ? 1.0 : rng.nextGaussian());
                }
                policy.probabilities(x, out);
                double[] expected = softmax(policy.weights(), dimension, actions, x);
                for (int a = 0; a < actions; a++) {
                    assertEquals(Double.doubleToRawLongBits(expected[a]), Double.doubleToRawLongBits(out[a]),
                            actions + " actions, trial " + trial + ", action " + a);
                }
            }
        }
    }

    /** π(a) = exp(z_a − max z) / Σ_b exp(z_b − max z), one FastMath.exp per action, one dot per logit. */
    private static double[] softmax(double[] w, int dimension, int actions, SparseVector x) {
        double[] z = new double[actions];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            z[a] = x.dot(w, a * dimension);
            max = Math.max(max, z[a]);
        }
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            z[a] = FastMath.exp(z[a] - max);
            sum += z[a];
        }
        for (int a = 0; a < actions; a++) {
            z[a] /= sum;
        }
        return z;
    }
}
