package org.innerlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.Outcome;
import org.innerlab.measure.SummaryRow;

/**
 * The text of {@code runs.csv} and {@code summary.csv}.
 *
 * <p>Both are long-format tables (one value per row) with one column per swept parameter, named by
 * its dotted path, so they load directly into pandas or R. Numbers are written by
 * {@link Numbers#format(double)}, so the same results give the same bytes on any JVM; fields are
 * quoted as {@link Csv} describes.
 */
public final class ResultsCsv {
    /** The columns of {@code runs.csv} after the sweep point's. */
    static final List<String> RUNS_TAIL = List.of("seed", "distribution", "metric", "value", "ci_low", "ci_high",
            "label");

    private ResultsCsv() {
    }

    /**
     * {@code runs.csv}: header {@code point,<swept paths>,seed,distribution,metric,value,ci_low,ci_high,label};
     * one row per run × metric value, ordered by point, run, then the run's own metric order.
     * {@code seed} is the run index within its point (the derived 64-bit seeds are in the manifest);
     * {@code ci_low}/{@code ci_high} are the 95% interval over the run's evaluation episodes (empty
     * where the metric has none); {@code label} is the run's {@link Outcome} classification, the same
     * on each of its rows, several labels joined by {@code ;}.
     */
    public static String runs(List<SweepPoint> points, List<RunResult> runs) {
        PointIndex index = new PointIndex(points);
        StringBuilder out = new StringBuilder(64 * (1 + runs.size()));
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(index.keys());
        header.addAll(RUNS_TAIL);
        Csv.record(out, header);
        for (RunResult run : inRunOrder(runs)) {
            String label = String.join(";", Outcome.labels(run.metrics()));
            List<String> prefix = new ArrayList<>();
            prefix.add(Integer.toString(run.point()));
            prefix.addAll(index.formattedValues(run.point()));
            prefix.add(Integer.toString(run.run()));
            for (MetricValue v : run.metrics()) {
                List<String> row = new ArrayList<>(prefix);
                row.add(v.distribution());
                row.add(v.metric());
                row.add(Numbers.format(v.value()));
                row.add(v.hasInterval() ? Numbers.format(v.ciLow()) : "");
                row.add(v.hasInterval() ? Numbers.format(v.ciHigh()) : "");
                row.add(label);
                Csv.record(out, row);
            }
        }
        return out.toString();
    }

    /**
     * {@code summary.csv}: header
     * {@code point,<swept paths>,distribution,metric,n,mean,ci_low,ci_high}; rows in the given order
     * (the {@link org.innerlab.measure.Summariser}'s order).
     */
    public static String summary(List<SweepPoint> points, List<SummaryRow> rows) {
        PointIndex index = new PointIndex(points);
        StringBuilder out = new StringBuilder(80 * (1 + rows.size()));
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(index.keys());
        header.addAll(List.of("distribution", "metric", "n", "mean", "ci_low", "ci_high"));
        Csv.record(out, header);
        for (SummaryRow r : rows) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r.point()));
            row.addAll(index.formattedValues(r.point()));
            row.add(r.distribution());
            row.add(r.metric());
            row.add(Integer.toString(r.n()));
            row.add(Numbers.format(r.mean()));
            row.add(Numbers.format(r.ciLow()));
            row.add(Numbers.format(r.ciHigh()));
            Csv.record(out, row);
        }
        return out.toString();
    }

    /**
     * The runs sorted by (point, run): a parallel executor may finish them in any order, and the
     * tables must not depend on that. Fails if a (point, run) pair occurs twice.
     */
    static List<RunResult> inRunOrder(List<RunResult> runs) {
        List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt(RunResult::point).thenComparingInt(RunResult::run));
        for (int i = 1; i < sorted.size(); i++) {
            RunResult a = sorted.get(i - 1);
            RunResult b = sorted.get(i);
            if (a.point() == b.point() && a.run() == b.run()) {
                throw new IllegalArgumentException("two results for run " + a.run() + " of sweep point " + a.point());
            }
        }
        return sorted;
    }
}
