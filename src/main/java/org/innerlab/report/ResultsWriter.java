package org.innerlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.Bootstrap;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.Outcome;
import org.innerlab.measure.Summariser;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.Scenario;

/**
 * Writes an experiment's results into its output folder:
 * <ul>
 *   <li>{@code runs.csv}: every run's every metric value ({@link ResultsCsv#runs});</li>
 *   <li>{@code summary.csv}: mean and 95% bootstrap CI per point × distribution × metric
 *       ({@link ResultsCsv#summary}), and the scenario's {@code backdoor_persistence} rows
 *       ({@link PersistenceRows});</li>
 *   <li>{@code summary.md}: the paper table, one row per sweep point (condition) ({@link PaperTable});</li>
 *   <li>{@code labels.csv} and {@code labels_summary.csv}: each run's outcome labels and their
 *       share per point ({@link LabelsCsv});</li>
 *   <li>{@code charts/<name>.png} and {@code .svg} for each chart ({@link ChartRenderer});</li>
 *   <li>{@code manifest.json} ({@link ManifestJson}).</li>
 * </ul>
 * The CSV files depend only on the points and runs (not on the order runs arrive in, the thread
 * count or the JVM), so a rerun reproduces them byte for byte. Writing into a temporary folder and
 * renaming it is the caller's business.
 */
public final class ResultsWriter {
    private ResultsWriter() {
    }

    /** The distribution under which summary.csv reports the share of runs carrying each outcome label. */
    public static final String LABELS = "labels";
    /** The metric prefix of a label's share: {@code label_share/<label>} (MetricCatalog describes it by this prefix). */
    public static final String LABEL_SHARE = "label_share/";

    /**
     * The summary rows of {@code runs}: runs are taken in (point, run) order, and each row's
     * bootstrap (B = 2,000, 95%) is seeded from its point, distribution and metric. After the metrics,
     * under distribution {@value #LABELS}, one row {@code label_share/<label>} per outcome label seen in
     * any run: the share of the point's runs carrying it (0 where none does), with its bootstrap interval
     * over seeds like every other row.
     */
    public static List<SummaryRow> summarise(List<RunResult> runs) {
        Summariser summariser = new Summariser(Bootstrap.standard());
        List<RunResult> ordered = ResultsCsv.inRunOrder(runs);
        Set<String> seen = new LinkedHashSet<>();
        for (RunResult run : ordered) {
            summariser.addAll(run.point(), run.metrics());
            seen.addAll(Outcome.labels(run.metrics()));
        }
        for (RunResult run : ordered) {
            List<String> labels = Outcome.labels(run.metrics());
            for (String label : seen) {
                summariser.add(run.point(), new MetricValue(LABELS, LABEL_SHARE + label, labels.contains(label) ? 1 : 0));
            }
        }
        return summariser.rows();
    }

    /**
     * As {@link #summarise(List)}, followed at each point by its {@code <distribution>/backdoor_persistence}
     * rows when the scenario asks for them ({@code report.backdoor_persistence}, {@link PersistenceRows}), and
     * its {@code <distribution>/pgr} rows ({@code report.performance_gap_recovered}, {@link GapRecoveredRows}), and
     * the auditing game's verdicts ({@code report.auditing}, {@link AuditRows}).
     */
    public static List<SummaryRow> summarise(List<SweepPoint> points, List<RunResult> runs) {
        List<SummaryRow> rows = new ArrayList<>(summarise(runs));
        Scenario scenario = points.isEmpty() ? null : points.get(0).scenario();
        if (scenario != null) {
            rows.addAll(PersistenceRows.of(scenario.report().persistence(), points, runs));
            rows.addAll(GapRecoveredRows.of(scenario.report().gapRecovered(), points, runs));
            rows.addAll(AuditRows.of(scenario.report().auditing(), points, runs));
            // Stable: each point keeps its own rows' order, with its persistence rows last.
            rows.sort(Comparator.comparingInt(SummaryRow::point));
        }
        return rows;
    }

    /**
     * Writes all these outputs into {@code dir}, which must exist, and returns the summary rows.
     * Charts are validated before any file is written, so a misconfigured chart leaves the
     * folder untouched.
     *
     * @throws IllegalArgumentException if a run refers to an unknown point, a (point, run) pair
     *                                  repeats, or a chart is misconfigured (the message names it)
     */
    public static List<SummaryRow> write(Path dir, List<SweepPoint> points, List<RunResult> runs,
                                         List<ChartConfig> charts, Manifest manifest) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("output folder " + dir + " does not exist");
        }
        List<SummaryRow> summary = summarise(points, runs);
        String runsCsv = ResultsCsv.runs(points, runs);
        String summaryCsv = ResultsCsv.summary(points, summary);
        String labelsCsv = LabelsCsv.labels(points, runs);
        String labelsSummaryCsv = LabelsCsv.summary(points, runs);
        for (ChartConfig chart : charts) {
            ChartRenderer.checkName(chart);
            ChartRenderer.chart(chart, points, summary);
        }
        Files.writeString(dir.resolve("runs.csv"), runsCsv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.csv"), summaryCsv, StandardCharsets.UTF_8);
        if (points.stream().allMatch(p -> p.scenario() != null)) {
            PaperTable.write(dir, points, summary, charts);
        }
        Files.writeString(dir.resolve("labels.csv"), labelsCsv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("labels_summary.csv"), labelsSummaryCsv, StandardCharsets.UTF_8);
        Path chartDir = dir.resolve("charts");
        // One assignment for all charts, so a series label has the same colour in each.
        SeriesColours colours = new SeriesColours();
        for (ChartConfig chart : charts) {
            ChartRenderer.write(chart, points, summary, chartDir, colours);
        }
        Files.writeString(dir.resolve("manifest.json"), ManifestJson.write(manifest), StandardCharsets.UTF_8);
        return summary;
    }
}
