package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.innerlab.core.Seeds;

/**
 * Percentile-bootstrap confidence intervals for a mean over runs.
 *
 * <p>Given a sample x<sub>1..n</sub>, draw B resamples of size n with replacement, take each
 * resample's mean m<sub>b</sub>, and report [q<sub>α/2</sub>, q<sub>1−α/2</sub>] of the
 * m<sub>b</sub>, where α = 1 − confidence and q is the R-7 (linear interpolation) quantile. The
 * interval reflects run-to-run variation only; it assumes runs are independent, which holds
 * because every run draws from its own seed streams.
 *
 * <p>Degenerate samples are exact rather than resampled: with n = 1, or with every value equal,
 * the interval is [mean, mean]. A NaN anywhere in the sample makes the mean and both ends NaN.
 *
 * <p>The resampling generator is seeded by the caller; {@link #seedFor} derives a seed from a
 * summary cell's identity so the same results give bit-identical intervals on every run and JVM.
 */
public final class Bootstrap {
    /** Resamples drawn per interval. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** Coverage of the interval. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private static final long SEED_ROOT = 0x626F6F7473747261L;

    private final int resamples;
    private final double confidence;

    /**
     * @param resamples  B, at least 1
     * @param confidence coverage in (0, 1), e.g. 0.95
     */
    public Bootstrap(int resamples, double confidence) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
    }

    /** B = 2,000 resamples, 95% confidence. */
    public static Bootstrap standard() {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE);
    }

    /**
     * A stable resampling seed for one summary cell. It depends only on the point index and the
     * characters of the names (hashed through {@link Seeds}' SplitMix64 chain), never on the order
     * in which cells are computed, so cells can be summarised in any order or in parallel.
     */
    public static long seedFor(int point, String distribution, String metric) {
        // The length prefix keeps ("a/b", "c") and ("a", "b/c") apart.
        return new Seeds(SEED_ROOT).child(point).seed(distribution.length() + ":" + distribution + "/" + metric);
    }

    /** The mean of {@code sample} and its bootstrap interval, resampling from a generator seeded with {@code seed}. */
    public MeanEstimate mean(double[] sample, long seed) {
        int n = sample.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot estimate the mean of an empty sample");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : sample) {
            if (Double.isNaN(v)) {
                return new MeanEstimate(n, Double.NaN, Double.NaN, Double.NaN);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            // Also covers n = 1. Returning the value itself avoids a mean of n equal values
            // differing from that value in the last bit.
            return new MeanEstimate(n, sample[0], sample[0], sample[0]);
        }
        Mean meanStat = new Mean();
        double mean = meanStat.evaluate(sample);

        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        double[] resample = new double[n];
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                resample[i] = sample[random.nextInt(n)];
            }
            means[b] = meanStat.evaluate(resample);
        }
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(means);
        double tail = 100 * (1 - confidence) / 2;
        return new MeanEstimate(n, mean, quantile.evaluate(tail), quantile.evaluate(100 - tail));
    }
}
