package org.innerlab.measure;

/**
 * One measured number of one run, with its 95% confidence interval over the run's evaluation
 * episodes where the metric has one ({@link EpisodeInterval} says how each kind is computed).
 *
 * @param distribution the evaluation distribution it was measured on (e.g. {@code test})
 * @param metric       the metric name (e.g. {@code got_coin})
 * @param value        the value
 * @param ciLow        lower end of the 95% interval over episodes, NaN if the metric has none
 * @param ciHigh       upper end of the 95% interval over episodes, NaN if the metric has none
 */
public record MetricValue(String distribution, String metric, double value, double ciLow, double ciHigh) {
    /** A value without an interval over episodes. */
    public MetricValue(String distribution, String metric, double value) {
        this(distribution, metric, value, Double.NaN, Double.NaN);
    }

    /** Whether this value carries an interval over episodes. */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }
}
