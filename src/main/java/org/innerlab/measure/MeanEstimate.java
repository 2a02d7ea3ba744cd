package org.innerlab.measure;

/**
 * A sample mean with a confidence interval.
 *
 * @param n      sample size (runs)
 * @param mean   sample mean
 * @param ciLow  lower end of the interval
 * @param ciHigh upper end of the interval
 */
public record MeanEstimate(int n, double mean, double ciLow, double ciHigh) {
}
