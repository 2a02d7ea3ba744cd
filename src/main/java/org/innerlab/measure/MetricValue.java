package org.innerlab.measure;

/**
 * One measured number of one run.
 *
 * @param distribution the evaluation distribution it was measured on (e.g. {@code test})
 * @param metric       the metric name (e.g. {@code got_coin})
 * @param value        the value
 */
public record MetricValue(String distribution, String metric, double value) {
}
