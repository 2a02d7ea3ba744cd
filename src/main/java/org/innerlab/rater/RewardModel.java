package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.learner.Adam;
import org.innerlab.learner.Differentiable;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.observe.SparseVector;

/**
 * A learned per-step reward r_ψ(s, a) on an encoded observation φ(s) and the action a, and the
 * trajectory score it implies, R_ψ(τ) = Σ_t r_ψ(s_t, a_t) (Christiano et al. 2017). Two capacities:
 *
 * <pre>
 *   linear (hidden = 0):  r_ψ(s, a) = w_a · φ(s) + b_a
 *   mlp    (hidden = H):  h = tanh(W₁ φ(s) + c),   r_ψ(s, a) = v_a · h + b_a
 * </pre>
 *
 * All parameters ψ live in one flat {@code double[]}: the linear model's A×D weights action-major
 * then A biases; the MLP's D×H input weights input-major (a sparse input touches one contiguous
 * block of H), H hidden biases, A×H output weights, A biases. The linear model starts at zero; the
 * MLP's input weights ~ N(0, 1/m) with m the encoder's most active entries, output weights
 * ~ N(0, 1/H), from the given stream. Gradients accumulate into a flat buffer of the same layout and
 * are applied by the model's own {@link Adam} (its moments persist across training runs). tanh is
 * {@link MlpPolicy#tanh}, computed from {@link FastMath#exp}, so scores match bit for bit on every
 * JVM. Scoring and gradients allocate nothing.
 */
public final class RewardModel implements Differentiable {
    private final int dimension;
    private final int actions;
    private final int hidden;
    private final double[] params;
    private final double[] grad;
    private final double[][] parameterBlocks;
    private final double[][] gradientBlocks;
    private final Adam adam;
    private final double[] activation;
    private final double[][] cache = {new double[0], new double[0]};
    // Offsets of the MLP's blocks in params.
    private final int hiddenBias;
    private final int outputWeights;
    private final int outputBias;

    /**
     * @param dimension the encoder's dimension D
     * @param maxActive the encoder's most non-zero entries m (scales the MLP's initial weights)
     * @param actions   the environment's action count A
     * @param hidden    H, hidden units; 0 makes the model linear
     * @param init      the stream the MLP's initial weights are drawn from (unused by the linear model)
     */
    public RewardModel(int dimension, int maxActive, int actions, int hidden, MersenneTwisterFast init) {
        if (dimension < 1 || actions < 1 || hidden < 0) {
            throw new IllegalArgumentException("reward model needs dimension ≥ 1, actions ≥ 1, hidden ≥ 0; got "
                    + dimension + ", " + actions + ", " + hidden);
        }
        this.dimension = dimension;
        this.actions = actions;
        this.hidden = hidden;
        if (hidden == 0) {
            hiddenBias = -1;
            outputWeights = 0;
            outputBias = actions * dimension;
        } else {
            hiddenBias = dimension * hidden;
            outputWeights = hiddenBias + hidden;
            outputBias = outputWeights + actions * hidden;
        }
        int n = outputBias + actions;
        params = new double[n];
        grad = new double[n];
        parameterBlocks = new double[][] {params};
        gradientBlocks = new double[][] {grad};
        adam = new Adam(this);
        activation = new double[Math.max(1, hidden)];
        if (hidden > 0) {
            double inputStd = 1 / Math.sqrt(Math.max(1, maxActive));
            for (int i = 0; i < hiddenBias; i++) {
                params[i] = inputStd * init.nextGaussian();
            }
            double outputStd = 1 / Math.sqrt(hidden);
            for (int i = outputWeights; i < outputBias; i++) {
                params[i] = outputStd * init.nextGaussian();
            }
        }
    }

    /** Hidden units (0: linear). */
    public int hidden() {
        return hidden;
    }

    /** The action count A. */
    public int actionCount() {
        return actions;
    }

    /** The flat parameters ψ (live: changing them changes the model). */
    public double[] parameters() {
        return params;
    }

    /** The accumulated gradient, same layout as {@link #parameters()}. */
    public double[] gradients() {
        return grad;
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

    @Override
    public long parameterCount() {
        return params.length;
    }

    /** r_ψ(s, a) for φ(s) = {@code obs}. */
    public double reward(SparseVector obs, int a) {
        return reward(obs.index, obs.value, 0, obs.size, a);
    }

    /** r_ψ(s, a) for φ(s) given as entries {@code [from, to)} of flat arrays. */
    public double reward(int[] index, double[] value, int from, int to, int a) {
        if (hidden == 0) {
            double r = params[outputBias + a];
            int offset = a * dimension;
            for (int k = from; k < to; k++) {
                r += params[offset + index[k]] * value[k];
            }
            return r;
        }
        forwardHidden(index, value, from, to);
        double r = params[outputBias + a];
        int offset = outputWeights + a * hidden;
        for (int h = 0; h < hidden; h++) {
            r += params[offset + h] * activation[h];
        }
        return r;
    }

    /** R_ψ(τ) = Σ_t r_ψ(s_t, a_t) of trajectory {@code t} of {@code store}. */
    public double score(Trajectories store, int t) {
        int[] index = store.featureIndex();
        double[] value = store.featureValue();
        double sum = 0;
        for (int s = store.first(t); s < store.end(t); s++) {
            sum += reward(index, value, store.rowStart(s), store.rowEnd(s), store.action(s));
        }
        return sum;
    }

    /**
     * R_ψ(τ) of trajectory {@code t}, keeping its hidden activations in cache {@code slot} (0 or 1) for
     * {@link #addCachedScoreGradient}: training needs both scores of a pair before either gradient,
     * and the cache saves the MLP a second forward pass over every step.
     */
    public double scoreAndCache(Trajectories store, int t, int slot) {
        if (hidden == 0) {
            return score(store, t);
        }
        int needed = (store.end(t) - store.first(t)) * hidden;
        if (cache[slot].length < needed) {
            cache[slot] = new double[Math.max(needed, 2 * cache[slot].length)];
        }
        double[] kept = cache[slot];
        int[] index = store.featureIndex();
        double[] value = store.featureValue();
        double sum = 0;
        for (int s = store.first(t), row = 0; s < store.end(t); s++, row += hidden) {
            sum += reward(index, value, store.rowStart(s), store.rowEnd(s), store.action(s));
            System.arraycopy(activation, 0, kept, row, hidden);
        }
        return sum;
    }

    /**
     * Adds {@code scale · ∇_ψ R_ψ(τ)} of trajectory {@code t}, whose activations the last
     * {@link #scoreAndCache} with the same {@code slot} kept, to the gradient buffer.
     */
    public void addCachedScoreGradient(Trajectories store, int t, int slot, double scale) {
        if (hidden == 0) {
            addScoreGradient(store, t, scale);
            return;
        }
        int[] index = store.featureIndex();
        double[] value = store.featureValue();
        double[] kept = cache[slot];
        for (int s = store.first(t), row = 0; s < store.end(t); s++, row += hidden) {
            System.arraycopy(kept, row, activation, 0, hidden);
            backward(index, value, store.rowStart(s), store.rowEnd(s), store.action(s), scale);
        }
    }

    /** Adds {@code scale · ∇_ψ R_ψ(τ)} of trajectory {@code t} to the gradient buffer. */
    public void addScoreGradient(Trajectories store, int t, double scale) {
        int[] index = store.featureIndex();
        double[] value = store.featureValue();
        for (int s = store.first(t); s < store.end(t); s++) {
            addRewardGradient(index, value, store.rowStart(s), store.rowEnd(s), store.action(s), scale);
        }
    }

    /** Adds {@code scale · ∇_ψ r_ψ(s, a)} to the gradient buffer. */
    public void addRewardGradient(int[] index, double[] value, int from, int to, int a, double scale) {
        if (hidden == 0) {
            grad[outputBias + a] += scale;
            int offset = a * dimension;
            for (int k = from; k < to; k++) {
                grad[offset + index[k]] += scale * value[k];
            }
            return;
        }
        forwardHidden(index, value, from, to);
        backward(index, value, from, to, a, scale);
    }

    /** The MLP's part of {@link #addRewardGradient}, from the activations h in {@link #activation} (overwritten). */
    private void backward(int[] index, double[] value, int from, int to, int a, double scale) {
        grad[outputBias + a] += scale;
        int out = outputWeights + a * hidden;
        for (int h = 0; h < hidden; h++) {
            double y = activation[h];
            grad[out + h] += scale * y;
            // δ_h = scale · v_{a,h} · (1 − h²), written back into activation as the input gradient.
            activation[h] = scale * params[out + h] * (1 - y * y);
            grad[hiddenBias + h] += activation[h];
        }
        for (int k = from; k < to; k++) {
            int row = index[k] * hidden;
            double x = value[k];
            for (int h = 0; h < hidden; h++) {
                grad[row + h] += activation[h] * x;
            }
        }
    }

    /** One step of this model's {@link Adam} of size {@code learningRate} down the accumulated gradient (a loss gradient). */
    public void adamStep(double learningRate) {
        adam.step(learningRate);
    }

    /** h = tanh(W₁ φ(s) + c) into {@link #activation}. */
    private void forwardHidden(int[] index, double[] value, int from, int to) {
        System.arraycopy(params, hiddenBias, activation, 0, hidden);
        for (int k = from; k < to; k++) {
            int row = index[k] * hidden;
            double x = value[k];
            for (int h = 0; h < hidden; h++) {
                activation[h] += params[row + h] * x;
            }
        }
        for (int h = 0; h < hidden; h++) {
            activation[h] = MlpPolicy.tanh(activation[h]);
        }
    }
}
