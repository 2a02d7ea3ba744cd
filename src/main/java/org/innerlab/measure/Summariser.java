package org.innerlab.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.util.ResizableDoubleArray;

/**
 * Collects per-run metric values and reduces them to one {@link SummaryRow} per sweep point ×
 * distribution × metric.
 *
 * <p>Row order: ascending point; within a point, distributions in the order they were first added
 * (over all points), and within a distribution, metrics in the order they were first added. Feed
 * runs in (point, run) order and the result is deterministic; each row's interval is seeded by
 * {@link Bootstrap#seedFor} from the row's identity alone.
 *
 * <p>Not thread-safe: one summariser belongs to one caller.
 */
public final class Summariser {
    private final Bootstrap bootstrap;
    /** distribution → its metrics, both in first-seen order. */
    private final Map<String, Set<String>> order = new LinkedHashMap<>();
    /** point → "distribution" → "metric" → values. */
    private final TreeMap<Integer, Map<String, Map<String, ResizableDoubleArray>>> values = new TreeMap<>();

    /** A summariser whose intervals come from {@code bootstrap}. */
    public Summariser(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Adds one run's value of one metric at {@code point}. */
    public Summariser add(int point, MetricValue value) {
        order.computeIfAbsent(value.distribution(), d -> new LinkedHashSet<>()).add(value.metric());
        values.computeIfAbsent(point, p -> new LinkedHashMap<>())
                .computeIfAbsent(value.distribution(), d -> new LinkedHashMap<>())
                .computeIfAbsent(value.metric(), m -> new ResizableDoubleArray())
                .addElement(value.value());
        return this;
    }

    /** Adds every value of one run at {@code point}. */
    public Summariser addAll(int point, List<MetricValue> runValues) {
        for (MetricValue v : runValues) {
            add(point, v);
        }
        return this;
    }

    /** The summary rows of everything added so far, in the order described above. */
    public List<SummaryRow> rows() {
        List<SummaryRow> rows = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Map<String, ResizableDoubleArray>>> point : values.entrySet()) {
            for (Map.Entry<String, Set<String>> distribution : order.entrySet()) {
                Map<String, ResizableDoubleArray> metrics = point.getValue().get(distribution.getKey());
                if (metrics == null) {
                    continue;
                }
                for (String metric : distribution.getValue()) {
                    ResizableDoubleArray sample = metrics.get(metric);
                    if (sample != null) {
                        rows.add(row(point.getKey(), distribution.getKey(), metric, sample.getElements()));
                    }
                }
            }
        }
        return rows;
    }

    private SummaryRow row(int point, String distribution, String metric, double[] sample) {
        MeanEstimate e = bootstrap.mean(sample, Bootstrap.seedFor(point, distribution, metric));
        return new SummaryRow(point, distribution, metric, e.n(), e.mean(), e.ciLow(), e.ciHigh());
    }
}
