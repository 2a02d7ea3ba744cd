package org.innerlab.learner;

import ec.util.MersenneTwisterFast;

/** Choosing an action from a vector of probabilities or values, allocation-free. */
public final class ActionChoice {
    private ActionChoice() {
    }

    /** Samples index {@code a} with probability {@code p[a]} (the first {@code n} entries sum to 1). */
    public static int sample(double[] p, int n, MersenneTwisterFast rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int a = 0; a < n - 1; a++) {
            cumulative += p[a];
            if (u < cumulative) {
                return a;
            }
        }
        return n - 1;
    }

    /** The index of the largest of the first {@code n} values; ties broken uniformly at random. */
    public static int argmax(double[] v, int n, MersenneTwisterFast rng) {
        int best = 0;
        int ties = 1;
        for (int a = 1; a < n; a++) {
            if (v[a] > v[best]) {
                best = a;
                ties = 1;
            } else if (v[a] == v[best]) {
                ties++;
                // Reservoir sampling over the tied maxima keeps the choice uniform without a second pass.
                if (rng.nextInt(ties) == 0) {
                    best = a;
                }
            }
        }
        return best;
    }

    /** Number of entries of the first {@code n} equal to their maximum. */
    static int countMaxima(double[] v, int n) {
        double max = v[0];
        int count = 1;
        for (int a = 1; a < n; a++) {
            if (v[a] > max) {
                max = v[a];
                count = 1;
            } else if (v[a] == max) {
                count++;
            }
        }
        return count;
    }
}
