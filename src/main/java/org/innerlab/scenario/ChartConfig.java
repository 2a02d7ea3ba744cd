package org.innerlab.scenario;

import java.util.List;

/**
 * A chart drawn from the summary.
 *
 * <ul>
 *   <li>{@code sweep}: x = a swept parameter; one line with a 95% CI band per y series, where a
 *       series is {@code distribution/metric} (e.g. {@code test/got_coin}; a leading {@code 1-}
 *       plots one minus the metric: {@code 1-train/got_coin}).</li>
 *   <li>{@code bars}: x = {@code distribution}; grouped bars with 95% CI whiskers: one group per
 *       category (an evaluated distribution, or a contrast {@code a-vs-b} such as
 *       {@code unsupervised-vs-supervised}), one bar per y metric (a plain metric name). Or x = a
 *       sweep key (typically one with non-numeric values): one group per swept value, one bar per y
 *       series, written as for {@code sweep}.</li>
 *   <li>{@code curve}: a training curve ({@link CurveConfig}); x = {@code steps} (the number after a curve
 *       point's {@code @}: training steps, or n for best-of-n) or {@code sqrt_kl} (d = √ of the point's mean
 *       {@code kl_to_initial}); y series are {@code base/metric} with base a curve distribution ({@code train})
 *       or its best-of-n ({@code train-bon}); one line per series and sweep point, with its 95% CI band.
 *       With {@code fit}, each line also gets the least-squares curve of Gao et al. (2022) through its gain
 *       over the point at d = 0, dashed: d(α − βd) for best-of-n lines, d(α − β log d) for training curves.</li>
 *   <li>{@code scatter}: x = a series {@code distribution/metric} (e.g. {@code train/kl_to_reference}),
 *       y = one or more series; one marker per sweep point and y series at (mean x, mean y), with 95% CI
 *       whiskers both ways; colour = the point's value of the first sweep key, shape = the y series
 *       (and the values of the other sweep keys). The shape of a Pareto plot of two metrics.</li>
 *   <li>{@code steering}: x = a vector of {@code evaluation.steering}; one line with a 95% CI band per y
 *       series {@code d/metric} (d a steered distribution) and sweep point, against the vector's
 *       coefficient c: the steered twins {@code d-steered-<x>@<c>}, and d itself at c = 0.</li>
 * </ul>
 *
 * @param kind       {@code sweep}, {@code bars}, {@code curve}, {@code scatter} or {@code steering}
 * @param name       file name stem under {@code charts/}
 * @param title      chart title
 * @param x          a sweep key, {@code distribution} ({@code bars} only), a series ({@code scatter}), or a
 *                   steering vector ({@code steering})
 * @param y          series, or metric names ({@code bars} over {@code distribution})
 * @param labels     legend labels, parallel to {@code y} (defaults to the series text)
 * @param xLabel     x-axis label
 * @param yLabel     y-axis label
 * @param categories the bar groups of a {@code bars} chart, in order (empty for {@code sweep})
 * @param fit        whether a {@code curve} chart over {@code sqrt_kl} draws the fitted over-optimisation curves
 * @param xScale     how a {@code sweep} chart spaces its x axis ({@link AxisScale#LINEAR} for every other kind)
 */
public record ChartConfig(String kind, String name, String title, String x, List<String> y, List<String> labels,
                          String xLabel, String yLabel, List<String> categories, boolean fit, AxisScale xScale) {
    public ChartConfig {
        y = List.copyOf(y);
        labels = List.copyOf(labels);
        categories = List.copyOf(categories);
        if (xScale == null) {
            throw new IllegalArgumentException("chart '" + name + "': xScale is null; use AxisScale.LINEAR");
        }
    }

    /** A chart on a linear x axis. */
    public ChartConfig(String kind, String name, String title, String x, List<String> y, List<String> labels,
                       String xLabel, String yLabel, List<String> categories, boolean fit) {
        this(kind, name, title, x, y, labels, xLabel, yLabel, categories, fit, AxisScale.LINEAR);
    }

    /** A chart without fitted curves. */
    public ChartConfig(String kind, String name, String title, String x, List<String> y, List<String> labels,
                       String xLabel, String yLabel, List<String> categories) {
        this(kind, name, title, x, y, labels, xLabel, yLabel, categories, false);
    }

    /** A chart without categories (a {@code sweep} chart). */
    public ChartConfig(String kind, String name, String title, String x, List<String> y, List<String> labels,
                       String xLabel, String yLabel) {
        this(kind, name, title, x, y, labels, xLabel, yLabel, List.of());
    }
}
