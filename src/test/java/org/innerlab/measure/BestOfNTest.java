package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

class BestOfNTest {
    @Test
    void klIsLogNMinusNMinusOneOverN() {
        assertEquals(0.0, BestOfN.kl(1), 0);
        assertEquals(Math.log(2) - 0.5, BestOfN.kl(2), 1e-15);
        assertEquals(Math.log(64) - 63.0 / 64, BestOfN.kl(64), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> BestOfN.kl(0));
    }

    @Test
    void weightsAreTheProbabilitiesThatEachRankIsTheBestOfN() {
        for (int n = 1; n <= 7; n++) {
            double[] w = BestOfN.weights(7, n);
            double sum = 0;
            for (double x : w) {
                sum += x;
            }
            assertEquals(1.0, sum, 1e-12, "n = " + n);
        }
        assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, BestOfN.weights(5, 1), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0, 0, 1}, BestOfN.weights(5, 5), 1e-15);
        // n = 2 of 4: the best of a pair is rank i with probability (i − 1) / C(4, 2).
        assertArrayEquals(new double[] {0, 1 / 6.0, 2 / 6.0, 3 / 6.0}, BestOfN.weights(4, 2), 1e-15);
    }

    /** The estimator equals the average, over every n-subset of the pool, of the best-rated one's quantity. */
    @Test
    void expectationMatchesEnumeratingEverySubset() {
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        int pool = 9;
        double[] rated = new double[pool];
        double[] truth = new double[pool];
        for (int i = 0; i < pool; i++) {
            rated[i] = rng.nextInt(4);     // ties, broken by pool order
            truth[i] = rng.nextGaussian();
        }
        int[] ranking = BestOfN.ranking(rated);
        for (int n = 1; n <= pool; n++) {
            double sum = 0;
            int subsets = 0;
            for (int mask = 0; mask < 1 << pool; mask++) {
                if (Integer.bitCount(mask) != n) {
                    continue;
                }
                int best = -1;
                for (int i = 0; i < pool; i++) {
                    if ((mask & 1 << i) != 0 && (best < 0 || rated[i] >= rated[best])) {
                        best = i;
                    }
                }
                sum += truth[best];
                subsets++;
            }
            assertEquals(sum / subsets, BestOfN.expectation(truth, ranking, BestOfN.weights(pool, n)), 1e-12,
                    "n = " + n);
        }
    }

    @Test
    void nMustLieBetweenOneAndThePool() {
        assertThrows(IllegalArgumentException.class, () -> BestOfN.weights(4, 5));
        assertThrows(IllegalArgumentException.class, () -> BestOfN.weights(4, 0));
    }
}
