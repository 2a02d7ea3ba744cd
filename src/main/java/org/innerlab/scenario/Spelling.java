package org.innerlab.scenario;

import java.util.Collection;

/** Suggestions for misspelt keys and names: the closest known word within a small edit distance. */
public final class Spelling {
    /** Typos longer than this are more likely a different word than a slip of the finger. */
    private static final int MAX_DISTANCE = 2;

    private Spelling() {
    }

    /** The known word closest to {@code word} within edit distance 2 (the first one on ties), or null. */
    public static String closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String k : known) {
            int d = distance(word, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * A hint for an unknown {@code word}: {@code did you mean 'x'?} when a known word is close,
     * otherwise the list of known words after {@code label}, or null when nothing is known.
     */
    static String hint(String word, Collection<String> known, String label) {
        String close = closest(word, known);
        if (close != null) {
            return "did you mean '" + close + "'?";
        }
        return known.isEmpty() ? null : label + ": " + String.join(", ", known);
    }

    /**
     * Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
     * neighbours each cost 1, so {@code widht} is one edit from {@code width}.
     */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
