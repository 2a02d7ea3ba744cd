package org.innerlab.measure;

import org.apache.commons.math3.util.FastMath;

/**
 * The functional forms of reward-model over-optimisation of Gao, Schulman &amp; Hilton (2022), fitted
 * by least squares. With d = √KL(π ‖ π_init), the gold (true) score gained over the initial policy is
 * <pre>
 *   best-of-n:  R_bon(d) = d (α − β d)
 *   RL:         R_RL(d)  = d (α − β log d)
 * </pre>
 * Both are linear in (α, β): R = α d − β g(d) with g(d) = d² or d log d (0 at d = 0), so the fit
 * solves the 2×2 normal equations of min Σ_i (R_i − α d_i + β g(d_i))². The peak of R_bon is at
 * d* = α / (2β); of R_RL at log d* = α/β − 1.
 */
public final class OveroptimisationFit {
    /** The two forms. */
    public enum Form {
        /** R(d) = d (α − β d). */
        BEST_OF_N,
        /** R(d) = d (α − β log d). */
        RL
    }

    /**
     * A fitted curve.
     *
     * @param form  which form
     * @param alpha α
     * @param beta  β
     */
    public record Fit(Form form, double alpha, double beta) {
        /** R(d). */
        public double value(double d) {
            return alpha * d - beta * g(form, d);
        }

        /** The d at which R peaks, or +∞ when β ≤ 0 (no over-optimisation within the fit). */
        public double peak() {
            if (!(beta > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            return form == Form.BEST_OF_N ? alpha / (2 * beta) : FastMath.exp(alpha / beta - 1);
        }
    }

    private OveroptimisationFit() {
    }

    static double g(Form form, double d) {
        if (d <= 0) {
            return 0;
        }
        return form == Form.BEST_OF_N ? d * d : d * FastMath.log(d);
    }

    /**
     * The least-squares fit of {@code form} to the points (d_i, R_i), R_i measured relative to the
     * initial policy (R = 0 at d = 0).
     *
     * @throws IllegalArgumentException with fewer than two points of d &gt; 0, or a degenerate design
     */
    public static Fit fit(Form form, double[] d, double[] gain) {
        if (d.length != gain.length) {
            throw new IllegalArgumentException(d.length + " d values for " + gain.length + " gains");
        }
        // Normal equations for the columns x1 = d, x2 = −g(d).
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double b1 = 0;
        double b2 = 0;
        int informative = 0;
        for (int i = 0; i < d.length; i++) {
            double x1 = d[i];
            double x2 = -g(form, d[i]);
            s11 += x1 * x1;
            s12 += x1 * x2;
            s22 += x2 * x2;
            b1 += x1 * gain[i];
            b2 += x2 * gain[i];
            informative += d[i] > 0 ? 1 : 0;
        }
        double det = s11 * s22 - s12 * s12;
        if (informative < 2 || !(Math.abs(det) > 1e-12 * Math.max(1, s11 * s22))) {
            throw new IllegalArgumentException("a fit of " + form + " needs at least two distinct d > 0, got "
                    + informative + " points");
        }
        double alpha = (b1 * s22 - b2 * s12) / det;
        double beta = (s11 * b2 - s12 * b1) / det;
        return new Fit(form, alpha, beta);
    }
}
