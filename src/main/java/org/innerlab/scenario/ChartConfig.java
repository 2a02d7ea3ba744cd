package org.innerlab.scenario;

import java.util.List;

/**
 * A chart drawn from the summary.
 *
 * @param kind  {@code sweep}: x = a swept parameter, one line with a CI band per y series
 * @param name  file name stem under {@code charts/}
 * @param title chart title
 * @param x     dotted path of the swept parameter on the x axis
 * @param y     series as {@code distribution/metric}, e.g. {@code test/got_coin}; a leading
 *              {@code 1-} plots one minus the metric ({@code 1-train/got_coin})
 * @param labels legend labels, parallel to {@code y} (defaults to the series text)
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 */
public record ChartConfig(String kind, String name, String title, String x, List<String> y, List<String> labels,
                          String xLabel, String yLabel) {
    public ChartConfig {
        y = List.copyOf(y);
        labels = List.copyOf(labels);
    }
}
