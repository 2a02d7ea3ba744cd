package org.innerlab.measure;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many seeds a directional claim needs, so that a scenario's seed count is a computation rather
 * than a habit: given the effect a claim asserts and the spread of per-seed values (from a pilot run),
 * the runs per condition that detect the effect with a one-sided test at level α with power 1 − β.
 *
 * <p>Normal approximation (Cohen 1988, ch. 2; z<sub>q</sub> the standard normal q-quantile), with δ
 * the effect and σ the per-seed standard deviation:
 * <ul>
 *   <li>two independent samples (one condition against another, σ pooled):
 *       n = 2 (z<sub>1−α</sub> + z<sub>1−β</sub>)² σ² / δ² per condition;</li>
 *   <li>paired seeds or one sample against a threshold (σ of the per-seed differences, or of the
 *       values): n = (z<sub>1−α</sub> + z<sub>1−β</sub>)² σ² / δ².</li>
 * </ul>
 * At α = 0.05 and power 0.8 the factor (z<sub>0.95</sub> + z<sub>0.8</sub>)² is 6.18, so two
 * conditions half a standard deviation apart need 50 seeds each (Cohen's Table 2.4.1, one-tailed).
 * The answer is rounded up and never below 2, the fewest seeds that have a spread.
 */
public final class SeedsNeeded {
    /** The level claims are tested at. */
    public static final double ALPHA = 0.05;
    /** The power the seed counts are computed for. */
    public static final double POWER = 0.8;

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private SeedsNeeded() {
    }

    /** Seeds per condition to tell two independent conditions {@code effect} apart, at {@link #ALPHA} and {@link #POWER}. */
    public static int twoSample(double effect, double sd) {
        return twoSample(effect, sd, ALPHA, POWER);
    }

    /** Seeds to tell a paired difference (or one sample's distance to a threshold) of {@code effect} from 0. */
    public static int paired(double effect, double sd) {
        return paired(effect, sd, ALPHA, POWER);
    }

    /** n = 2 (z<sub>1−α</sub> + z<sub>power</sub>)² sd² / effect², rounded up, at least 2. */
    public static int twoSample(double effect, double sd, double alpha, double power) {
        return rounded(2 * factor(alpha, power) * sd * sd / (effect * effect), effect, sd);
    }

    /** n = (z<sub>1−α</sub> + z<sub>power</sub>)² sd² / effect², rounded up, at least 2. */
    public static int paired(double effect, double sd, double alpha, double power) {
        return rounded(factor(alpha, power) * sd * sd / (effect * effect), effect, sd);
    }

    /** The pooled standard deviation of two samples: √(((n−1)s²<sub>a</sub> + (m−1)s²<sub>b</sub>) / (n+m−2)). */
    public static double pooledSd(double[] a, double[] b) {
        int dof = a.length + b.length - 2;
        if (dof < 1) {
            throw new IllegalArgumentException("a pooled spread needs at least three values, got " + (dof + 2));
        }
        return Math.sqrt((squares(a) + squares(b)) / dof);
    }

    /** The sample standard deviation (n − 1 in the denominator). */
    public static double sd(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a spread needs at least two values, got " + values.length);
        }
        return Math.sqrt(squares(values) / (values.length - 1));
    }

    private static double squares(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }

    private static double factor(double alpha, double power) {
        if (!(alpha > 0 && alpha < 0.5) || !(power > 0.5 && power < 1)) {
            throw new IllegalArgumentException("need 0 < alpha < 0.5 and 0.5 < power < 1, got alpha " + alpha
                    + ", power " + power);
        }
        double z = STANDARD.inverseCumulativeProbability(1 - alpha) + STANDARD.inverseCumulativeProbability(power);
        return z * z;
    }

    private static int rounded(double n, double effect, double sd) {
        if (!(effect > 0) || !(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("need an effect above 0 and a finite spread, got effect " + effect
                    + ", spread " + sd);
        }
        // A hair below an integer is that integer: 6.18 * 8 must not round up because of the last bit.
        return Math.max(2, (int) Math.ceil(n - 1e-9));
    }
}
