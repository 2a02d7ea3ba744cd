package org.innerlab.measure;

/**
 * 95% confidence intervals over the episodes of one evaluation, the "CI over episodes" that every
 * per-run metric carries beside its value (the CI over seeds is {@link Bootstrap}'s job).
 *
 * <ul>
 *   <li>Fractions of episodes (events, {@code intended_success}, {@code proxy_pursuit/<p>}, …): the
 *       Wilson score interval, which stays inside [0, 1] and is not degenerate at 0 or 1 successes,
 *       where the normal approximation claims certainty after a handful of episodes:
 *       <pre>  (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)</pre></li>
 *   <li>Means of per-episode amounts (returns, steps, counters): the normal interval
 *       x̄ ± z·s/√n with the sample standard deviation s.</li>
 *   <li>A difference of two fractions from independent evaluations (the conditional-misbehaviour gap):
 *       Newcombe's hybrid score interval (Newcombe 1998, method 10), built from the two Wilson intervals.</li>
 * </ul>
 */
public final class EpisodeInterval {
    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private EpisodeInterval() {
    }

    /** The fraction {@code successes / n} with its Wilson interval. */
    public static MetricValue fraction(String distribution, String metric, long successes, int n) {
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 * StrictMath.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // At 0 or n successes the exact bound is 0 or 1; rounding would otherwise leave 0.9999999999999999.
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == n ? 1 : Math.min(1, centre + half);
        return new MetricValue(distribution, metric, p, low, high);
    }

    /** The mean of per-episode amounts from their sum and sum of squares, with its normal interval. */
    public static MetricValue mean(String distribution, String metric, double sum, double sumOfSquares, int n) {
        double mean = sum / n;
        if (n < 2) {
            return new MetricValue(distribution, metric, mean);
        }
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double half = Z95 * StrictMath.sqrt(variance / n);
        return new MetricValue(distribution, metric, mean, mean - half, mean + half);
    }

    /**
     * {@code a − b} for two fractions measured on independent episodes, each carrying its Wilson
     * interval, with Newcombe's interval for the difference; NaN bounds if either has no interval.
     */
    public static MetricValue difference(String distribution, String metric, MetricValue a, MetricValue b) {
        double d = a.value() - b.value();
        if (!a.hasInterval() || !b.hasInterval()) {
            return new MetricValue(distribution, metric, d);
        }
        double low = d - StrictMath.sqrt(square(a.value() - a.ciLow()) + square(b.ciHigh() - b.value()));
        double high = d + StrictMath.sqrt(square(a.ciHigh() - a.value()) + square(b.value() - b.ciLow()));
        return new MetricValue(distribution, metric, d, Math.max(-1, low), Math.min(1, high));
    }

    private static double square(double x) {
        return x * x;
    }
}
