package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.junit.jupiter.api.Test;

class SweepLinesTest {
    private static final String X = "environment.train.random_coin_percent";

    private static SweepPoint point(int index, Object... keyValues) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            a.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new SweepPoint(index, a, null);
    }

    private static ChartConfig chart(String x, List<String> y, List<String> labels) {
        return new ChartConfig("sweep", "c", "title", x, y, labels, null, null);
    }

    private static final List<SweepPoint> POINTS = List.of(point(0, X, 10), point(1, X, 0), point(2, X, 5));
    private static final List<SummaryRow> ROWS = List.of(
            new SummaryRow(0, "test", "got_coin", 4, 0.75, 0.5, 0.875),
            new SummaryRow(1, "test", "got_coin", 4, 0.25, 0.125, 0.5),
            new SummaryRow(2, "test", "got_coin", 3, Double.NaN, Double.NaN, Double.NaN),
            new SummaryRow(0, "test", "true/return", 4, 2, 1, 3));

    @Test
    void aSeriesPlotsMeanAndIntervalInAscendingX() {
        List<SweepLines.Line> lines = SweepLines.of(chart(X, List.of("test/got_coin"), List.of()), POINTS, ROWS);
        // Point 2's mean is NaN, so it is left out; points are sorted by x, not by index.
        assertEquals(List.of(new SweepLines.Line("test/got_coin", List.of(
                new SweepLines.Point(0, 0.25, 0.125, 0.5),
                new SweepLines.Point(10, 0.75, 0.5, 0.875)), Set.of(4))), lines);
    }

    @Test
    void oneMinusSeriesFlipsTheInterval() {
        List<SweepLines.Line> lines = SweepLines.of(chart(X, List.of("1-test/got_coin"), List.of("missed")), POINTS, ROWS);
        assertEquals(List.of(new SweepLines.Point(0, 0.75, 0.5, 0.875), new SweepLines.Point(10, 0.25, 0.125, 0.5)),
                lines.get(0).points());
        assertEquals("missed", lines.get(0).label());
    }

    @Test
    void metricNamesMayContainSlashesAndMissingPointsAreSkipped() {
        List<SweepLines.Line> lines = SweepLines.of(chart(X, List.of("test/true/return"), List.of()), POINTS, ROWS);
        assertEquals(List.of(new SweepLines.Point(10, 2, 1, 3)), lines.get(0).points());
    }

    @Test
    void otherSweepKeysSplitEachSeriesIntoOneLinePerCombination() {
        List<SweepPoint> points = List.of(
                point(0, "learner.params.hidden", 8, X, 0, "data.hidden", true),
                point(1, "learner.params.hidden", 8, X, 5, "data.hidden", true),
                point(2, "learner.params.hidden", 32, X, 0, "data.hidden", true),
                point(3, "learner.params.hidden", 32, X, 5, "data.hidden", true));
        List<SummaryRow> rows = List.of(
                new SummaryRow(0, "test", "m", 1, 0.1, 0.1, 0.1), new SummaryRow(1, "test", "m", 1, 0.2, 0.2, 0.2),
                new SummaryRow(2, "test", "m", 1, 0.3, 0.3, 0.3), new SummaryRow(3, "test", "m", 1, 0.4, 0.4, 0.4));
        List<SweepLines.Line> lines = SweepLines.of(chart(X, List.of("test/m"), List.of("m")), points, rows);
        assertEquals(2, lines.size());
        // Both other keys end in "hidden", so neither can be shortened to its last segment.
        assertEquals("m (learner.params.hidden=8, data.hidden=true)", lines.get(0).label());
        assertEquals(List.of(new SweepLines.Point(0, 0.1, 0.1, 0.1), new SweepLines.Point(5, 0.2, 0.2, 0.2)),
                lines.get(0).points());
        assertEquals("m (learner.params.hidden=32, data.hidden=true)", lines.get(1).label());
        assertEquals(List.of(new SweepLines.Point(0, 0.3, 0.3, 0.3), new SweepLines.Point(5, 0.4, 0.4, 0.4)),
                lines.get(1).points());
    }

    @Test
    void misconfiguredChartsFailNamingTheChartAndTheProblem() {
        assertEquals("chart 'c': no summary values for 'test/got_con' (available: test/got_coin, test/true/return)",
                message(chart(X, List.of("test/got_con"), List.of()), POINTS));
        assertEquals("chart 'c': x 'seeds' is not a swept parameter (swept: [" + X + "])",
                message(chart("seeds", List.of("test/got_coin"), List.of()), POINTS));
        assertEquals("chart 'c': x '" + X + "' must be numeric, but point 0 has low",
                message(chart(X, List.of("test/got_coin"), List.of()), List.of(point(0, X, "low"))));
        assertEquals("chart 'c': y series 'got_coin' is not distribution/metric or 1-distribution/metric",
                message(chart(X, List.of("got_coin"), List.of()), POINTS));
        assertEquals("chart 'c': 2 labels for 1 y series",
                message(chart(X, List.of("test/got_coin"), List.of("a", "b")), POINTS));
        assertEquals("chart 'c': unknown kind 'bar' (supported: sweep)",
                message(new ChartConfig("bar", "c", null, X, List.of("test/got_coin"), List.of(), null, null), POINTS));
    }

    private static String message(ChartConfig chart, List<SweepPoint> points) {
        return assertThrows(IllegalArgumentException.class, () -> SweepLines.of(chart, points, ROWS)).getMessage();
    }
}
