package org.innerlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.AxisScale;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.JFreeChart;

/**
 * A chart asked for after the fact ({@code innerlab plot}), drawn from an output folder's summary
 * with the same code as the charts a scenario declares.
 *
 * <p>The kind follows x: a swept key whose values are all numbers gives lines with CI bands
 * ({@code sweep}); a swept key with any non-numeric value, or {@code distribution}, gives grouped
 * bars with CI whiskers ({@code bars}). With {@code x = distribution}, y holds plain metric names and
 * the groups are every distribution (and contrast) measuring one of them; otherwise y holds
 * {@code [1-]distribution/metric} series.
 *
 * <p>Every swept key other than x must be accounted for, so that no bar or point silently averages
 * over, or mixes, conditions: either it is {@code by} (one series per value of it), or {@code where}
 * fixes it to one value. A key left over is an error naming it and its values.
 *
 * @param name  file name stem under {@code charts/}
 * @param x     a swept key (full dotted path or its last segment) or {@code distribution}
 * @param y     the series (see above)
 * @param by    the swept key that splits series, or null
 * @param where  swept key → the value (as written in summary.csv) to keep; keys as for x
 * @param title  the chart's title, or null for {@code name}
 * @param labels a y series (as given in {@code y}) → its legend label; series not named keep their text
 * @param xScale how a line chart spaces x; only {@link AxisScale#LINEAR} for bars
 */
public record Plot(String name, String x, List<String> y, String by, Map<String, String> where, String title,
                   Map<String, String> labels, AxisScale xScale) {
    public Plot {
        y = List.copyOf(y);
        where = Map.copyOf(where);
        labels = Map.copyOf(labels);
    }

    /** A plot titled by its name, with the series' own text as labels, on a linear x axis. */
    public Plot(String name, String x, List<String> y, String by, Map<String, String> where) {
        this(name, x, y, by, where, null, Map.of(), AxisScale.LINEAR);
    }

    /** Writes {@code <name>.png} and {@code .svg} into {@code out} and returns their paths. */
    public List<Path> write(RunFolder run, Path out) throws IOException {
        return write(run.points(), run.summary(), out);
    }

    List<Path> write(List<SweepPoint> allPoints, List<SummaryRow> summary, Path out) throws IOException {
        Selection s = select(allPoints, summary);
        return ChartRenderer.write(s.config(), s.points(), s.rows(), out);
    }

    /** The chart, without writing it. */
    JFreeChart chart(List<SweepPoint> allPoints, List<SummaryRow> summary) {
        Selection s = select(allPoints, summary);
        return ChartRenderer.chart(s.config(), s.points(), s.rows());
    }

    /** What gets drawn: the chart's configuration and the points and rows it draws from. */
    private record Selection(ChartConfig config, List<SweepPoint> points, List<SummaryRow> rows) {
    }

    private Selection select(List<SweepPoint> allPoints, List<SummaryRow> summary) {
        List<String> keys = new PointIndex(allPoints).keys();
        boolean byDistribution = x.equals("distribution");
        String xKey = byDistribution ? null : resolve(x, keys);
        String byKey = by == null ? null : resolve(by, keys);
        if (byKey != null && byKey.equals(xKey)) {
            throw new IllegalArgumentException("--by names the x key '" + xKey + "'");
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        where.forEach((k, v) -> fixed.put(resolve(k, keys), v));
        List<String> loose = new ArrayList<>(keys);
        loose.remove(xKey);
        loose.remove(byKey);
        loose.removeAll(fixed.keySet());
        if (!loose.isEmpty()) {
            throw new IllegalArgumentException("the sweep also varies " + describe(loose, allPoints)
                    + "; split by one of them with --by KEY and fix the others with --where KEY=VALUE");
        }
        if (fixed.containsKey(xKey) || (byKey != null && fixed.containsKey(byKey))) {
            throw new IllegalArgumentException("--where fixes the x or --by key; it is for the other swept keys");
        }

        List<String> kept = new ArrayList<>();
        for (String key : keys) {
            if (key.equals(xKey) || key.equals(byKey)) {
                kept.add(key);
            }
        }
        List<SweepPoint> points = new ArrayList<>();
        Set<Integer> indices = new LinkedHashSet<>();
        for (SweepPoint p : allPoints) {
            boolean match = fixed.entrySet().stream()
                    .allMatch(f -> Numbers.format(p.assignments().get(f.getKey())).equals(f.getValue()));
            if (match) {
                // Only x and by stay, so labels name what varies and not what --where fixed.
                Map<String, Object> assignments = new LinkedHashMap<>();
                kept.forEach(k -> assignments.put(k, p.assignments().get(k)));
                points.add(new SweepPoint(p.index(), assignments, p.scenario()));
                indices.add(p.index());
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no sweep point has " + fixed + "; the sweep varies "
                    + describe(new ArrayList<>(fixed.keySet()), allPoints));
        }
        List<SummaryRow> rows = summary.stream().filter(r -> indices.contains(r.point())).toList();
        return new Selection(config(xKey, points, rows), points, rows);
    }

    private ChartConfig config(String xKey, List<SweepPoint> points, List<SummaryRow> rows) {
        List<String> unknown = labels.keySet().stream().filter(k -> !y.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--labels names " + unknown + ", which --y does not plot; name a "
                    + "series as --y gives it: " + y);
        }
        List<String> legend = labels.isEmpty() ? List.of() : y.stream().map(s -> labels.getOrDefault(s, s)).toList();
        if (xKey == null) {
            List<String> categories = rows.stream().filter(r -> y.contains(r.metric()))
                    .map(SummaryRow::distribution).distinct().toList();
            refuseScaleOfBars();
            return new ChartConfig("bars", name, title, "distribution", y, legend, "distribution", null, categories);
        }
        boolean numeric = points.stream().allMatch(p -> p.assignments().get(xKey) instanceof Number);
        if (!numeric) {
            refuseScaleOfBars();
        }
        return new ChartConfig(numeric ? "sweep" : "bars", name, title, xKey, y, legend, null, null, List.of(), false,
                xScale);
    }

    private void refuseScaleOfBars() {
        if (xScale != AxisScale.LINEAR) {
            throw new IllegalArgumentException("--x-scale " + xScale.text() + " spaces a numeric x; this x gives bar "
                    + "groups, which have no scale: leave --x-scale out");
        }
    }

    /** The swept key named by its full path or last segment. */
    public static String resolve(String given, List<String> keys) {
        List<String> matching = keys.stream().filter(k -> k.equals(given) || k.endsWith("." + given)).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException("'" + given + "' names " + matching.size() + " swept keys; swept: "
                    + keys);
        }
        return matching.get(0);
    }

    private static String describe(List<String> keys, List<SweepPoint> points) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            Set<String> values = new LinkedHashSet<>();
            points.forEach(p -> values.add(Numbers.format(p.assignments().get(key))));
            out.add(key + " (" + String.join(", ", values) + ")");
        }
        return String.join(", ", out);
    }
}
