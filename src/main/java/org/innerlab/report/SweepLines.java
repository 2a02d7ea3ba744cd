package org.innerlab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;

/**
 * The lines of a {@code sweep} chart, computed from the summary; the drawing is
 * {@link ChartRenderer}'s job.
 *
 * <p>A y series is {@code distribution/metric}, split at the first {@code /} (so grouped metric
 * names such as {@code test/true/return} keep their slash), or {@code 1-distribution/metric} for one
 * minus the metric, whose interval flips to [1 − high, 1 − low].
 *
 * <p>When the sweep has keys besides x, each y series becomes one line per combination of the
 * other keys' values (in point order), labelled {@code label (key=value, ...)} with the key's last
 * path segment (the full path if two keys share that segment). Points whose mean is NaN or whose
 * summary cell is missing are left out of their line; a series with no cell at any point is an
 * error, since it is almost always a misspelt metric.
 */
final class SweepLines {
    /** One plotted point: x and the mean with its interval. */
    record Point(double x, double y, double low, double high) {
    }

    /** One line: its legend label, its points in ascending x, and the run count behind each point. */
    record Line(String label, List<Point> points, Set<Integer> runCounts) {
    }

    /** A y series {@code [1-]distribution/metric}, split at the first {@code /}. */
    record Series(String distribution, String metric, boolean complement) {
        static Series parse(String where, String spec) {
            boolean complement = spec.startsWith("1-");
            String series = complement ? spec.substring(2) : spec;
            int slash = series.indexOf('/');
            if (slash <= 0 || slash == series.length() - 1) {
                throw new IllegalArgumentException(where + "y series '" + spec
                        + "' is not distribution/metric or 1-distribution/metric");
            }
            return new Series(series.substring(0, slash), series.substring(slash + 1), complement);
        }
    }

    private SweepLines() {
    }

    static List<Line> of(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        String where = "chart '" + chart.name() + "': ";
        if (!"sweep".equals(chart.kind())) {
            throw new IllegalArgumentException(where + "unknown kind '" + chart.kind() + "' (supported: sweep)");
        }
        if (chart.y().isEmpty()) {
            throw new IllegalArgumentException(where + "no y series");
        }
        if (!chart.labels().isEmpty() && chart.labels().size() != chart.y().size()) {
            throw new IllegalArgumentException(where + chart.labels().size() + " labels for "
                    + chart.y().size() + " y series");
        }
        PointIndex index = new PointIndex(points);
        if (!index.keys().contains(chart.x())) {
            throw new IllegalArgumentException(where + "x '" + chart.x() + "' is not a swept parameter (swept: "
                    + index.keys() + ")");
        }
        List<String> others = new ArrayList<>(index.keys());
        others.remove(chart.x());

        // Each point's x and its combination of the other keys' values, in point order.
        TreeMap<Integer, Double> xOf = new TreeMap<>();
        Map<Integer, String> comboOf = new HashMap<>();
        Set<String> combos = new LinkedHashSet<>();
        for (SweepPoint p : points) {
            xOf.put(p.index(), numericX(where, chart.x(), p));
        }
        for (int pointIndex : xOf.keySet()) {
            String combo = comboText(others, index.point(pointIndex).assignments());
            comboOf.put(pointIndex, combo);
            combos.add(combo);
        }

        Map<String, SummaryRow> cells = new HashMap<>();
        for (SummaryRow r : rows) {
            cells.put(cellKey(r.point(), r.distribution(), r.metric()), r);
        }

        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < chart.y().size(); s++) {
            String spec = chart.y().get(s);
            Series parsed = Series.parse(where, spec);
            boolean complement = parsed.complement();
            String distribution = parsed.distribution();
            String metric = parsed.metric();
            String series = distribution + "/" + metric;
            String label = chart.labels().isEmpty() ? spec : chart.labels().get(s);
            boolean found = false;
            for (String combo : combos) {
                List<Point> linePoints = new ArrayList<>();
                Set<Integer> runCounts = new LinkedHashSet<>();
                for (Map.Entry<Integer, Double> px : xOf.entrySet()) {
                    if (!comboOf.get(px.getKey()).equals(combo)) {
                        continue;
                    }
                    SummaryRow r = cells.get(cellKey(px.getKey(), distribution, metric));
                    if (r == null) {
                        continue;
                    }
                    found = true;
                    if (Double.isNaN(r.mean())) {
                        continue;
                    }
                    runCounts.add(r.n());
                    linePoints.add(complement
                            ? new Point(px.getValue(), 1 - r.mean(), 1 - r.ciHigh(), 1 - r.ciLow())
                            : new Point(px.getValue(), r.mean(), r.ciLow(), r.ciHigh()));
                }
                linePoints.sort((a, b) -> Double.compare(a.x(), b.x()));
                lines.add(new Line(combo.isEmpty() ? label : label + " (" + combo + ")",
                        List.copyOf(linePoints), runCounts));
            }
            if (!found) {
                throw new IllegalArgumentException(where + "no summary values for '" + series + "' (available: "
                        + available(rows) + ")");
            }
        }
        return lines;
    }

    private static double numericX(String where, String x, SweepPoint p) {
        Object value = p.assignments().get(x);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(where + "x '" + x + "' must be numeric, but point " + p.index()
                + " has " + value);
    }

    static String comboText(List<String> keys, Map<String, Object> assignments) {
        Map<String, String> shortNames = shortNames(keys);
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(shortNames.get(key)).append('=').append(Numbers.format(assignments.get(key)));
        }
        return text.toString();
    }

    private static Map<String, String> shortNames(List<String> keys) {
        Map<String, Integer> uses = new HashMap<>();
        for (String key : keys) {
            uses.merge(lastSegment(key), 1, Integer::sum);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : keys) {
            names.put(key, uses.get(lastSegment(key)) > 1 ? key : lastSegment(key));
        }
        return names;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String available(List<SummaryRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (SummaryRow r : rows) {
            names.add(r.distribution() + "/" + r.metric());
        }
        return String.join(", ", names);
    }

    private static String cellKey(int point, String distribution, String metric) {
        // The length prefix keeps ("a/b", "c") and ("a", "b/c") apart.
        return point + ":" + distribution.length() + ":" + distribution + "/" + metric;
    }
}
