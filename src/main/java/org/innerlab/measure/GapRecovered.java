package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.innerlab.core.Seeds;

/**
 * Performance gap recovered (Burns et al. 2023, <em>Weak-to-Strong Generalization</em>): how much of the
 * gap between a weak supervisor and a strong learner trained on the true signal (the ceiling) a strong
 * student trained only on the weak supervisor's labels closes, computed across three conditions:
 * <pre>
 *   pgr = (mean_i(weak_to_strong_i) − mean_i(weak_i)) / (mean_i(ceiling_i) − mean_i(weak_i))
 * </pre>
 * 0 means the student does no better than its supervisor (it imitated it, errors and all), 1 that it
 * does as well as if it had been trained on the truth; below 0 it is worse than its supervisor. The 95%
 * interval is a percentile bootstrap of the ratio (B = {@value #RESAMPLES}, R-7 quantiles): <em>paired</em>
 * when run i of the three conditions shares its seeds (one resampled index picks run i of all three),
 * otherwise each sample is resampled on its own. A ratio whose gap is 0 is NaN (there is nothing to recover).
 */
public final class GapRecovered {
    /** The metric's name in reports. */
    public static final String METRIC = "pgr";
    /** Bootstrap resamples. */
    public static final int RESAMPLES = 2000;

    private GapRecovered() {
    }

    /**
     * @param weak         the performance per run of the weak supervisor's condition
     * @param weakToStrong the same of the student trained on the weak supervisor's labels
     * @param ceiling      the same of the strong learner trained on the true signal
     * @param paired       whether run i of the three shares its seeds (then all three have the same length)
     * @param seed         seeds the resampling generator
     * @return n (runs of the student), the ratio, and its 95% interval
     */
    public static MeanEstimate estimate(double[] weak, double[] weakToStrong, double[] ceiling, boolean paired,
                                        long seed) {
        if (weak.length == 0 || weakToStrong.length == 0 || ceiling.length == 0) {
            throw new IllegalArgumentException("need runs of the weak, weak-to-strong and ceiling conditions");
        }
        if (paired && (weak.length != weakToStrong.length || weak.length != ceiling.length)) {
            throw new IllegalArgumentException("paired samples must have the same length, got " + weak.length + ", "
                    + weakToStrong.length + " and " + ceiling.length);
        }
        double pgr = ratio(mean(weak), mean(weakToStrong), mean(ceiling));
        MersenneTwisterFast random = Seeds.generator(seed);
        double[] ratios = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            if (paired) {
                double w = 0;
                double s = 0;
                double c = 0;
                for (int i = 0; i < weak.length; i++) {
                    int k = random.nextInt(weak.length);
                    w += weak[k];
                    s += weakToStrong[k];
                    c += ceiling[k];
                }
                ratios[b] = ratio(w / weak.length, s / weak.length, c / weak.length);
            } else {
                ratios[b] = ratio(resampledMean(weak, random), resampledMean(weakToStrong, random),
                        resampledMean(ceiling, random));
            }
        }
        if (Double.isNaN(pgr) || Arrays.stream(ratios).anyMatch(Double::isNaN)) {
            return new MeanEstimate(weakToStrong.length, pgr, Double.NaN, Double.NaN);
        }
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(ratios);
        return new MeanEstimate(weakToStrong.length, pgr, quantile.evaluate(2.5), quantile.evaluate(97.5));
    }

    private static double ratio(double weak, double weakToStrong, double ceiling) {
        return ceiling == weak ? Double.NaN : (weakToStrong - weak) / (ceiling - weak);
    }

    private static double resampledMean(double[] x, MersenneTwisterFast random) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[random.nextInt(x.length)];
        }
        return s / x.length;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
