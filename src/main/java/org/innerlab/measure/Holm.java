package org.innerlab.measure;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction (Holm 1979): which of m hypotheses are rejected while the chance of
 * rejecting any true one stays at most α. Sort the p-values p<sub>(1)</sub> ≤ … ≤ p<sub>(m)</sub>;
 * reject H<sub>(1)</sub>, …, H<sub>(k)</sub> for the largest k with p<sub>(j)</sub> ≤ α / (m − j + 1)
 * for every j ≤ k, and none after the first p-value that misses its bound.
 */
public final class Holm {
    private Holm() {
    }

    /** Whether each hypothesis, in the given order, is rejected at family-wise level {@code alpha}. */
    public static boolean[] rejected(double[] p, double alpha) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        boolean[] rejected = new boolean[p.length];
        for (int j = 0; j < order.length; j++) {
            if (!(p[order[j]] <= alpha / (p.length - j))) {
                break;
            }
            rejected[order[j]] = true;
        }
        return rejected;
    }
}
