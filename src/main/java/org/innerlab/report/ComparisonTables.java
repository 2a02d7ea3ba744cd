package org.innerlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.innerlab.measure.Comparison;

/**
 * A comparison as text: an aligned table for the terminal, {@code comparison.csv} for tools and
 * {@code comparison.md} (a Markdown table ready to paste into a paper). Differences are B − A.
 *
 * @param a     condition A's label
 * @param b     condition B's label
 * @param rows  the compared metrics
 * @param alpha the family-wise significance level the "significant" column uses
 */
public record ComparisonTables(String a, String b, List<Comparison.Row> rows, double alpha) {
    public ComparisonTables {
        rows = List.copyOf(rows);
    }

    private static final List<String> HEADER = List.of("metric", "mean A", "mean B", "B - A", "95% CI", "cliffs delta",
            "U", "p", "p (Holm)", "significant");

    /** The table with aligned columns and a legend. */
    public String text() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Comparison.Row r : rows) {
            cells.add(List.of(r.metric(), f(r.meanA()), f(r.meanB()), f(r.difference()),
                    "[" + f(r.ciLow()) + ", " + f(r.ciHigh()) + "]", f(r.cliffsDelta()), f(r.u()), p(r.p()),
                    p(r.pHolm()), r.significant(alpha) ? "yes" : ""));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(a).append('\n').append("B: ").append(b).append('\n');
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(i == 0 ? String.format("%-" + width[i] + "s", cell) : "  " + String.format("%" + width[i] + "s", cell));
            }
            out.append('\n');
        }
        out.append(legend()).append('\n');
        return out.toString();
    }

    /** comparison.csv: one row per metric, full precision. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        Csv.record(out, List.of("metric", "n_a", "mean_a", "n_b", "mean_b", "difference", "ci_low", "ci_high",
                "cliffs_delta", "mann_whitney_u", "p", "p_holm", "significant"));
        for (Comparison.Row r : rows) {
            Csv.record(out, List.of(r.metric(), Integer.toString(r.nA()), Numbers.format(r.meanA()),
                    Integer.toString(r.nB()), Numbers.format(r.meanB()), Numbers.format(r.difference()),
                    Numbers.format(r.ciLow()), Numbers.format(r.ciHigh()), Numbers.format(r.cliffsDelta()),
                    Numbers.format(r.u()), Numbers.format(r.p()), Numbers.format(r.pHolm()),
                    Boolean.toString(r.significant(alpha))));
        }
        return out.toString();
    }

    /** comparison.md: the conditions, the table, and how to read it. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("**A**: `").append(a.replace("`", "'")).append("`  \n**B**: `").append(b.replace("`", "'"))
                .append("`\n\n| metric | A | B | B − A [95% CI] | Cliff's δ | p (Holm) |\n|---|---:|---:|---:|---:|---:|\n");
        for (Comparison.Row r : rows) {
            out.append("| ").append(r.metric().replace("|", "\\|")).append(" | ").append(f(r.meanA())).append(" | ")
                    .append(f(r.meanB())).append(" | ").append(r.significant(alpha) ? "**" : "").append(f(r.difference()))
                    .append(r.significant(alpha) ? "**" : "").append(" [").append(f(r.ciLow())).append(", ")
                    .append(f(r.ciHigh())).append("] | ").append(f(r.cliffsDelta())).append(" | ").append(p(r.pHolm()))
                    .append(" |\n");
        }
        return out.append('\n').append(legend()).append('\n').toString();
    }

    private String legend() {
        int n = rows.isEmpty() ? 0 : rows.get(0).nA();
        int m = rows.isEmpty() ? 0 : rows.get(0).nB();
        return String.format(Locale.ROOT, "Means over runs (%d in A, %d in B); B - A with a 95%% percentile "
                + "bootstrap interval (%d resamples); two-sided Mann-Whitney U test per metric, p adjusted by Holm "
                + "across the %d metrics tested; significant: adjusted p < %s. Cliff's delta: P(B > A) - P(B < A) "
                + "over pairs of runs.", n, m, Comparison.RESAMPLES,
                rows.stream().filter(r -> !Double.isNaN(r.p())).count(), Numbers.format(alpha));
    }

    private static String f(double v) {
        return HtmlReport.format(v);
    }

    private static String p(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 0.001 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
