package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ec.util.MersenneTwisterFast;
import org.innerlab.core.Seeds;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class SteeredActivationsTest {
    private static SparseVector input() {
        SparseVector x = new SparseVector(9, 4);
        x.add(0, 1.0);
        x.add(3, -0.5);
        x.add(5, 1.5);
        x.add(8, 0.25);
        return x;
    }

    /** A two-layer ReLU network with a belief head and larger-than-default head weights, so steering shows. */
    private static MlpPolicy net(long seed) {
        MlpPolicy net = new MlpPolicy(9, 4, 3, new int[] {6, 5}, MlpPolicy.Activation.RELU, false, true,
                Seeds.generator(seed));
        MersenneTwisterFast rng = Seeds.generator(seed + 1);
        double[] p = net.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * rng.nextGaussian();
        }
        return net;
    }

    private static double[] shift(int width, long seed) {
        MersenneTwisterFast rng = Seeds.generator(seed);
        double[] s = new double[width];
        for (int j = 0; j < width; j++) {
            s[j] = rng.nextGaussian();
        }
        return s;
    }

    @Test
    void aZeroVectorLeavesThePolicyBitForBitUnchanged() {
        MlpPolicy net = net(3);
        double[] plain = new double[3];
        double[] steered = new double[3];
        net.probabilities(input(), plain);
        net.steeredActivations(2, new double[5]).probabilities(input(), steered);
        assertArrayEquals(plain, steered, 0.0);
    }

    @Test
    void steeringALayerActsAsShiftingThatLayersBias() {
        for (int layer = 1; layer <= 2; layer++) {
            MlpPolicy net = net(5);
            double[] s = shift(net.hiddenWidth(layer), 11);
            double[] steered = new double[3];
            Policy view = net.steeredActivations(layer, s);
            view.probabilities(input(), steered);

            // b_l + s in the network's own parameters is the same function: h_l = f(W_l h_{l-1} + b_l + s).
            int bias = net.layout().hiddenBiases[layer - 1];
            for (int j = 0; j < s.length; j++) {
                net.parameters()[bias + j] += s[j];
            }
            double[] shifted = new double[3];
            net.probabilities(input(), shifted);
            assertArrayEquals(shifted, steered, 1e-12, "layer " + layer);
            double[] plain = new double[3];
            for (int j = 0; j < s.length; j++) {
                net.parameters()[bias + j] -= s[j];
            }
            net.probabilities(input(), plain);
            assertFalse(java.util.Arrays.equals(plain, steered), "the shift changed nothing at layer " + layer);
        }
    }

    @Test
    void theViewLeavesTheNetworksLastForwardAlone() {
        MlpPolicy net = net(7);
        net.forward(input());
        double[] before = net.probs().clone();
        SparseVector other = new SparseVector(9, 4);
        other.add(1, 1.0);
        net.steeredActivations(1, shift(6, 2)).probabilities(other, new double[3]);
        assertArrayEquals(before, net.probs(), 0.0);
    }

    @Test
    void preActivationsAreReadAsTheForwardPassComputesThem() {
        MlpPolicy net = net(9);
        double[] sum = new double[6];
        net.addPreActivation(input(), 1, sum);
        net.addPreActivation(input(), 1, sum);
        // a_1 = b_1 + W_1 x, from the parameters as MlpLayout lays them out.
        MlpLayout layout = net.layout();
        SparseVector x = input();
        for (int j = 0; j < 6; j++) {
            double a = net.parameters()[layout.hiddenBiases[0] + j];
            for (int k = 0; k < x.size; k++) {
                a += net.parameters()[layout.hiddenWeights[0] + x.index[k] * 6 + j] * x.value[k];
            }
            assertEquals(2 * a, sum[j], 1e-12);
        }
    }

    @Test
    void layersAndWidthsAreChecked() {
        MlpPolicy net = net(1);
        assertThrows(IllegalArgumentException.class, () -> net.steeredActivations(3, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> net.steeredActivations(1, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> net.addPreActivation(input(), 0, new double[6]));
    }
}
