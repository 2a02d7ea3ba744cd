package org.innerlab.measure;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.util.FastMath;

/**
 * Best-of-n sampling, the optimiser without RL of Gao, Schulman &amp; Hilton (2022): draw n episodes
 * from a policy π, keep the one the rater scores highest. Its quantities are estimated without bias
 * from one pool of N ≥ n episodes of π (Nakano et al. 2021, appendix; Gao et al. 2022, §2.2): sort the
 * pool by rated return, r_(1) ≤ … ≤ r_(N) (ties in pool order, which is random, so ties are broken
 * uniformly); the best of a uniformly random n-subset is the i-th with probability
 * <pre>
 *   w_i = C(i−1, n−1) / C(N, n),   w_N = n / N,   w_{i−1} = w_i · (i − n) / (i − 1)
 * </pre>
 * so E[q(best of n)] = Σ_i w_i q_(i) for any per-episode quantity q (true return, misbehaviour, …).
 * The KL divergence of the best-of-n policy from π is, for ratings without ties,
 * <pre>
 *   KL(π_bon ‖ π) = log n − (n − 1) / n
 * </pre>
 * (Stiennon et al. 2020, appendix G.3; with ties it is an upper bound).
 */
public final class BestOfN {
    private BestOfN() {
    }

    /** KL(π_bon ‖ π) = log n − (n − 1)/n. */
    public static double kl(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return FastMath.log(n) - (n - 1.0) / n;
    }

    /**
     * The pool's indices in ascending order of {@code rated}, ties in index order.
     */
    public static int[] ranking(double[] rated) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rated.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int c = Double.compare(rated[a], rated[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[rated.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order.get(i);
        }
        return out;
    }

    /** w_i for i = 1..N (index i − 1): the probability that the i-th lowest-rated is the best of n. */
    public static double[] weights(int pool, int n) {
        if (n < 1 || n > pool) {
            throw new IllegalArgumentException("best of n needs 1 <= n <= pool, got n = " + n + ", pool = " + pool);
        }
        double[] w = new double[pool];
        w[pool - 1] = (double) n / pool;
        for (int i = pool; i > n; i--) {
            w[i - 2] = w[i - 1] * (i - n) / (i - 1);
        }
        return w;
    }

    /** E[q(best of n)]: Σ_i w_i q_(i), with {@code ranking} from {@link #ranking} and {@code w} from {@link #weights}. */
    public static double expectation(double[] q, int[] ranking, double[] w) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * q[ranking[i]];
        }
        return sum;
    }
}
