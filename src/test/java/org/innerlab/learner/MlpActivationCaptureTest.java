package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.innerlab.core.Seeds;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

/** Activation capture ({@link HiddenActivations}) reads the MLP's hidden layers without changing anything. */
class MlpActivationCaptureTest {
    private static SparseVector input() {
        SparseVector x = new SparseVector(6, 3);
        x.add(1, 1.0);
        x.add(4, -0.5);
        x.add(5, 2.0);
        return x;
    }

    @Test
    void capturedFirstLayerIsTanhOfTheFirstLayersAffineMapAndTheSecondReadsTheFirst() {
        MlpPolicy net = new MlpPolicy(6, 3, 4, new int[] {5, 3}, MlpPolicy.Activation.TANH, Seeds.generator(7));
        MlpLayout layout = net.layout();
        double[] p = net.parameters();
        SparseVector x = input();
        double[] h1 = new double[5];
        for (int j = 0; j < 5; j++) {
            double a = p[layout.hiddenBiases[0] + j];
            for (int k = 0; k < x.size; k++) {
                a += p[layout.hiddenWeights[0] + x.index[k] * 5 + j] * x.value[k];
            }
            h1[j] = MlpPolicy.tanh(a);
        }
        double[] h2 = new double[3];
        for (int k = 0; k < 3; k++) {
            double a = p[layout.hiddenBiases[1] + k];
            for (int j = 0; j < 5; j++) {
                a += p[layout.hiddenWeights[1] + j * 3 + k] * h1[j];
            }
            h2[k] = MlpPolicy.tanh(a);
        }
        double[] captured1 = new double[5];
        double[] captured2 = new double[3];
        net.hiddenActivations(x, 1, captured1);
        net.hiddenActivations(x, 2, captured2);
        assertEquals(2, net.hiddenLayers());
        assertEquals(5, net.hiddenWidth(1));
        assertEquals(3, net.hiddenWidth(2));
        assertArrayEquals(h1, captured1, 0);
        assertArrayEquals(h2, captured2, 0);
    }

    @Test
    void captureBetweenForwardAndBackwardLeavesTheGradientAndTheParametersBitIdentical() {
        double[] plain = gradientAfter(false);
        double[] captured = gradientAfter(true);
        assertArrayEquals(plain, captured, 0);
    }

    /** The gradient of one forward/backward pass at {@link #input()}, with a capture of another input between them. */
    private static double[] gradientAfter(boolean capture) {
        MlpPolicy net = new MlpPolicy(6, 3, 4, new int[] {5}, MlpPolicy.Activation.RELU, Seeds.generator(11));
        double[] before = net.parameters().clone();
        net.zeroGradients();
        net.forward(input());
        if (capture) {
            SparseVector other = new SparseVector(6, 3);
            other.add(0, 3.0);
            net.hiddenActivations(other, 1, new double[5]);
        }
        net.backward(input(), new double[] {0.5, -1, 0.25, 0.25}, 0.3);
        assertArrayEquals(before, net.parameters(), 0);
        return net.gradients().clone();
    }

    @Test
    void aLayerOutsideTheNetworkIsRefusedWithItsRange() {
        MlpPolicy net = new MlpPolicy(6, 3, 4, new int[] {5}, MlpPolicy.Activation.TANH, Seeds.generator(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.hiddenActivations(input(), 2, new double[5]));
        assertEquals("hidden layers are numbered 1..1, got 2", e.getMessage());
    }
}
