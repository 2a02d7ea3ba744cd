package org.innerlab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.BackdoorPersistence;
import org.innerlab.measure.Bootstrap;
import org.innerlab.measure.MeanEstimate;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Conditions;
import org.innerlab.scenario.PersistenceConfig;

/**
 * The {@code <distribution>/backdoor_persistence} rows of summary.csv ({@code report.backdoor_persistence}):
 * at every point whose condition is not the "before" condition, the misbehaviour rate on each named
 * distribution divided by the rate at the before-condition's point with the same values of every other
 * swept key ({@link BackdoorPersistence}). Conditions share their seeds ({@link SweepPoint#seedIndex()}),
 * so run i after safety training continues run i's backdoored learner and the bootstrap is paired; a
 * point whose runs do not line up with its before-point's (other seeds, other run indices) gets the
 * unpaired bootstrap instead.
 */
final class PersistenceRows {
    private static final String MISBEHAVIOUR = "misbehaviour_rate";

    private PersistenceRows() {
    }

    /** The rows, in point order; none when {@code config} is null. */
    static List<SummaryRow> of(PersistenceConfig config, List<SweepPoint> points, List<RunResult> runs) {
        List<SummaryRow> rows = new ArrayList<>();
        if (config == null) {
            return rows;
        }
        Map<Integer, TreeMap<Integer, RunResult>> byPoint = byPoint(runs);
        for (SweepPoint after : points) {
            if (config.before().equals(after.assignments().get(Conditions.KEY))) {
                continue;
            }
            SweepPoint before = conditionPoint(config.before(), points, after);
            TreeMap<Integer, RunResult> afterRuns = byPoint.get(after.index());
            TreeMap<Integer, RunResult> beforeRuns = before == null ? null : byPoint.get(before.index());
            if (afterRuns == null || beforeRuns == null) {
                continue;
            }
            boolean paired = before.seedIndex() == after.seedIndex() && beforeRuns.keySet().equals(afterRuns.keySet());
            for (String d : config.distributions()) {
                double[] b = values(beforeRuns, d, MISBEHAVIOUR);
                double[] a = values(afterRuns, d, MISBEHAVIOUR);
                if (b.length == 0 || a.length == 0) {
                    continue;
                }
                MeanEstimate e = BackdoorPersistence.estimate(b, a, paired && a.length == b.length,
                        Bootstrap.seedFor(after.index(), d, BackdoorPersistence.METRIC));
                rows.add(new SummaryRow(after.index(), d, BackdoorPersistence.METRIC, e.n(), e.mean(), e.ciLow(),
                        e.ciHigh()));
            }
        }
        return rows;
    }

    /** Every run's result by point, then by run index. */
    static Map<Integer, TreeMap<Integer, RunResult>> byPoint(List<RunResult> runs) {
        Map<Integer, TreeMap<Integer, RunResult>> byPoint = new HashMap<>();
        for (RunResult r : runs) {
            byPoint.computeIfAbsent(r.point(), p -> new TreeMap<>()).put(r.run(), r);
        }
        return byPoint;
    }

    /** The point of {@code condition} with the same values of every other swept key as {@code after}, or null. */
    static SweepPoint conditionPoint(String condition, List<SweepPoint> points, SweepPoint after) {
        Map<String, Object> wanted = new LinkedHashMap<>(after.assignments());
        wanted.put(Conditions.KEY, condition);
        for (SweepPoint p : points) {
            if (Objects.equals(p.assignments(), wanted)) {
                return p;
            }
        }
        return null;
    }

    /** {@code metric} on {@code distribution} of every run that measured it, in run order. */
    static double[] values(TreeMap<Integer, RunResult> runs, String distribution, String metric) {
        List<Double> rates = new ArrayList<>();
        for (RunResult r : runs.values()) {
            for (MetricValue m : r.metrics()) {
                if (m.distribution().equals(distribution) && m.metric().equals(metric)) {
                    rates.add(m.value());
                }
            }
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
