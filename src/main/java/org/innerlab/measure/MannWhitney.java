package org.innerlab.measure;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The one-sided Mann–Whitney U test (Wilcoxon rank-sum) of whether per-seed values {@code x} exceed
 * {@code y}, in the normal approximation with the tie correction (per-seed rates tie often).
 *
 * <p>Rank the pooled n + m values (ties get their average rank), R<sub>x</sub> the sum of x's ranks:
 * <pre>
 *   U = R_x − n(n+1)/2,   E[U] = nm/2,
 *   Var[U] = nm/12 · ((n+m+1) − Σ_t (t³ − t) / ((n+m)(n+m−1)))   (t: the size of each group of ties),
 *   p = 1 − Φ((U − E[U]) / √Var[U]).
 * </pre>
 * A {@code shift} tests whether x exceeds y by more than it: the test is run on x − shift. When every
 * value ties there is no evidence either way and p is ½, U's own position.
 */
public final class MannWhitney {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private MannWhitney() {
    }

    /** The one-sided p-value of "x − shift is stochastically larger than y". */
    public static double pExceeds(double[] x, double[] y, double shift) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("both samples need values, got " + x.length + " and " + y.length);
        }
        int n = x.length;
        int m = y.length;
        double[] pooled = new double[n + m];
        for (int i = 0; i < n; i++) {
            pooled[i] = x[i] - shift;
        }
        System.arraycopy(y, 0, pooled, n, m);
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(pooled);
        double rankSum = 0;
        for (int i = 0; i < n; i++) {
            rankSum += ranks[i];
        }
        double u = rankSum - n * (n + 1) / 2.0;
        double total = n + m;
        double variance = n * (double) m / 12.0 * ((total + 1) - ties(ranks) / (total * (total - 1)));
        if (!(variance > 0)) {
            return 0.5;
        }
        return 1 - STANDARD.cumulativeProbability((u - n * (double) m / 2.0) / Math.sqrt(variance));
    }

    /** Σ (t³ − t) over groups of equal ranks. */
    private static double ties(double[] ranks) {
        double[] sorted = ranks.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }
}
