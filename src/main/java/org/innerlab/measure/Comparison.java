package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.innerlab.core.Seeds;

/**
 * Conditions compared metric by metric, one value per run in each: two, or several against a baseline.
 *
 * <p>For each metric, with samples a (condition A) and b (condition B):
 * <ul>
 *   <li><b>difference</b> = mean(b) − mean(a), with a 95% percentile-bootstrap interval: B = 2,000 times,
 *       resample a and b independently with replacement and take the difference of their means; the
 *       interval is the R-7 2.5% and 97.5% quantiles. Seeded from the metric's name, so reruns agree.</li>
 *   <li><b>Mann–Whitney U</b> (two-sided, Commons Math: normal approximation without continuity or
 *       tie correction, which makes it conservative when many values tie; at a handful of runs per
 *       condition the approximation is rough). U is the larger of U<sub>a</sub> and U<sub>b</sub>.</li>
 *   <li><b>Holm</b>'s step-down adjustment of the p-values across all compared metrics, which controls
 *       the family-wise error rate: sort p<sub>(1)</sub> ≤ … ≤ p<sub>(m)</sub>; the adjusted
 *       p<sub>(i)</sub> = max<sub>j≤i</sub> min(1, (m − j + 1) p<sub>(j)</sub>).</li>
 *   <li><b>Cliff's delta</b> = (#{(i, j): b<sub>j</sub> &gt; a<sub>i</sub>} − #{b<sub>j</sub> &lt;
 *       a<sub>i</sub>}) / (n<sub>a</sub> n<sub>b</sub>), in [−1, 1]: the probability that a run of B beats
 *       a run of A minus the reverse; a scale-free effect size that suits bounded rates.</li>
 * </ul>
 * A metric with a NaN in either sample, or fewer than two runs on a side, gets NaN statistics and is
 * left out of the Holm family. With several conditions against one baseline ({@link #compareAll}),
 * the family is every (comparison, metric) pair.
 */
public final class Comparison {
    /** Bootstrap resamples of the difference. */
    public static final int RESAMPLES = 2000;
    private static final long SEED_ROOT = 0x636F6D7061726531L;

    /**
     * One metric compared.
     *
     * @param metric     {@code distribution/metric}
     * @param nA         runs in A
     * @param meanA      mean over A's runs
     * @param nB         runs in B
     * @param meanB      mean over B's runs
     * @param difference meanB − meanA
     * @param ciLow      lower end of the 95% bootstrap interval of the difference
     * @param ciHigh     upper end
     * @param u          the Mann–Whitney U statistic (the larger of the two)
     * @param p          its two-sided p-value
     * @param pHolm      p after Holm's adjustment across the compared metrics
     * @param cliffsDelta Cliff's delta of B over A
     */
    public record Row(String metric, int nA, double meanA, int nB, double meanB, double difference, double ciLow,
                      double ciHigh, double u, double p, double pHolm, double cliffsDelta) {
        /** Whether the Holm-adjusted p is below {@code alpha}. */
        public boolean significant(double alpha) {
            return pHolm < alpha;
        }
    }

    private Comparison() {
    }

    /**
     * Compares every metric of {@code a} with the same metric of {@code b}, in {@code a}'s order.
     *
     * @throws IllegalArgumentException when the two hold different metrics
     */
    public static List<Row> compare(Map<String, double[]> a, Map<String, double[]> b) {
        return compareAll(a, List.of(b)).get(0);
    }

    /**
     * Compares each of {@code others} with {@code baseline}, metric by metric: one list of rows per
     * other condition, in the given order, each in the baseline's metric order. The Holm family is
     * every (comparison, metric) pair tested, so the family-wise error rate holds across the whole
     * table, not per comparison.
     *
     * @throws IllegalArgumentException when a condition holds different metrics than the baseline
     *                                  (the message names the condition by its 1-based position)
     */
    public static List<List<Row>> compareAll(Map<String, double[]> baseline, List<Map<String, double[]>> others) {
        List<List<Row>> unadjusted = new ArrayList<>();
        Map<String, Double> pValues = new LinkedHashMap<>();
        for (int i = 0; i < others.size(); i++) {
            Map<String, double[]> other = others.get(i);
            if (!baseline.keySet().equals(other.keySet())) {
                String b = others.size() == 1 ? "B" : "B" + (i + 1);
                throw new IllegalArgumentException("the conditions measured different metrics: only in A "
                        + minus(baseline, other) + ", only in " + b + " " + minus(other, baseline));
            }
            List<Row> rows = unadjusted(baseline, other);
            for (Row r : rows) {
                if (!Double.isNaN(r.p())) {
                    pValues.put(i + "\u0000" + r.metric(), r.p());
                }
            }
            unadjusted.add(rows);
        }
        Map<String, Double> adjusted = holm(pValues);
        List<List<Row>> out = new ArrayList<>();
        for (int i = 0; i < unadjusted.size(); i++) {
            List<Row> rows = new ArrayList<>();
            for (Row r : unadjusted.get(i)) {
                rows.add(new Row(r.metric(), r.nA(), r.meanA(), r.nB(), r.meanB(), r.difference(), r.ciLow(),
                        r.ciHigh(), r.u(), r.p(), adjusted.getOrDefault(i + "\u0000" + r.metric(), Double.NaN),
                        r.cliffsDelta()));
            }
            out.add(List.copyOf(rows));
        }
        return out;
    }

    private static List<Row> unadjusted(Map<String, double[]> a, Map<String, double[]> b) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] x = e.getValue();
            double[] y = b.get(e.getKey());
            double meanA = mean(x);
            double meanB = mean(y);
            if (Double.isNaN(meanA) || Double.isNaN(meanB) || x.length < 2 || y.length < 2) {
                rows.add(new Row(e.getKey(), x.length, meanA, y.length, meanB, meanB - meanA, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double[] ci = differenceInterval(x, y, new Seeds(SEED_ROOT).seed(e.getKey()));
            MannWhitneyUTest test = new MannWhitneyUTest();
            double u = test.mannWhitneyU(x, y);
            double p = test.mannWhitneyUTest(x, y);
            rows.add(new Row(e.getKey(), x.length, meanA, y.length, meanB, meanB - meanA, ci[0], ci[1], u, p,
                    Double.NaN, cliffsDelta(x, y)));
        }
        return rows;
    }

    /** Holm-adjusted p-values, by key (see the class documentation). */
    public static Map<String, Double> holm(Map<String, Double> pValues) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(pValues.entrySet());
        sorted.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        int m = sorted.size();
        Map<String, Double> adjusted = new LinkedHashMap<>();
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * sorted.get(i).getValue()));
            adjusted.put(sorted.get(i).getKey(), running);
        }
        return adjusted;
    }

    /** Cliff's delta of {@code b} over {@code a}. */
    public static double cliffsDelta(double[] a, double[] b) {
        long more = 0;
        long less = 0;
        for (double x : a) {
            for (double y : b) {
                more += y > x ? 1 : 0;
                less += y < x ? 1 : 0;
            }
        }
        return (double) (more - less) / ((long) a.length * b.length);
    }

    private static double[] differenceInterval(double[] a, double[] b, long seed) {
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        double[] diffs = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            diffs[r] = resampledMean(b, random) - resampledMean(a, random);
        }
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        q.setData(diffs);
        return new double[] {q.evaluate(2.5), q.evaluate(97.5)};
    }

    private static double resampledMean(double[] sample, MersenneTwisterFast random) {
        double sum = 0;
        for (int i = 0; i < sample.length; i++) {
            sum += sample[random.nextInt(sample.length)];
        }
        return sum / sample.length;
    }

    private static double mean(double[] sample) {
        return sample.length == 0 ? Double.NaN : Arrays.stream(sample).sum() / sample.length;
    }

    private static List<String> minus(Map<String, double[]> x, Map<String, double[]> y) {
        return x.keySet().stream().filter(k -> !y.containsKey(k)).toList();
    }
}
