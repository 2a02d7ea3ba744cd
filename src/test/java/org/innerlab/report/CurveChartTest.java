package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.OveroptimisationFit;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class CurveChartTest {
    private static final String N = "training.0.rater.comparisons";

    private static SweepPoint point(int index, int comparisons) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(N, comparisons);
        return new SweepPoint(index, a, null);
    }

    private static ChartConfig chart(String x, String y, boolean fit) {
        return new ChartConfig("curve", "c", "title", x, List.of(y), List.of("true"), null, null, List.of(), fit);
    }

    /** Point p's best-of-n at n = 1, 4, 16 (KL from the formula) and its training curve at 0, 100, 200 steps. */
    private static List<SummaryRow> rows() {
        List<SummaryRow> rows = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int[] ns = {1, 4, 16};
            for (int i = 0; i < ns.length; i++) {
                double kl = Math.log(ns[i]) - (ns[i] - 1.0) / ns[i];
                double d = Math.sqrt(kl);
                rows.add(new SummaryRow(p, "train-bon@" + ns[i], "kl_to_initial", 5, kl, kl, kl));
                double y = -10 + d * (3 - (p + 1) * d);
                rows.add(new SummaryRow(p, "train-bon@" + ns[i], "true_return", 5, y, y - 1, y + 1));
            }
            for (int steps : new int[] {200, 0, 100}) {
                rows.add(new SummaryRow(p, "train@" + steps, "kl_to_initial", 5, steps / 25.0, 0, 0));
                rows.add(new SummaryRow(p, "train@" + steps, "true_return", 5, steps / 10.0, 0, 0));
            }
        }
        return rows;
    }

    @Test
    void overStepsTheXIsTheNumberAfterTheAtSignOneLinePerSweepPoint() {
        List<CurveChart.Line> lines = CurveChart.lines(chart("steps", "train/true_return", false),
                List.of(point(0, 10), point(1, 300)), rows());
        assertEquals(List.of("true (comparisons=10)", "true (comparisons=300)"),
                lines.stream().map(CurveChart.Line::label).toList());
        assertEquals(List.of(new CurveChart.Point(0, 0, 0, 0), new CurveChart.Point(100, 10, 0, 0),
                new CurveChart.Point(200, 20, 0, 0)), lines.get(0).points());
    }

    @Test
    void overSqrtKlTheBestOfNFitRecoversTheCurveThroughItsStart() {
        List<CurveChart.Line> lines = CurveChart.lines(chart("sqrt_kl", "train-bon/true_return", true),
                List.of(point(0, 10), point(1, 300)), rows());
        CurveChart.Line second = lines.get(1);
        assertEquals(Math.sqrt(Math.log(4) - 0.75), second.points().get(1).x(), 1e-12);
        OveroptimisationFit.Fit fit = CurveChart.fit(second);
        assertNotNull(fit);
        assertEquals(OveroptimisationFit.Form.BEST_OF_N, fit.form());
        assertEquals(3, fit.alpha(), 1e-9);
        assertEquals(2, fit.beta(), 1e-9);
        JFreeChart drawn = ChartRenderer.chart(chart("sqrt_kl", "train-bon/true_return", true),
                List.of(point(0, 10), point(1, 300)), rows());
        // Two lines with their bands, and one dashed fit per line.
        assertEquals(2, drawn.getXYPlot().getDataset(0).getSeriesCount());
        assertEquals(2, drawn.getXYPlot().getDataset(1).getSeriesCount());
    }

    @Test
    void aLineWithoutAPointAtTheStartIsNotFittedAndAMissingSeriesIsAnError() {
        CurveChart.Line line = new CurveChart.Line("l", List.of(new CurveChart.Point(1, 2, 2, 2),
                new CurveChart.Point(2, 3, 3, 3)), false, new java.util.TreeSet<>());
        assertNull(CurveChart.fit(line));
        assertThrows(IllegalArgumentException.class, () -> CurveChart.lines(chart("steps", "test/true_return", false),
                List.of(point(0, 10)), rows()));
    }
}
