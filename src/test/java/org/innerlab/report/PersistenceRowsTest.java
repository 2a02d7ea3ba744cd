package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.PersistenceConfig;
import org.junit.jupiter.api.Test;

class PersistenceRowsTest {
    private static final PersistenceConfig CONFIG = new PersistenceConfig("backdoored", List.of("triggered"));
    private static final double[] BEFORE = {1.0, 0.8, 0.9, 0.6};

    private static SweepPoint point(int index, String condition, int width, int seedIndex) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("condition", condition);
        a.put("width", width);
        return new SweepPoint(index, a, null, seedIndex);
    }

    /** Run r at {@code point} measures {@code scale · BEFORE[r]} when triggered and 0 untriggered. */
    private static List<RunResult> runs(int point, double scale) {
        List<RunResult> runs = new ArrayList<>();
        for (int r = 0; r < BEFORE.length; r++) {
            runs.add(new RunResult(point, r, r, List.of(new MetricValue("triggered", "misbehaviour_rate", scale * BEFORE[r]),
                    new MetricValue("untriggered", "misbehaviour_rate", 0))));
        }
        return runs;
    }

    @Test
    void eachArmIsDividedByTheBackdooredPointAtTheSameOtherSweepValues() {
        // condition slowest, width fastest: seed index = the width's index, as Sweeps assigns it.
        List<SweepPoint> points = List.of(point(0, "backdoored", 8, 0), point(1, "backdoored", 128, 1),
                point(2, "sft", 8, 0), point(3, "sft", 128, 1));
        List<RunResult> runs = new ArrayList<>();
        runs.addAll(runs(0, 1.0));
        runs.addAll(runs(1, 0.5));
        runs.addAll(runs(2, 0.25));
        runs.addAll(runs(3, 0.5));
        List<SummaryRow> rows = PersistenceRows.of(CONFIG, points, runs);
        assertEquals(2, rows.size(), rows.toString());
        SummaryRow narrow = rows.get(0);
        assertEquals(2, narrow.point());
        assertEquals("triggered", narrow.distribution());
        assertEquals("backdoor_persistence", narrow.metric());
        assertEquals(4, narrow.n());
        assertEquals(0.25, narrow.mean(), 1e-12);
        // Paired: every resample divides the same runs, and each run kept exactly a quarter.
        assertEquals(0.25, narrow.ciLow(), 1e-12);
        assertEquals(0.25, narrow.ciHigh(), 1e-12);
        SummaryRow wide = rows.get(1);
        assertEquals(3, wide.point());
        assertEquals(1.0, wide.mean(), 1e-12, "0.5 of the wide backdoored point, not of the narrow one");
    }

    @Test
    void armsOnOtherSeedsGetTheWiderUnpairedInterval() {
        List<SweepPoint> points = List.of(point(0, "backdoored", 8, 0), point(1, "sft", 8, 1));
        List<RunResult> runs = new ArrayList<>(runs(0, 1.0));
        runs.addAll(runs(1, 0.25));
        SummaryRow row = PersistenceRows.of(CONFIG, points, runs).get(0);
        assertEquals(0.25, row.mean(), 1e-12);
        assertTrue(row.ciLow() < 0.25 && row.ciHigh() > 0.25, row.toString());
    }

    @Test
    void noConfigOrNoBackdooredPointMeansNoRows() {
        List<SweepPoint> points = List.of(point(0, "sft", 8, 0));
        assertTrue(PersistenceRows.of(null, points, runs(0, 1.0)).isEmpty());
        assertTrue(PersistenceRows.of(CONFIG, points, runs(0, 1.0)).isEmpty());
    }
}
