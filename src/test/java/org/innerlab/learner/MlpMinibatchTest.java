package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.innerlab.core.Seeds;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class MlpMinibatchTest {
    private static final int INPUTS = 12;
    private static final int MAX_ACTIVE = 9;
    private static final int ACTIONS = 4;

    /**
     * Random sparse inputs of 0..9 entries in random (unsorted) order, drawn from 12 inputs, so many
     * samples share an input (the first layer's gradient is taken input by input, eight samples fused)
     * and a sample's size takes every remainder modulo 8 and 4.
     */
    private static SparseVector[] inputs(int n, MersenneTwisterFast rng) {
        SparseVector[] xs = new SparseVector[n];
        for (int s = 0; s < n; s++) {
            xs[s] = new SparseVector(INPUTS, MAX_ACTIVE);
            int size = rng.nextInt(MAX_ACTIVE + 1);
            boolean[] used = new boolean[INPUTS];
            while (xs[s].size < size) {
                int i = rng.nextInt(INPUTS);
                if (!used[i]) {
                    used[i] = true;
                    xs[s].add(i, rng.nextBoolean() ? 1.0 : rng.nextGaussian());
                }
            }
        }
        return xs;
    }

    /**
     * The minibatch's values, policies and accumulated gradient equal, bit for bit, those of
     * {@link MlpPolicy#forward} and {@link MlpPolicy#backward} called sample after sample on the same
     * samples (50 rows drawn with repeats, minibatches of 20, 20 and 10).
     */
    private static void checkBitIdentical(int[] hidden, MlpPolicy.Activation activation, boolean beliefHead, long seed) {
        MersenneTwisterFast rng = Seeds.generator(seed);
        MlpPolicy perSample = new MlpPolicy(INPUTS, MAX_ACTIVE, ACTIONS, hidden, activation, false, beliefHead,
                Seeds.generator(seed + 1));
        double[] p = perSample.parameters();
        for (int i = 0; i < p.length; i++) {
            // Larger-than-initial head weights and non-zero biases, so every term matters.
            p[i] += 0.3 * rng.nextGaussian();
        }
        MlpPolicy batched = perSample.snapshot();
        SparseVector[] xs = inputs(40, rng);
        int[] rows = new int[50];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextInt(xs.length);
        }
        MlpMinibatch batch = new MlpMinibatch(batched, 20, MAX_ACTIVE);
        double[] dLogits = new double[ACTIONS];
        for (int from = 0; from < rows.length; from += 20) {
            int to = Math.min(rows.length, from + 20);
            perSample.zeroGradients();
            batched.zeroGradients();
            batch.forward(xs, rows, from, to);
            assertEquals(to - from, batch.size());
            for (int s = 0; s < to - from; s++) {
                SparseVector x = xs[rows[from + s]];
                double v = perSample.forward(x);
                assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(batch.value(s)), "value of sample " + s);
                assertArrayEquals(perSample.probs(),
                        Arrays.copyOfRange(batch.probs(), s * ACTIONS, (s + 1) * ACTIONS), "policy of sample " + s);
                for (int a = 0; a < ACTIONS; a++) {
                    dLogits[a] = rng.nextGaussian();
                    batch.logitGradients()[s * ACTIONS + a] = dLogits[a];
                }
                double dValue = rng.nextGaussian();
                batch.valueGradients()[s] = dValue;
                perSample.backward(x, dLogits, dValue);
            }
            batch.backward();
            assertArrayEquals(perSample.gradients(), batched.gradients(), "gradient of minibatch from " + from);
        }
    }

    @Test
    void oneTanhLayerMatchesPerSamplePassesBitForBit() {
        checkBitIdentical(new int[] {8}, MlpPolicy.Activation.TANH, false, 11);
    }

    @Test
    void oneReluLayerMatchesPerSamplePassesBitForBit() {
        checkBitIdentical(new int[] {9}, MlpPolicy.Activation.RELU, false, 12);
    }

    @Test
    void twoLayersMatchPerSamplePassesBitForBit() {
        checkBitIdentical(new int[] {7, 6}, MlpPolicy.Activation.TANH, false, 13);
        checkBitIdentical(new int[] {6, 9}, MlpPolicy.Activation.RELU, false, 14);
    }

    @Test
    void beliefHeadMatchesPerSamplePassesBitForBit() {
        checkBitIdentical(new int[] {8}, MlpPolicy.Activation.TANH, true, 15);
        checkBitIdentical(new int[] {5, 6}, MlpPolicy.Activation.RELU, true, 16);
    }

    @Test
    void aMinibatchLargerThanTheCapacityIsRefused() {
        MlpPolicy net = new MlpPolicy(INPUTS, MAX_ACTIVE, ACTIONS, new int[] {4}, MlpPolicy.Activation.RELU,
                Seeds.generator(1));
        MlpMinibatch batch = new MlpMinibatch(net, 2, MAX_ACTIVE);
        SparseVector[] xs = inputs(3, Seeds.generator(2));
        assertThrows(IllegalArgumentException.class, () -> batch.forward(xs, new int[] {0, 1, 2}, 0, 3));
    }
}
