package org.innerlab.scenario;

import java.util.List;

/**
 * What the report shows beyond the CSV files and charts.
 *
 * @param animations  distributions to record an animation of (run 0 of point 0 playing them), in order;
 *                    empty for none
 * @param frames      frames per animation
 * @param table       the columns of the paper table ({@code summary.md}), each {@code distribution/metric}
 *                    of an evaluated distribution or a contrast {@code a-vs-b}; empty for the default
 *                    (hidden performance and misbehaviour rate on each evaluated distribution, then every
 *                    conditional-misbehaviour gap: {@code org.innerlab.report.PaperTable})
 * @param tableLabels one column heading per {@code table} entry; empty to use the default headings
 * @param persistence which condition is the "before" of {@code backdoor_persistence} rows, and on which
 *                    distributions; null for none
 * @param gapRecovered which conditions are the weak supervisor and the strong ceiling of {@code pgr} rows, on
 *                     which metric and distributions; null for none
 * @param auditing     how the auditing game's scores become detection and false-positive rates; null for none
 */
public record ReportConfig(List<String> animations, int frames, List<String> table, List<String> tableLabels,
                           PersistenceConfig persistence, GapRecoveredConfig gapRecovered, AuditingConfig auditing) {
    /** Frames per animation when the scenario does not say: 15 s at the recorder's four frames a second. */
    public static final int DEFAULT_FRAMES = 60;
    /** The most frames an animation may have: each is embedded in the self-contained report. */
    public static final int MAX_FRAMES = 600;
    /** No animations, the default table. */
    public static final ReportConfig NONE = new ReportConfig(List.of(), DEFAULT_FRAMES);

    public ReportConfig {
        animations = List.copyOf(animations);
        table = List.copyOf(table);
        tableLabels = List.copyOf(tableLabels);
        if (!tableLabels.isEmpty() && tableLabels.size() != table.size()) {
            throw new IllegalArgumentException("table_labels has " + tableLabels.size() + " labels for "
                    + table.size() + " table columns");
        }
    }

    /** Without the auditing game's rows. */
    public ReportConfig(List<String> animations, int frames, List<String> table, List<String> tableLabels,
                        PersistenceConfig persistence, GapRecoveredConfig gapRecovered) {
        this(animations, frames, table, tableLabels, persistence, gapRecovered, null);
    }

    /** Animations only, with the default table and no persistence rows. */
    public ReportConfig(List<String> animations, int frames) {
        this(animations, frames, List.of(), List.of(), null, null);
    }

    /** These extras with the paper table's columns replaced. */
    public ReportConfig withTable(List<String> columns, List<String> labels) {
        return new ReportConfig(animations, frames, columns, labels, persistence, gapRecovered, auditing);
    }

    /** These extras with {@code backdoor_persistence} rows (null for none). */
    public ReportConfig withPersistence(PersistenceConfig newPersistence) {
        return new ReportConfig(animations, frames, table, tableLabels, newPersistence, gapRecovered, auditing);
    }

    /** These extras with {@code pgr} rows (null for none). */
    public ReportConfig withGapRecovered(GapRecoveredConfig newGapRecovered) {
        return new ReportConfig(animations, frames, table, tableLabels, persistence, newGapRecovered, auditing);
    }

    /** These extras with the auditing game's rows (null for none). */
    public ReportConfig withAuditing(AuditingConfig newAuditing) {
        return new ReportConfig(animations, frames, table, tableLabels, persistence, gapRecovered, newAuditing);
    }
}
