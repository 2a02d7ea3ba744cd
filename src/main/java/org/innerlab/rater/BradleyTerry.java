package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.util.FastMath;

/**
 * Fits a {@link RewardModel} to pairwise comparisons with the Bradley–Terry model (Bradley &amp;
 * Terry 1952; Christiano et al. 2017), minimising the cross-entropy of the labeller's preferences:
 *
 * <pre>
 *   P_ψ(τ₁ ≻ τ₂) = σ(R_ψ(τ₁) − R_ψ(τ₂)),          R_ψ(τ) = Σ_t r_ψ(s_t, a_t)
 *   L(ψ) = −(1/B) Σ_batch [ y log σ(Δ) + (1 − y) log σ(−Δ) ],   Δ = R_ψ(τ₁) − R_ψ(τ₂)
 *   ∂L/∂Δ = σ(Δ) − y,   ∇_ψ L = (1/B) Σ (σ(Δ) − y) (∇_ψ R_ψ(τ₁) − ∇_ψ R_ψ(τ₂))
 * </pre>
 *
 * with y ∈ {0, ½, 1} (ties count half each way). Training makes {@code epochs} passes over the
 * comparisons in an order shuffled from the given stream, one Adam step per minibatch of B.
 * log σ(x) = −(max(−x, 0) + log(1 + e^{−|x|})), stable for any x.
 */
public final class BradleyTerry {

    /**
     * Training hyper-parameters.
     *
     * @param epochs       passes over the comparisons
     * @param minibatch    B, comparisons per Adam step
     * @param learningRate Adam step size
     */
    public record Hyper(int epochs, int minibatch, double learningRate) {
        public Hyper {
            if (epochs < 0 || minibatch < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("Bradley-Terry training needs epochs ≥ 0, minibatch ≥ 1, "
                        + "learning_rate > 0; got " + epochs + ", " + minibatch + ", " + learningRate);
            }
        }
    }

    private BradleyTerry() {
    }

    /** log σ(x), stable for any x. */
    static double logSigmoid(double x) {
        return -(Math.max(-x, 0) + FastMath.log1p(FastMath.exp(-Math.abs(x))));
    }

    /** σ(x). */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + FastMath.exp(-x));
        }
        double e = FastMath.exp(x);
        return e / (1 + e);
    }

    /** The mean loss L(ψ) over every comparison of {@code set}. */
    public static double loss(RewardModel model, ComparisonSet set) {
        if (set.size() == 0) {
            return 0;
        }
        double sum = 0;
        for (int c = 0; c < set.size(); c++) {
            double delta = model.score(set.trajectories(), set.first(c)) - model.score(set.trajectories(), set.second(c));
            double y = set.label(c);
            sum -= y * logSigmoid(delta) + (1 - y) * logSigmoid(-delta);
        }
        return sum / set.size();
    }

    /**
     * Adds ∇_ψ of the mean loss over comparisons {@code order[from..to)} to the model's gradient
     * buffer (which the caller zeroes), and returns that mean loss.
     */
    public static double accumulateGradient(RewardModel model, ComparisonSet set, int[] order, int from, int to) {
        double n = to - from;
        double sum = 0;
        Trajectories store = set.trajectories();
        for (int k = from; k < to; k++) {
            int c = order[k];
            double delta = model.scoreAndCache(store, set.first(c), 0) - model.scoreAndCache(store, set.second(c), 1);
            double y = set.label(c);
            sum -= y * logSigmoid(delta) + (1 - y) * logSigmoid(-delta);
            double g = (sigmoid(delta) - y) / n;
            if (g != 0) {
                model.addCachedScoreGradient(store, set.first(c), 0, g);
                model.addCachedScoreGradient(store, set.second(c), 1, -g);
            }
        }
        return sum / n;
    }

    /** Trains {@code model} on {@code set}; returns the mean minibatch loss of the last epoch. */
    public static double train(RewardModel model, ComparisonSet set, Hyper hyper, MersenneTwisterFast rng) {
        int n = set.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double last = Double.NaN;
        for (int epoch = 0; epoch < hyper.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double total = 0;
            int batches = 0;
            for (int from = 0; from < n; from += hyper.minibatch()) {
                int to = Math.min(n, from + hyper.minibatch());
                model.zeroGradients();
                total += accumulateGradient(model, set, order, from, to);
                model.adamStep(hyper.learningRate());
                batches++;
            }
            last = batches == 0 ? Double.NaN : total / batches;
        }
        return last;
    }

    /**
     * Fraction of the comparisons of {@code set} with unequal true returns that the model ranks the
     * same way (R_ψ(τ₁) &gt; R_ψ(τ₂) exactly when G(τ₁) &gt; G(τ₂)); NaN when every pair ties.
     */
    public static double accuracy(RewardModel model, ComparisonSet set) {
        int right = 0;
        int counted = 0;
        for (int c = 0; c < set.size(); c++) {
            double y = set.label(c);
            if (y == 0.5) {
                continue;
            }
            double delta = model.score(set.trajectories(), set.first(c)) - model.score(set.trajectories(), set.second(c));
            counted++;
            if (delta > 0 && y == 1 || delta < 0 && y == 0) {
                right++;
            }
        }
        return counted == 0 ? Double.NaN : (double) right / counted;
    }
}
