package org.innerlab.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.Bootstrap;
import org.innerlab.measure.ConditionalMisbehaviour;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.ReportConfig;
import org.innerlab.scenario.Scenario;

/**
 * {@code summary.md}: the results as the table a paper would print. One row per sweep point (for a
 * sweep over {@code condition}, one per condition), one column per chosen {@code distribution/metric},
 * each cell {@code mean [low, high]}: the mean over seeds and the 95% percentile-bootstrap interval of
 * that mean ({@link Bootstrap}, the numbers of {@code summary.csv}), rounded to two or three significant
 * digits of the cell's largest magnitude ({@link #cell}). A caption above names the scenario, the environment, the seed count
 * and the interval; a line below maps each column to its {@code distribution/metric} in summary.csv.
 *
 * <p>Columns: the scenario's {@code report.table} (with {@code report.table_labels}) when written;
 * otherwise the series of its first chart ({@link #chartColumns}); without one, {@link #defaultColumns}: hidden performance on every evaluated distribution, then the
 * misbehaviour rate on each, then every conditional-misbehaviour gap (or, where the environment
 * declares no oversight, the observed return on each distribution beside the hidden performance, so the
 * Goodhart gap is visible).
 *
 * <p>A Markdown table renders on GitHub; text from the scenario is escaped so it cannot break a row.
 */
public final class PaperTable {
    /** The file's name inside an output folder. */
    public static final String FILE = "summary.md";
    /** A cell with no value: the metric was not measured at that point. */
    static final String MISSING = "—";

    private PaperTable() {
    }

    /** One column: a summary.csv series and its heading. */
    public record Column(String series, String label) {
        /** The distribution (or contrast) part of the series. */
        public String distribution() {
            return series.substring(0, series.indexOf('/'));
        }

        /** The metric part of the series. */
        public String metric() {
            return series.substring(series.indexOf('/') + 1);
        }
    }

    /**
     * The table ready to render.
     *
     * @param caption  the caption, plain text
     * @param rowHead  the heading of the first column (the swept keys)
     * @param columns  the value columns
     * @param rowLabels one label per row (the point's swept values)
     * @param cells    per row, one formatted cell per column
     */
    public record Table(String caption, String rowHead, List<Column> columns, List<String> rowLabels,
                        List<List<String>> cells) {
    }

    /**
     * Writes {@code summary.md} for these results into {@code dir}; {@code charts} are the scenario's (a
     * point's scenario carries none), whose first gives the columns when {@code report.table} is not set.
     */
    public static void write(Path dir, List<SweepPoint> points, List<SummaryRow> rows, List<ChartConfig> charts)
            throws IOException {
        Files.writeString(dir.resolve(FILE), markdown(of(points, rows, charts)), StandardCharsets.UTF_8);
    }

    /**
     * The table of these results, captioned from point 0's scenario (name, environment, report.table),
     * its columns chosen by {@link #columns} from that and the scenario's {@code charts}.
     */
    public static Table of(List<SweepPoint> points, List<SummaryRow> rows, List<ChartConfig> charts) {
        Scenario s = points.stream().filter(p -> p.index() == 0).findFirst().orElse(points.get(0)).scenario();
        Set<String> environments = new TreeSet<>();
        points.forEach(p -> environments.add(p.scenario().environment().id()));
        return of(s.name(), String.join(", ", environments), points, rows, columns(s.report(), charts, rows));
    }

    /** The table of {@code rows} with these columns; {@code points} give the row labels, in index order. */
    public static Table of(String scenario, String environment, List<SweepPoint> points, List<SummaryRow> rows,
                           List<Column> columns) {
        PointIndex index = new PointIndex(points);
        Map<String, SummaryRow> byCell = new LinkedHashMap<>();
        TreeSet<Integer> seeds = new TreeSet<>();
        for (SummaryRow r : rows) {
            byCell.put(r.point() + " " + r.distribution() + "/" + r.metric(), r);
        }
        List<String> rowLabels = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (SweepPoint p : points.stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).toList()) {
            rowLabels.add(index.keys().isEmpty() ? "all runs" : String.join(", ", index.formattedValues(p.index())));
            List<String> line = new ArrayList<>();
            for (Column c : columns) {
                SummaryRow r = byCell.get(p.index() + " " + c.series());
                line.add(r == null ? MISSING : cell(r.mean(), r.ciLow(), r.ciHigh()));
                if (r != null) {
                    seeds.add(r.n());
                }
            }
            cells.add(line);
        }
        String n = seeds.isEmpty() ? "no" : seeds.size() == 1 ? seeds.first().toString()
                : seeds.first() + "–" + seeds.last();
        String caption = "Scenario " + scenario + " (" + environment + "). Each cell: mean over n = " + n
                + " seeds per row [95% percentile-bootstrap interval of the mean over seeds, B = "
                + String.format("%,d", Bootstrap.DEFAULT_RESAMPLES) + "].";
        List<String> keys = index.keys().stream().map(k -> k.substring(k.lastIndexOf('.') + 1)).toList();
        return new Table(caption, keys.isEmpty() ? "runs" : String.join(", ", keys), columns, rowLabels, cells);
    }

    /**
     * The columns {@code report} asks for; when it names none, the series of the first of {@code charts}
     * ({@link #chartColumns}), so the table repeats the headline's numbers; without a chart (or one whose
     * series the summary lacks), {@link #defaultColumns}.
     */
    public static List<Column> columns(ReportConfig report, List<ChartConfig> charts, List<SummaryRow> rows) {
        if (report.table().isEmpty()) {
            List<Column> fromChart = charts.isEmpty() ? List.of() : chartColumns(charts.get(0), rows);
            return fromChart.isEmpty() ? defaultColumns(rows) : fromChart;
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < report.table().size(); i++) {
            String series = report.table().get(i);
            columns.add(new Column(series, report.tableLabels().isEmpty() ? label(series) : report.tableLabels().get(i)));
        }
        return columns;
    }

    /**
     * The summary series {@code chart} draws, in its order, each under the chart's legend label: for
     * bars over {@code distribution}, each category's value of each metric (headed "label, category");
     * otherwise the y series (and a scatter chart's x first). A complemented series ({@code 1-train/got_coin}) shows as the metric
     * itself, under its own heading, since the table prints summary.csv's numbers. Series the summary
     * does not hold are left out: a {@code curve} chart's {@code train/...} lives under {@code train@steps}.
     */
    static List<Column> chartColumns(ChartConfig chart, List<SummaryRow> rows) {
        Set<String> measured = new LinkedHashSet<>();
        rows.forEach(r -> measured.add(r.distribution() + "/" + r.metric()));
        // series -> heading, first heading kept; a series the summary lacks is never labelled (it may have no '/').
        Map<String, String> chosen = new LinkedHashMap<>();
        if (chart.x().equals("distribution")) {
            List<String> categories = chart.categories().isEmpty()
                    ? rows.stream().map(SummaryRow::distribution).distinct().toList() : chart.categories();
            for (String category : categories) {
                for (int i = 0; i < chart.y().size(); i++) {
                    chosen.putIfAbsent(category + "/" + chart.y().get(i), chart.labels().isEmpty() ? null
                            : chart.labels().get(i) + ", " + category.replace("-vs-", " vs "));
                }
            }
        } else {
            if (chart.kind().equals("scatter")) {
                chosen.putIfAbsent(chart.x(), null);
            }
            for (int i = 0; i < chart.y().size(); i++) {
                String series = chart.y().get(i);
                boolean complement = series.startsWith("1-");
                chosen.putIfAbsent(complement ? series.substring(2) : series,
                        complement || chart.labels().isEmpty() ? null : chart.labels().get(i));
            }
        }
        List<Column> columns = new ArrayList<>();
        chosen.forEach((series, heading) -> {
            if (measured.contains(series)) {
                columns.add(new Column(series, heading == null ? label(series) : heading));
            }
        });
        return columns;
    }

    /**
     * The default columns, from what {@code rows} measured: hidden performance per evaluated
     * distribution, misbehaviour rate per distribution, then each conditional-misbehaviour gap; without a
     * misbehaviour rate anywhere, the observed return per distribution instead. Distributions in
     * first-seen order; training-curve points ({@code d@x}) and contrasts are not evaluated distributions.
     */
    public static List<Column> defaultColumns(List<SummaryRow> rows) {
        Set<String> performance = new LinkedHashSet<>();
        Set<String> misbehaviour = new LinkedHashSet<>();
        Set<String> observed = new LinkedHashSet<>();
        Set<String> gaps = new LinkedHashSet<>();
        for (SummaryRow r : rows) {
            String series = r.distribution() + "/" + r.metric();
            if (r.distribution().contains("@")) {
                continue;
            }
            switch (r.metric()) {
                case Evaluator.HIDDEN_PERFORMANCE -> performance.add(series);
                case "misbehaviour_rate" -> misbehaviour.add(series);
                case "observed_return" -> observed.add(series);
                case ConditionalMisbehaviour.GAP -> gaps.add(series);
                default -> { }
            }
        }
        List<String> chosen = new ArrayList<>(performance);
        chosen.addAll(misbehaviour.isEmpty() ? observed : misbehaviour);
        chosen.addAll(gaps);
        return chosen.stream().map(s -> new Column(s, label(s))).toList();
    }

    /** A heading for a series: "hidden performance, supervised". */
    static String label(String series) {
        String distribution = series.substring(0, series.indexOf('/'));
        String metric = series.substring(series.indexOf('/') + 1);
        String name = switch (metric) {
            case ConditionalMisbehaviour.GAP -> "conditional-misbehaviour gap";
            default -> metric.replace('_', ' ');
        };
        return name + ", " + distribution.replace("-vs-", " vs ");
    }

    /** The table as GitHub-flavoured Markdown: caption, table, column key. */
    public static String markdown(Table t) {
        StringBuilder out = new StringBuilder();
        out.append("**Table.** ").append(escape(t.caption())).append("\n\n");
        out.append("| ").append(escape(t.rowHead()));
        for (Column c : t.columns()) {
            out.append(" | ").append(escape(c.label()));
        }
        out.append(" |\n|:--");
        t.columns().forEach(c -> out.append("|--:"));
        out.append("|\n");
        for (int r = 0; r < t.rowLabels().size(); r++) {
            out.append("| ").append(escape(t.rowLabels().get(r)));
            for (String cell : t.cells().get(r)) {
                out.append(" | ").append(cell);
            }
            out.append(" |\n");
        }
        out.append("\nColumns (distribution/metric in summary.csv): ");
        for (int i = 0; i < t.columns().size(); i++) {
            out.append(i == 0 ? "" : "; ").append(escape(t.columns().get(i).label())).append(": `")
                    .append(t.columns().get(i).series()).append('`');
        }
        return out.append(".\n").toString();
    }

    /**
     * {@code mean [low, high]}, all three with the same number of decimals: three significant digits of
     * the largest magnitude among them when it is at least 1, two below 1 (two decimals when all are 0),
     * never negative zero; "n/a" for NaN.
     */
    static String cell(double mean, double low, double high) {
        if (Double.isNaN(mean) || Double.isNaN(low) || Double.isNaN(high)) {
            return "n/a";
        }
        double largest = Math.max(Math.abs(mean), Math.max(Math.abs(low), Math.abs(high)));
        // floor(log10 x) = precision - scale - 1 for the exact decimal of x; k significant digits need
        // k - 1 - floor(log10 x) decimals. Three for amounts (41.0), two for rates (0.012), whose third
        // digit is below what 20 seeds resolve.
        BigDecimal exact = new BigDecimal(largest);
        int digits = largest >= 1 ? 3 : 2;
        int decimals = largest == 0 ? 2 : Math.max(0, digits - exact.precision() + exact.scale());
        decimals = Math.min(decimals, 12);
        return fixed(mean, decimals) + " [" + fixed(low, decimals) + ", " + fixed(high, decimals) + "]";
    }

    private static String fixed(double value, int decimals) {
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
        // BigDecimal prints -0.00 for a small negative rounded to zero; a table shows 0.00.
        return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(decimals).toPlainString() : rounded.toPlainString();
    }

    /**
     * Text made safe inside a Markdown table cell: {@code |} escaped, line breaks as spaces, and
     * {@code & < >} as character references, because Markdown passes HTML through (a label
     * {@code <img onerror=...>} would be markup on GitHub); the references render as the characters.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\", "\\\\")
                .replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
