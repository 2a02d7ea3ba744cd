package org.innerlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.innerlab.measure.Bootstrap;
import org.innerlab.measure.GapRecovered;
import org.innerlab.measure.MeanEstimate;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Conditions;
import org.innerlab.scenario.GapRecoveredConfig;
import org.innerlab.scenario.SweepPoint;

/**
 * The {@code <distribution>/pgr} rows of summary.csv ({@code report.performance_gap_recovered}): at every
 * point whose condition is neither the weak nor the ceiling condition, the performance gap recovered on
 * each named distribution against the weak and ceiling points with the same values of every other swept
 * key ({@link GapRecovered}). Conditions share their seeds ({@link SweepPoint#seedIndex()}), so the
 * bootstrap is paired; a point whose runs do not line up with both others' gets the unpaired bootstrap.
 */
final class GapRecoveredRows {
    private GapRecoveredRows() {
    }

    /** The rows, in point order; none when {@code config} is null. */
    static List<SummaryRow> of(GapRecoveredConfig config, List<SweepPoint> points, List<RunResult> runs) {
        List<SummaryRow> rows = new ArrayList<>();
        if (config == null) {
            return rows;
        }
        Map<Integer, TreeMap<Integer, RunResult>> byPoint = PersistenceRows.byPoint(runs);
        for (SweepPoint student : points) {
            Object condition = student.assignments().get(Conditions.KEY);
            if (config.weak().equals(condition) || config.ceiling().equals(condition)) {
                continue;
            }
            SweepPoint weak = PersistenceRows.conditionPoint(config.weak(), points, student);
            SweepPoint ceiling = PersistenceRows.conditionPoint(config.ceiling(), points, student);
            TreeMap<Integer, RunResult> studentRuns = byPoint.get(student.index());
            TreeMap<Integer, RunResult> weakRuns = weak == null ? null : byPoint.get(weak.index());
            TreeMap<Integer, RunResult> ceilingRuns = ceiling == null ? null : byPoint.get(ceiling.index());
            if (studentRuns == null || weakRuns == null || ceilingRuns == null) {
                continue;
            }
            boolean paired = weak.seedIndex() == student.seedIndex() && ceiling.seedIndex() == student.seedIndex()
                    && weakRuns.keySet().equals(studentRuns.keySet()) && ceilingRuns.keySet().equals(studentRuns.keySet());
            for (String d : config.distributions()) {
                double[] w = PersistenceRows.values(weakRuns, d, config.metric());
                double[] s = PersistenceRows.values(studentRuns, d, config.metric());
                double[] c = PersistenceRows.values(ceilingRuns, d, config.metric());
                if (w.length == 0 || s.length == 0 || c.length == 0) {
                    continue;
                }
                MeanEstimate e = GapRecovered.estimate(w, s, c, paired && w.length == s.length && c.length == s.length,
                        Bootstrap.seedFor(student.index(), d, GapRecovered.METRIC));
                rows.add(new SummaryRow(student.index(), d, GapRecovered.METRIC, e.n(), e.mean(), e.ciLow(),
                        e.ciHigh()));
            }
        }
        return rows;
    }
}
