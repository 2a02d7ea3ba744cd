package org.innerlab.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.Outcome;

/**
 * The text of {@code labels.csv} and {@code labels_summary.csv}: each run's {@link Outcome} labels
 * and their shares per sweep point.
 *
 * <p>The labels live in files of their own rather than as a column of {@code runs.csv}: a run has
 * several metric rows but one set of labels (possibly several labels), and {@code runs.csv} keeps its
 * numeric long format that readers, {@code compare} and the HTML report already parse. Labels are
 * derived from {@code runs.csv} alone, so these files never disagree with it or with the report.
 */
public final class LabelsCsv {
    private LabelsCsv() {
    }

    /**
     * {@code labels.csv}: header {@code point,<swept paths>,seed,label}; one row per run × label,
     * ordered by point, run, then the label order {@link Outcome#labels} documents.
     */
    public static String labels(List<SweepPoint> points, List<RunResult> runs) {
        PointIndex index = new PointIndex(points);
        StringBuilder out = new StringBuilder(48 * (1 + runs.size()));
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(index.keys());
        header.addAll(List.of("seed", "label"));
        Csv.record(out, header);
        for (RunResult run : ResultsCsv.inRunOrder(runs)) {
            for (String label : Outcome.labels(run.metrics())) {
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(run.point()));
                row.addAll(index.formattedValues(run.point()));
                row.add(Integer.toString(run.run()));
                row.add(label);
                Csv.record(out, row);
            }
        }
        return out.toString();
    }

    /**
     * {@code labels_summary.csv}: header {@code point,<swept paths>,label,runs,share}; for every point
     * that has runs, one row per label seen in any run of the experiment (first-seen order, so every
     * point lists the same labels, with 0 where none of its runs carries it). {@code runs} counts the
     * point's runs with the label and {@code share} divides by the point's run count; a run may carry
     * several labels, so shares may sum to more than 1.
     */
    public static String summary(List<SweepPoint> points, List<RunResult> runs) {
        PointIndex index = new PointIndex(points);
        Set<String> seen = new LinkedHashSet<>();
        TreeMap<Integer, Map<String, Integer>> counts = new TreeMap<>();
        TreeMap<Integer, Integer> totals = new TreeMap<>();
        for (RunResult run : ResultsCsv.inRunOrder(runs)) {
            totals.merge(run.point(), 1, Integer::sum);
            Map<String, Integer> c = counts.computeIfAbsent(run.point(), p -> new LinkedHashMap<>());
            for (String label : Outcome.labels(run.metrics())) {
                seen.add(label);
                c.merge(label, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(48 * (1 + seen.size() * counts.size()));
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(index.keys());
        header.addAll(List.of("label", "runs", "share"));
        Csv.record(out, header);
        for (Map.Entry<Integer, Map<String, Integer>> point : counts.entrySet()) {
            int total = totals.get(point.getKey());
            for (String label : seen) {
                int n = point.getValue().getOrDefault(label, 0);
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(point.getKey()));
                row.addAll(index.formattedValues(point.getKey()));
                row.add(label);
                row.add(Integer.toString(n));
                row.add(Numbers.format((double) n / total));
                Csv.record(out, row);
            }
        }
        return out.toString();
    }

    /**
     * The runs of one sweep point and how many of them carry each label, as {@code labels.csv} lists them.
     *
     * @param point  the point's index and, when the scenario sweeps, its values ({@code point 1, x=5})
     * @param runs   the point's runs
     * @param counts runs per label, in the order labels first appear in the file
     */
    public record PointLabels(String point, int runs, Map<String, Integer> counts) {
        public PointLabels {
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }

    /** Each point's label counts, read back from the text of a {@code labels.csv} that {@link #labels} wrote. */
    public static List<PointLabels> tally(String labelsCsv) {
        List<List<String>> records = Csv.parse(labelsCsv, "labels.csv");
        List<String> header = records.get(0);
        List<String> swept = header.subList(1, header.size() - 2);
        Map<String, Set<String>> seeds = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (List<String> row : records.subList(1, records.size())) {
            StringBuilder point = new StringBuilder("point ").append(row.get(0));
            for (int i = 0; i < swept.size(); i++) {
                point.append(", ").append(swept.get(i)).append('=').append(row.get(1 + i));
            }
            String key = point.toString();
            seeds.computeIfAbsent(key, k -> new HashSet<>()).add(row.get(row.size() - 2));
            counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(row.get(row.size() - 1), 1, Integer::sum);
        }
        List<PointLabels> points = new ArrayList<>();
        counts.forEach((point, c) -> points.add(new PointLabels(point, seeds.get(point).size(), c)));
        return points;
    }
}
