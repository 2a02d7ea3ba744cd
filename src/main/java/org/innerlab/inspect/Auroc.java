package org.innerlab.inspect;

import java.util.Arrays;

/**
 * The area under the ROC curve of scores against binary labels: the probability that a random positive
 * scores above a random negative, ties counting one half (the Mann–Whitney statistic):
 * <pre>
 *   AUROC = (Σ_{i positive} rank_i − n₊(n₊ + 1)/2) / (n₊ n₋)
 * </pre>
 * with ranks 1..n over all scores ascending and tied scores given their mean rank. 0.5 is chance, 1 a
 * perfect separation, 0 a perfect separation the wrong way round.
 */
public final class Auroc {
    private Auroc() {
    }

    /** The AUROC of {@code scores} for {@code labels}; NaN when either class is empty. */
    public static double of(double[] scores, boolean[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    positiveRanks += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
