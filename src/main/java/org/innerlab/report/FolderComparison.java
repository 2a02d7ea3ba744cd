package org.innerlab.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.measure.Comparison;

/**
 * The rules of {@code innerlab compare}: conditions read from run folders ({@link Condition}) are
 * compared metric by metric against the first, the baseline A ({@link Comparison#compareAll}), and
 * refused when the comparison would mislead: runs of different environments or environment versions,
 * results of different innerlab versions (metric definitions may differ), or different measured
 * metrics.
 */
public final class FolderComparison {
    private FolderComparison() {
    }

    /**
     * Reads every condition, checks that each B may be compared with A, and compares them.
     *
     * @param a      the baseline condition as written on the command line ({@code FOLDER[#point]})
     * @param others the conditions compared with it
     * @param alpha  the family-wise significance level of the tables
     * @throws IOException              when a folder cannot be read
     * @throws IllegalArgumentException when a condition does not name one point, or the conditions may
     *                                  not be compared (the message says why)
     * @throws org.innerlab.scenario.ScenarioException when a folder's {@code scenario.yaml} no longer validates
     */
    public static ComparisonTables compare(String a, List<String> others, double alpha) throws IOException {
        Condition ca = Condition.parse(a);
        List<Condition> cbs = new ArrayList<>();
        for (String b : others) {
            cbs.add(Condition.parse(b));
        }
        String versionA = ca.folder().manifestText("innerlab_version", "?");
        for (int i = 0; i < cbs.size(); i++) {
            Condition cb = cbs.get(i);
            String b = cbs.size() == 1 ? "B" : "B" + (i + 1);
            if (!ca.environmentId().equals(cb.environmentId())) {
                throw new IllegalArgumentException("refusing to compare runs of different environments or environment "
                        + "versions: A ran " + ca.environmentId() + ", " + b + " ran " + cb.environmentId());
            }
            String versionB = cb.folder().manifestText("innerlab_version", "?");
            if (!versionA.equals(versionB)) {
                throw new IllegalArgumentException("refusing to compare results of innerlab " + versionA + " (A) and "
                        + versionB + " (" + b + "): metric definitions may differ between versions; rerun one of them");
            }
        }
        List<List<Comparison.Row>> rows;
        try {
            rows = Comparison.compareAll(ca.samples(), cbs.stream().map(Condition::samples).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("refusing: " + e.getMessage(), e);
        }
        return new ComparisonTables(a, others, rows, alpha);
    }
}
