package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each weight and bias of an {@link MlpPolicy} sits in its one flat parameter array, and how
 * the array is initialised.
 *
 * <p>Layout: W_1 input-major ({@code W_1[i · H_1 + j]}, so a sparse input's rows are contiguous),
 * b_1, then for the second layer W_2 ({@code [j · H_2 + k]}) and b_2, then W_π ({@code [k · A + a]}),
 * b_π, w_V, b_V, then with a tag head W_T ({@code [k · A + a]}) and b_T, then with a belief head v, c
 * and r last. Every later block is optional and appended, so the blocks before it (and the random
 * draws that initialise them) are the same with or without it.
 *
 * <p>Initial weights are Gaussian with standard deviation {@code gain / √fan_in} (gain √2 for ReLU, 1
 * for tanh; the fan-in of the first layer is the encoder's number of active features), 0.01 / √H_L for
 * the policy and value heads so the initial policy is nearly uniform and the initial value nearly 0
 * (the tag head likewise, so P(bad) starts near ½; the belief head's v likewise, so β starts near ½,
 * with r = 0, so the initial policy does not yet read the belief), and biases 0. A value head of unit
 * scale (as before) values states at random, and before the first reward those random values are the
 * only advantages PPO sees: in Cheese Maze they steered some seeds into bumping the start's walls for
 * tens of thousands of steps.
 */
final class MlpLayout {
    final int inputs;
    final int actions;
    /** H_l, the width of each hidden layer. */
    final int[] widths;
    /** Offsets of each hidden layer's W_l and b_l. */
    final int[] hiddenWeights;
    final int[] hiddenBiases;
    final int policyWeights;
    final int policyBias;
    final int valueWeights;
    final int valueBias;
    /** Offsets of the tag head's W_T and b_T, or −1 without one. */
    final int tagWeights;
    final int tagBias;
    /** Offsets of the belief head's v, c and r, or −1 without one. */
    final int beliefWeights;
    final int beliefBias;
    final int beliefReads;
    /** The number of parameters. */
    final int size;

    MlpLayout(int inputs, int actions, int[] hidden, boolean tagHead, boolean beliefHead) {
        if (hidden.length < 1 || hidden.length > 2) {
            throw new IllegalArgumentException("an MLP has one or two hidden layers, got " + hidden.length);
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be positive, got " + h);
            }
        }
        this.inputs = inputs;
        this.actions = actions;
        this.widths = hidden.clone();
        int layers = hidden.length;
        hiddenWeights = new int[layers];
        hiddenBiases = new int[layers];
        int n = 0;
        int fanIn = inputs;
        for (int l = 0; l < layers; l++) {
            hiddenWeights[l] = n;
            n += fanIn * hidden[l];
            hiddenBiases[l] = n;
            n += hidden[l];
            fanIn = hidden[l];
        }
        int last = hidden[layers - 1];
        policyWeights = n;
        n += last * actions;
        policyBias = n;
        n += actions;
        valueWeights = n;
        n += last;
        valueBias = n;
        n += 1;
        if (tagHead) {
            tagWeights = n;
            n += last * actions;
            tagBias = n;
            n += actions;
        } else {
            tagWeights = -1;
            tagBias = -1;
        }
        if (beliefHead) {
            beliefWeights = n;
            n += last;
            beliefBias = n;
            n += 1;
            beliefReads = n;
            n += actions;
        } else {
            beliefWeights = -1;
            beliefBias = -1;
            beliefReads = -1;
        }
        size = n;
    }

    /** One named parameter block: {@code length} parameters from {@code offset}, as a saved policy names its array. */
    record Block(String name, int offset, int length) {
    }

    /**
     * Every block in layout order, covering the parameters exactly once: {@code w1}, {@code b1} (then
     * {@code w2}, {@code b2}), {@code policy_weights}, {@code policy_bias}, {@code value_weights},
     * {@code value_bias}, then with a tag head {@code tag_weights}, {@code tag_bias}, then with a belief
     * head {@code belief_weights} (v), {@code belief_bias} (c), {@code belief_reads} (r).
     */
    List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        for (int l = 0; l < widths.length; l++) {
            out.add(new Block("w" + (l + 1), hiddenWeights[l], hiddenBiases[l] - hiddenWeights[l]));
            out.add(new Block("b" + (l + 1), hiddenBiases[l], widths[l]));
        }
        int last = top();
        out.add(new Block("policy_weights", policyWeights, last * actions));
        out.add(new Block("policy_bias", policyBias, actions));
        out.add(new Block("value_weights", valueWeights, last));
        out.add(new Block("value_bias", valueBias, 1));
        if (tagWeights >= 0) {
            out.add(new Block("tag_weights", tagWeights, last * actions));
            out.add(new Block("tag_bias", tagBias, actions));
        }
        if (beliefWeights >= 0) {
            out.add(new Block("belief_weights", beliefWeights, last));
            out.add(new Block("belief_bias", beliefBias, 1));
            out.add(new Block("belief_reads", beliefReads, actions));
        }
        return out;
    }

    /** H_L, the width of the last hidden layer (the heads' input). */
    int top() {
        return widths[widths.length - 1];
    }

    /**
     * Draws the initial weights into {@code params} (all zero before: biases and r stay 0), in layout
     * order from {@code rng}.
     *
     * @param firstFanIn the first layer's effective fan-in
     * @param gain       √2 for ReLU, 1 for tanh
     */
    void initialise(double[] params, int firstFanIn, double gain, MersenneTwisterFast rng) {
        int fanIn = firstFanIn;
        int rows = inputs;
        for (int l = 0; l < widths.length; l++) {
            double std = gain / Math.sqrt(fanIn);
            for (int i = 0; i < rows * widths[l]; i++) {
                params[hiddenWeights[l] + i] = std * rng.nextGaussian();
            }
            fanIn = widths[l];
            rows = widths[l];
        }
        int last = top();
        for (int i = 0; i < last * actions; i++) {
            params[policyWeights + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
        }
        for (int i = 0; i < last; i++) {
            params[valueWeights + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
        }
        if (tagWeights >= 0) {
            for (int i = 0; i < last * actions; i++) {
                params[tagWeights + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
            }
        }
        if (beliefWeights >= 0) {
            for (int i = 0; i < last; i++) {
                params[beliefWeights + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
            }
        }
    }
}
