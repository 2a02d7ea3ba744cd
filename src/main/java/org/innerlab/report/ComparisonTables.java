package org.innerlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.Comparison;

/**
 * A comparison as text: an aligned table for the terminal, {@code comparison.csv} for tools and
 * {@code comparison.md} (a Markdown table ready to paste into a paper). Differences are B − A.
 *
 * <p>With one condition B the tables have one row per metric. With several (B1, B2, …, each
 * against the baseline A) the text and Markdown tables gain a column naming the condition, and
 * rows run condition by condition. {@code comparison.csv} always ends with a {@code condition}
 * column holding B's label, so its layout does not depend on how many conditions there are.
 *
 * @param a      the baseline condition's label
 * @param others the labels of the conditions compared with it
 * @param rows   one list of compared metrics per condition in {@code others}, Holm-adjusted together
 * @param alpha  the family-wise significance level the "significant" column uses
 */
public record ComparisonTables(String a, List<String> others, List<List<Comparison.Row>> rows, double alpha) {
    public ComparisonTables {
        others = List.copyOf(others);
        rows = rows.stream().map(List::copyOf).toList();
        if (others.size() != rows.size() || others.isEmpty()) {
            throw new IllegalArgumentException(others.size() + " conditions but " + rows.size() + " row lists");
        }
    }

    /** Two conditions: B against A. */
    public ComparisonTables(String a, String b, List<Comparison.Row> rows, double alpha) {
        this(a, List.of(b), List.of(rows), alpha);
    }

    private static final List<String> HEADER = List.of("metric", "mean A", "mean B", "B - A", "95% CI", "cliffs delta",
            "U", "p", "p (Holm)", "significant");

    private static final List<String> CSV_HEADER = List.of("metric", "n_a", "mean_a", "n_b", "mean_b", "difference",
            "ci_low", "ci_high", "cliffs_delta", "mann_whitney_u", "p", "p_holm", "significant", "condition");
    /** How every comparison.csv and comparison.md begins: what tells a file an earlier comparison wrote. */
    private static final String CSV_START = String.join(",", CSV_HEADER);
    private static final String MARKDOWN_START = "**A**: `";

    private boolean several() {
        return others.size() > 1;
    }

    private String name(int i) {
        return several() ? "B" + (i + 1) : "B";
    }

    /**
     * Refuses, before any work, to write into {@code dir} (the {@code --out} of {@code innerlab compare})
     * when {@code dir} is not a folder, or when its {@code comparison.csv} or {@code comparison.md} is
     * something an earlier comparison did not write (another file, a folder, a symbolic link): those are
     * replaced only when they are a comparison's.
     *
     * @throws BadInputException one line naming the option, the path and what to do
     */
    public static void checkTargets(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
            throw new BadInputException("--out " + dir + " exists and is not a folder; give the folder to write "
                    + "comparison.csv and comparison.md into");
        }
        refuseForeign(dir, "comparison.csv", CSV_START);
        refuseForeign(dir, "comparison.md", MARKDOWN_START);
    }

    private static void refuseForeign(Path dir, String name, String start) throws IOException {
        Path file = dir.resolve(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !startsWith(file, start)) {
            throw new BadInputException("--out " + dir + " holds a " + name + " that innerlab compare did not "
                    + "write; give another folder, or move that file away");
        }
    }

    /** Whether {@code file} is a regular file (not a link) whose text starts with {@code start}. */
    private static boolean startsWith(Path file, String start) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        byte[] expected = start.getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Arrays.equals(in.readNBytes(expected.length), expected);
        }
    }

    /** Writes {@code comparison.csv} and {@code comparison.md} into {@code dir}, creating it when missing. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("comparison.csv"), csv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("comparison.md"), markdown(), StandardCharsets.UTF_8);
    }

    /** The table with aligned columns and a legend. */
    public String text() {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(HEADER);
        if (several()) {
            header.add(1, "B");
        }
        cells.add(header);
        for (int i = 0; i < rows.size(); i++) {
            for (Comparison.Row r : rows.get(i)) {
                List<String> row = new ArrayList<>(List.of(r.metric(), f(r.meanA()), f(r.meanB()), f(r.difference()),
                        "[" + f(r.ciLow()) + ", " + f(r.ciHigh()) + "]", f(r.cliffsDelta()), f(r.u()), p(r.p()),
                        p(r.pHolm()), r.significant(alpha) ? "yes" : ""));
                if (several()) {
                    row.add(1, name(i));
                }
                cells.add(row);
            }
        }
        int[] width = new int[header.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(a).append('\n');
        for (int i = 0; i < others.size(); i++) {
            out.append(name(i)).append(": ").append(others.get(i)).append('\n');
        }
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

    /** comparison.csv: one row per condition and metric, full precision. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        Csv.record(out, CSV_HEADER);
        for (int i = 0; i < rows.size(); i++) {
            for (Comparison.Row r : rows.get(i)) {
                Csv.record(out, List.of(r.metric(), Integer.toString(r.nA()), Numbers.format(r.meanA()),
                        Integer.toString(r.nB()), Numbers.format(r.meanB()), Numbers.format(r.difference()),
                        Numbers.format(r.ciLow()), Numbers.format(r.ciHigh()), Numbers.format(r.cliffsDelta()),
                        Numbers.format(r.u()), Numbers.format(r.p()), Numbers.format(r.pHolm()),
                        Boolean.toString(r.significant(alpha)), others.get(i)));
            }
        }
        return out.toString();
    }

    /** comparison.md: the conditions, the table, and how to read it. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(MARKDOWN_START).append(a.replace("`", "'")).append('`');
        for (int i = 0; i < others.size(); i++) {
            out.append("  \n**").append(name(i)).append("**: `").append(others.get(i).replace("`", "'")).append('`');
        }
        out.append(several() ? "\n\n| metric | condition | A | B | B − A [95% CI] | Cliff's δ | p (Holm) |\n|---|---|---:|---:|---:|---:|---:|\n"
                : "\n\n| metric | A | B | B − A [95% CI] | Cliff's δ | p (Holm) |\n|---|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < rows.size(); i++) {
            for (Comparison.Row r : rows.get(i)) {
                out.append("| ").append(r.metric().replace("|", "\\|")).append(" | ");
                if (several()) {
                    out.append(name(i)).append(" | ");
                }
                out.append(f(r.meanA())).append(" | ").append(f(r.meanB())).append(" | ")
                        .append(r.significant(alpha) ? "**" : "").append(f(r.difference()))
                        .append(r.significant(alpha) ? "**" : "").append(" [").append(f(r.ciLow())).append(", ")
                        .append(f(r.ciHigh())).append("] | ").append(f(r.cliffsDelta())).append(" | ")
                        .append(p(r.pHolm())).append(" |\n");
            }
        }
        return out.append('\n').append(legend()).append('\n').toString();
    }

    private String legend() {
        List<String> counts = new ArrayList<>();
        counts.add(first(0).map(r -> r.nA() + " in A").orElse("0 in A"));
        for (int i = 0; i < rows.size(); i++) {
            String b = name(i);
            counts.add(first(i).map(r -> r.nB() + " in " + b).orElse("0 in " + b));
        }
        long tests = rows.stream().flatMap(List::stream).filter(r -> !Double.isNaN(r.p())).count();
        Set<String> metrics = new LinkedHashSet<>();
        rows.forEach(list -> list.forEach(r -> metrics.add(r.metric())));
        String family = several()
                ? String.format(Locale.ROOT, "across all %d tests (%d metrics × %d comparisons with A, untestable "
                        + "ones left out)", tests, metrics.size(), others.size())
                : String.format(Locale.ROOT, "across the %d metrics tested", tests);
        return String.format(Locale.ROOT, "Means over runs (%s); B - A with a 95%% percentile "
                + "bootstrap interval (%d resamples); two-sided Mann-Whitney U test per metric, p adjusted by Holm "
                + "%s; significant: adjusted p < %s. Cliff's delta: P(B > A) - P(B < A) "
                + "over pairs of runs.", String.join(", ", counts), Comparison.RESAMPLES, family,
                Numbers.format(alpha));
    }

    private Optional<Comparison.Row> first(int condition) {
        return rows.get(condition).stream().findFirst();
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
