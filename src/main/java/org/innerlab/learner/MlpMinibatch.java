package org.innerlab.learner;

import java.util.Arrays;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.observe.SparseVector;

/**
 * The forward and backward passes of an {@link MlpPolicy} over a whole minibatch at once, with the
 * same results, bit for bit, as {@link MlpPolicy#forward} and {@link MlpPolicy#backward} called sample
 * after sample: a trainer that accumulates a minibatch's gradient before one optimiser step (PPO)
 * computes it here. The equations are {@link MlpPolicy}'s; this class only orders the loops.
 *
 * <p><b>Layout.</b> Hidden layers are kept sample-major ({@code pre[s · H + j]}): the first layer's
 * input is sparse and each sample has its own active inputs, so its weight rows are a different set for
 * every sample, and the kernels run over the units j of one row, eight rows fused per pass
 * ({@link #addRows}). The heads are computed sample-minor ({@code z[a · B + s]}, the top layer copied to
 * {@code h[j · B + s]}): every sample reads the same head weight, so each is loaded once per minibatch,
 * and the innermost loop runs over the B samples with no reduction across iterations. On JDK 17 neither
 * loop is vectorised (see {@link #addRows}); the gain is fewer loads and stores per multiply-add.
 *
 * <p><b>Why the results are bit-identical.</b> Java evaluates {@code a + b + c} as {@code (a + b) + c}
 * and never contracts a multiply and an add, so a sum is the same double exactly when its terms are
 * added in the same order. Every sum here keeps the per-sample order: a pre-activation or logit adds its
 * bias, then its inputs in the sample's order (the fused row kernel {@link #addRows} adds eight rows per
 * pass as {@code out + w₀x₀ + w₁x₁ + … + w₇x₇}, which is the eight single updates in sequence); a gradient entry
 * adds one term per sample, in sample order, as the per-sample passes do one after another. The first
 * layer's weight gradient is taken input by input over the samples that have that input active (a
 * stable counting sort of the minibatch's (sample, entry) pairs by input), so each of its rows is loaded
 * and stored once per eight contributing samples instead of once per sample, still in sample order.
 * {@code MlpMinibatchTest} checks the identity against the per-sample passes.
 *
 * <p><b>double, not float.</b> Float would halve the memory traffic and double the vector width, but
 * every result in the lab would change; this kernel keeps double so no scenario's result moves.
 *
 * <p>The tag head is not evaluated: the trainers that use this class read only the policy, the value
 * and the belief. All buffers are allocated at construction for at most {@code capacity} samples, so a
 * training step allocates nothing; an instance serves one thread.
 */
public final class MlpMinibatch {
    private final MlpPolicy net;
    private final MlpLayout layout;
    private final double[] params;
    private final double[] grads;
    private final boolean tanh;
    private final int capacity;
    private final int actions;
    /** Per hidden layer, sample-major: pre-activations, activations and ∂L/∂(pre-activation). */
    private final double[][] pre;
    private final double[][] act;
    private final double[][] gradAct;
    /** The top hidden layer transposed, sample-minor: {@code top[j · B + s]}. */
    private final double[] top;
    /** Sample-minor head outputs: logits {@code [a · B + s]}, values and belief logits {@code [s]}. */
    private final double[] logits;
    private final double[] values;
    private final double[] beliefLogits;
    private final double[] beliefs;
    /** Sample-major π(a | x_s) at {@code [s · A + a]}, and the caller's ∂L/∂z and ∂L/∂V. */
    private final double[] probs;
    private final double[] logitGradients;
    private final double[] valueGradients;
    private final double[] softmaxIn;
    private final double[] softmaxOut;
    /** The second layer's weight-row starts, {@code W_2 + j · H_2}. */
    private final int[] denseRows;
    /** One sample's first-layer weight-row starts, {@code W_1 + i_k · H_1}. */
    private final int[] sparseRows;
    // The minibatch's first-layer entries sorted stably by input: for input i, entries
    // [inputStart[i], inputStart[i] + inputCount[i]) of entryRow (that sample's offset s · H_1 into
    // gradAct[0]) and entryValue; touched lists the inputs that occur, in order of first occurrence.
    private final int[] inputCount;
    private final int[] inputStart;
    private final int[] touched;
    private final int[] entryRow;
    private final double[] entryValue;

    private SparseVector[] batchObs;
    private int[] batchRows;
    private int batchFrom;
    private int size;

    /**
     * @param net       the network whose parameters are read and whose gradient is accumulated
     * @param capacity  the most samples in one minibatch
     * @param maxActive the most non-zero entries of one sample's input
     */
    public MlpMinibatch(MlpPolicy net, int capacity, int maxActive) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a minibatch holds at least one sample, got capacity " + capacity);
        }
        this.net = net;
        this.layout = net.layout();
        this.params = net.parameters();
        this.grads = net.gradients();
        this.tanh = net.activation() == MlpPolicy.Activation.TANH;
        this.capacity = capacity;
        this.actions = layout.actions;
        int layers = layout.widths.length;
        pre = new double[layers][];
        act = new double[layers][];
        gradAct = new double[layers][];
        for (int l = 0; l < layers; l++) {
            pre[l] = new double[capacity * layout.widths[l]];
            act[l] = new double[capacity * layout.widths[l]];
            gradAct[l] = new double[capacity * layout.widths[l]];
        }
        top = new double[capacity * layout.top()];
        logits = new double[capacity * actions];
        values = new double[capacity];
        beliefLogits = new double[capacity];
        beliefs = new double[capacity];
        probs = new double[capacity * actions];
        logitGradients = new double[capacity * actions];
        valueGradients = new double[capacity];
        softmaxIn = new double[actions];
        softmaxOut = new double[actions];
        denseRows = new int[layers > 1 ? layout.widths[0] : 0];
        for (int j = 0; j < denseRows.length; j++) {
            denseRows[j] = layout.hiddenWeights[1] + j * layout.widths[1];
        }
        sparseRows = new int[maxActive];
        inputCount = new int[layout.inputs];
        inputStart = new int[layout.inputs];
        touched = new int[Math.min(layout.inputs, capacity * maxActive)];
        entryRow = new int[capacity * maxActive];
        entryValue = new double[capacity * maxActive];
    }

    /** The number of samples of the last {@link #forward}. */
    public int size() {
        return size;
    }

    /** V(x_s) of the last {@link #forward}. */
    public double value(int s) {
        return values[s];
    }

    /** π(· | x_s) of the last {@link #forward}: {@code probs()[s · A + a]}. */
    public double[] probs() {
        return probs;
    }

    /** Where the caller writes ∂L/∂z for {@link #backward}: {@code [s · A + a]}. */
    public double[] logitGradients() {
        return logitGradients;
    }

    /** Where the caller writes ∂L/∂V for {@link #backward}: {@code [s]}. */
    public double[] valueGradients() {
        return valueGradients;
    }

    /**
     * The forward pass of the samples {@code obs[rows[from]] … obs[rows[to − 1]]} (sample s is
     * {@code obs[rows[from + s]]}); {@link #backward} then differentiates at them.
     */
    public void forward(SparseVector[] obs, int[] rows, int from, int to) {
        int b = to - from;
        if (b < 1 || b > capacity) {
            throw new IllegalArgumentException("a minibatch of " + b + " samples; this one holds 1.." + capacity);
        }
        batchObs = obs;
        batchRows = rows;
        batchFrom = from;
        size = b;
        int h1 = layout.widths[0];
        double[] a0 = pre[0];
        for (int s = 0; s < b; s++) {
            SparseVector x = obs[rows[from + s]];
            for (int k = 0; k < x.size; k++) {
                sparseRows[k] = layout.hiddenWeights[0] + x.index[k] * h1;
            }
            System.arraycopy(params, layout.hiddenBiases[0], a0, s * h1, h1);
            addRows(a0, s * h1, h1, params, sparseRows, 0, x.value, 0, x.size);
        }
        activate(pre[0], act[0], b * h1);
        if (layout.widths.length > 1) {
            int h2 = layout.widths[1];
            for (int s = 0; s < b; s++) {
                System.arraycopy(params, layout.hiddenBiases[1], pre[1], s * h2, h2);
                addRows(pre[1], s * h2, h2, params, denseRows, 0, act[0], s * h1, h1);
            }
            activate(pre[1], act[1], b * h2);
        }
        heads(b);
    }

    /** Logits, values and beliefs from the top layer, sample-minor; then each sample's softmax. */
    private void heads(int b) {
        int last = layout.top();
        double[] h = act[layout.widths.length - 1];
        for (int s = 0; s < b; s++) {
            for (int j = 0; j < last; j++) {
                top[j * b + s] = h[s * last + j];
            }
        }
        for (int a = 0; a < actions; a++) {
            Arrays.fill(logits, a * b, a * b + b, params[layout.policyBias + a]);
        }
        Arrays.fill(values, 0, b, params[layout.valueBias]);
        boolean believes = net.hasBeliefHead();
        if (believes) {
            Arrays.fill(beliefLogits, 0, b, params[layout.beliefBias]);
        }
        for (int j = 0; j < last; j++) {
            int hj = j * b;
            for (int a = 0; a < actions; a++) {
                double w = params[layout.policyWeights + j * actions + a];
                int za = a * b;
                for (int s = 0; s < b; s++) {
                    logits[za + s] += w * top[hj + s];
                }
            }
        }
        // V and s sum their inputs in the order MlpPolicy.forward does: v_j h_j, not h_j v_j (the
        // product is the same either way; the order of the sum is what matters).
        for (int j = 0; j < last; j++) {
            double w = params[layout.valueWeights + j];
            int hj = j * b;
            for (int s = 0; s < b; s++) {
                values[s] += w * top[hj + s];
            }
        }
        if (believes) {
            for (int j = 0; j < last; j++) {
                double w = params[layout.beliefWeights + j];
                int hj = j * b;
                for (int s = 0; s < b; s++) {
                    beliefLogits[s] += w * top[hj + s];
                }
            }
            for (int s = 0; s < b; s++) {
                beliefs[s] = 1 / (1 + FastMath.exp(-beliefLogits[s]));
            }
            for (int a = 0; a < actions; a++) {
                double r = params[layout.beliefReads + a];
                int za = a * b;
                for (int s = 0; s < b; s++) {
                    logits[za + s] += r * beliefs[s];
                }
            }
        }
        for (int s = 0; s < b; s++) {
            for (int a = 0; a < actions; a++) {
                softmaxIn[a] = logits[a * b + s];
            }
            MlpPolicy.softmax(softmaxIn, softmaxOut, actions);
            System.arraycopy(softmaxOut, 0, probs, s * actions, actions);
        }
    }

    /**
     * Adds ∂L/∂θ of the last {@link #forward}'s samples to the network's gradient, given
     * {@link #logitGradients()} and {@link #valueGradients()}: what {@link MlpPolicy#backward(SparseVector,
     * double[], double)} adds for each sample in turn.
     */
    public void backward() {
        int b = size;
        int topLayer = layout.widths.length - 1;
        int last = layout.top();
        double[] h = act[topLayer];
        double[] g = gradAct[topLayer];
        boolean believes = net.hasBeliefHead();
        for (int s = 0; s < b; s++) {
            int d = s * actions;
            int o = s * last;
            double dValue = valueGradients[s];
            double dS = 0;
            if (believes) {
                double belief = beliefs[s];
                double dBelief = 0;
                for (int a = 0; a < actions; a++) {
                    dBelief += params[layout.beliefReads + a] * logitGradients[d + a];
                    grads[layout.beliefReads + a] += logitGradients[d + a] * belief;
                }
                // + 0.0: the per-sample pass adds its (zero) direct ∂L/∂s, which turns a −0 into +0.
                dS = dBelief * belief * (1 - belief) + 0.0;
                grads[layout.beliefBias] += dS;
            }
            for (int j = 0; j < last; j++) {
                double sum = params[layout.valueWeights + j] * dValue;
                if (believes) {
                    sum += params[layout.beliefWeights + j] * dS;
                    grads[layout.beliefWeights + j] += dS * h[o + j];
                }
                int row = layout.policyWeights + j * actions;
                for (int a = 0; a < actions; a++) {
                    sum += params[row + a] * logitGradients[d + a];
                    grads[row + a] += logitGradients[d + a] * h[o + j];
                }
                grads[layout.valueWeights + j] += dValue * h[o + j];
                g[o + j] = sum;
            }
            for (int a = 0; a < actions; a++) {
                grads[layout.policyBias + a] += logitGradients[d + a];
            }
            grads[layout.valueBias] += dValue;
        }
        for (int l = topLayer; l >= 0; l--) {
            int n = layout.widths[l];
            double[] gl = gradAct[l];
            derivative(gl, act[l], pre[l], b * n);
            int bias = layout.hiddenBiases[l];
            for (int s = 0; s < b; s++) {
                int o = s * n;
                for (int j = 0; j < n; j++) {
                    grads[bias + j] += gl[o + j];
                }
            }
            if (l > 0) {
                hiddenBackward(l, b);
            } else {
                firstLayerWeightGradient(b);
            }
        }
    }

    /** The per-sample backward through W_l (l ≥ 1): its weight gradient and ∂L/∂h_{l−1}, as MlpPolicy.backward. */
    private void hiddenBackward(int l, int b) {
        int n = layout.widths[l];
        int below = layout.widths[l - 1];
        double[] gl = gradAct[l];
        double[] hb = act[l - 1];
        double[] gb = gradAct[l - 1];
        for (int s = 0; s < b; s++) {
            int o = s * n;
            int ob = s * below;
            for (int i = 0; i < below; i++) {
                int row = layout.hiddenWeights[l] + i * n;
                double x = hb[ob + i];
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += params[row + j] * gl[o + j];
                    grads[row + j] += gl[o + j] * x;
                }
                gb[ob + i] = sum;
            }
        }
    }

    /**
     * ∂L/∂W_1 += g_{a_1} xᵀ over the minibatch, input row by input row: the entries are sorted stably by
     * input, so each row receives its samples' terms in sample order, up to eight per load and store of the row.
     */
    private void firstLayerWeightGradient(int b) {
        int h1 = layout.widths[0];
        int distinct = 0;
        for (int s = 0; s < b; s++) {
            SparseVector x = batchObs[batchRows[batchFrom + s]];
            for (int k = 0; k < x.size; k++) {
                int i = x.index[k];
                if (inputCount[i] == 0) {
                    touched[distinct++] = i;
                }
                inputCount[i]++;
            }
        }
        int next = 0;
        for (int t = 0; t < distinct; t++) {
            int i = touched[t];
            inputStart[i] = next;
            next += inputCount[i];
            inputCount[i] = 0;
        }
        for (int s = 0; s < b; s++) {
            SparseVector x = batchObs[batchRows[batchFrom + s]];
            for (int k = 0; k < x.size; k++) {
                int i = x.index[k];
                int e = inputStart[i] + inputCount[i]++;
                entryRow[e] = s * h1;
                entryValue[e] = x.value[k];
            }
        }
        for (int t = 0; t < distinct; t++) {
            int i = touched[t];
            addRows(grads, layout.hiddenWeights[0] + i * h1, h1, gradAct[0], entryRow, inputStart[i], entryValue,
                    inputStart[i], inputCount[i]);
            inputCount[i] = 0;
        }
    }

    /**
     * out[o + j] += Σ_k w[row[r + k] + j] · x[x₀ + k] for k &lt; count and j &lt; n, added one row after
     * another: eight rows per pass as {@code out + w₀x₀ + w₁x₁ + … + w₇x₇} (the same sum as eight passes,
     * with one load and store of out instead of eight), then four, then one. For the sparse first layer a
     * row is input i_k's weight row and x its value; for the second layer, unit k's weight row and x the
     * activations; for the first layer's weight gradient, out is a weight-gradient row and a row one
     * sample's ∂L/∂a_1.
     *
     * <p>Why fused rows rather than vectors: C2 (JDK 17, and 25 alike, measured) does not vectorise
     * {@code out[o + j] += w[r + j] · x} when out and w are arrays of one type indexed from different
     * offsets (it cannot rule out that they overlap), so these loops run scalar; fusing rows cuts the
     * loads and stores of out per multiply-add, 0.6 ns per multiply-add single, 0.36 four, 0.25 eight.
     */
    static void addRows(double[] out, int o, int n, double[] w, int[] row, int r, double[] x, int x0, int count) {
        int k = 0;
        for (; k + 8 <= count; k += 8) {
            int w0 = row[r + k];
            int w1 = row[r + k + 1];
            int w2 = row[r + k + 2];
            int w3 = row[r + k + 3];
            int w4 = row[r + k + 4];
            int w5 = row[r + k + 5];
            int w6 = row[r + k + 6];
            int w7 = row[r + k + 7];
            double c0 = x[x0 + k];
            double c1 = x[x0 + k + 1];
            double c2 = x[x0 + k + 2];
            double c3 = x[x0 + k + 3];
            double c4 = x[x0 + k + 4];
            double c5 = x[x0 + k + 5];
            double c6 = x[x0 + k + 6];
            double c7 = x[x0 + k + 7];
            for (int j = 0; j < n; j++) {
                out[o + j] = out[o + j] + w[w0 + j] * c0 + w[w1 + j] * c1 + w[w2 + j] * c2 + w[w3 + j] * c3
                        + w[w4 + j] * c4 + w[w5 + j] * c5 + w[w6 + j] * c6 + w[w7 + j] * c7;
            }
        }
        if (k + 4 <= count) {
            int w0 = row[r + k];
            int w1 = row[r + k + 1];
            int w2 = row[r + k + 2];
            int w3 = row[r + k + 3];
            double c0 = x[x0 + k];
            double c1 = x[x0 + k + 1];
            double c2 = x[x0 + k + 2];
            double c3 = x[x0 + k + 3];
            for (int j = 0; j < n; j++) {
                out[o + j] = out[o + j] + w[w0 + j] * c0 + w[w1 + j] * c1 + w[w2 + j] * c2 + w[w3 + j] * c3;
            }
            k += 4;
        }
        for (; k < count; k++) {
            int wk = row[r + k];
            double ck = x[x0 + k];
            for (int j = 0; j < n; j++) {
                out[o + j] += w[wk + j] * ck;
            }
        }
    }

    private void activate(double[] p, double[] a, int n) {
        if (tanh) {
            for (int j = 0; j < n; j++) {
                a[j] = MlpPolicy.tanh(p[j]);
            }
        } else {
            for (int j = 0; j < n; j++) {
                a[j] = p[j] > 0 ? p[j] : 0;
            }
        }
    }

    /** ∂L/∂h into ∂L/∂a: times 1 − h² (tanh) or [a &gt; 0] (ReLU). */
    private void derivative(double[] g, double[] h, double[] p, int n) {
        if (tanh) {
            for (int j = 0; j < n; j++) {
                g[j] *= 1 - h[j] * h[j];
            }
        } else {
            for (int j = 0; j < n; j++) {
                g[j] *= p[j] > 0 ? 1 : 0;
            }
        }
    }
}
