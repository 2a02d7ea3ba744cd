package org.innerlab.measure;

/** The running sum and sum of squares of per-episode amounts: a mean and its interval over episodes. */
final class Moments {
    private double sum;
    private double sumOfSquares;
    private int count;

    void add(double x) {
        sum += x;
        sumOfSquares += x * x;
        count++;
    }

    /** The mean with its normal 95% interval ({@link EpisodeInterval#mean}); NaN when nothing was added. */
    MetricValue mean(String distribution, String metric) {
        return count == 0 ? new MetricValue(distribution, metric, Double.NaN)
                : EpisodeInterval.mean(distribution, metric, sum, sumOfSquares, count);
    }
}
