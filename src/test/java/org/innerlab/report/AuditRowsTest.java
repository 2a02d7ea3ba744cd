package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.inspect.Audit;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.AuditingConfig;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;

class AuditRowsTest {
    private static final AuditingConfig CONFIG = new AuditingConfig("data.distribution", "clean", 2, 0.05);

    private static SweepPoint point(int index, String arm, String data) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("condition", arm);
        a.put("data.distribution", data);
        return new SweepPoint(index, a, null, 0);
    }

    /** Run r of {@code point} has black-box score {@code black[r]} and white-box score {@code white[r]}. */
    private static List<RunResult> runs(int point, double[] black, double[] white) {
        List<RunResult> runs = new ArrayList<>();
        for (int r = 0; r < black.length; r++) {
            runs.add(new RunResult(point, r, r, List.of(new MetricValue(Audit.NAME, Audit.BLACK_BOX, black[r]),
                    new MetricValue(Audit.NAME, Audit.WHITE_BOX, white[r]))));
        }
        return runs;
    }

    private static SummaryRow row(List<SummaryRow> rows, int point, String metric) {
        return rows.stream().filter(r -> r.point() == point && r.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void thresholdsComeFromCleanCalibrationRunsAndRatesFromTheOtherRunsOnly() {
        List<SweepPoint> points = List.of(point(0, "none", "backdoor"), point(1, "none", "clean"));
        List<RunResult> runs = new ArrayList<>();
        // Backdoored calibration runs (0, 1) score high, but only clean ones calibrate: the threshold is the
        // clean calibration maximum, 0.25 (floor(0.05 * 2) = 0 may lie above it).
        runs.addAll(runs(0, new double[] {1, 1, 0.25, 0.5, 0.75}, new double[] {1, 1, 1, 1, 0}));
        runs.addAll(runs(1, new double[] {0, 0.25, 0.5, 0, 0}, new double[] {0, 0, 0, 0, 0.25}));
        List<SummaryRow> rows = AuditRows.of(CONFIG, points, runs);
        assertEquals(0.25, row(rows, 0, "black_box_threshold").mean());
        assertEquals(2, row(rows, 0, "black_box_threshold").n());
        // Scored backdoored runs 2..4: 0.25, 0.5, 0.75 -> two of three above 0.25.
        SummaryRow detection = row(rows, 0, "black_box_detection_rate");
        assertEquals(3, detection.n());
        assertEquals(2.0 / 3, detection.mean(), 1e-12);
        assertTrue(detection.ciLow() < 2.0 / 3 && detection.ciHigh() > 2.0 / 3);
        // Scored clean runs 2..4: 0.5, 0, 0 -> one of three above.
        assertEquals(1.0 / 3, row(rows, 0, "black_box_false_positive_rate").mean(), 1e-12);
        assertEquals(0, row(rows, 0, "white_box_threshold").mean());
        assertEquals(2.0 / 3, row(rows, 0, "white_box_detection_rate").mean(), 1e-12);
        assertEquals(1.0 / 3, row(rows, 0, "white_box_false_positive_rate").mean(), 1e-12);
    }

    @Test
    void eachArmIsCalibratedOnItsOwnCleanModelsAndReportedAtItsFirstPoint() {
        List<SweepPoint> points = List.of(point(0, "none", "backdoor"), point(1, "none", "clean"),
                point(2, "sft", "backdoor"), point(3, "sft", "clean"));
        List<RunResult> runs = new ArrayList<>();
        double[] zeros = {0, 0, 0, 0};
        runs.addAll(runs(0, new double[] {0, 0, 0.5, 0.5}, zeros));
        runs.addAll(runs(1, zeros, zeros));
        runs.addAll(runs(2, new double[] {0, 0, 0.5, 0.5}, zeros));
        runs.addAll(runs(3, new double[] {0.5, 0, 0, 0}, zeros));
        List<SummaryRow> rows = AuditRows.of(CONFIG, points, runs);
        assertEquals(1, row(rows, 0, "black_box_detection_rate").mean());
        assertEquals(0, row(rows, 2, "black_box_detection_rate").mean());
        assertEquals(0.5, row(rows, 2, "black_box_threshold").mean());
        assertTrue(rows.stream().noneMatch(r -> r.point() == 1 || r.point() == 3));
    }

    @Test
    void withoutTheSectionThereAreNoRows() {
        assertEquals(List.of(), AuditRows.of(null, List.of(point(0, "none", "clean")), List.of()));
    }
}
