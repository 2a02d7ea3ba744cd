package org.innerlab.measure;

/**
 * One line of a sweep's summary: a metric on one distribution at one sweep point, over its runs.
 *
 * @param point        sweep point index
 * @param distribution evaluation distribution (e.g. {@code test})
 * @param metric       metric name (e.g. {@code got_coin})
 * @param n            number of runs that measured it
 * @param mean         mean over those runs
 * @param ciLow        lower end of the 95% percentile-bootstrap interval of the mean
 * @param ciHigh       upper end of that interval
 */
public record SummaryRow(int point, String distribution, String metric, int n, double mean, double ciLow,
                         double ciHigh) {
}
