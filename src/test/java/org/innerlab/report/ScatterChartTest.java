package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterChartTest {
    private static SweepPoint point(int index, String condition, double noise) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("condition", condition);
        a.put("data.noise", noise);
        return new SweepPoint(index, a, null);
    }

    private static final List<SweepPoint> POINTS = List.of(point(0, "plain", 0), point(1, "filtered", 0));
    private static final List<SummaryRow> ROWS = List.of(
            new SummaryRow(0, "train", "kl_to_reference", 20, 0.8, 0.75, 0.85),
            new SummaryRow(0, "train", "misbehaviour_rate", 20, 0.2, 0.19, 0.21),
            new SummaryRow(0, "train-attacked", "misbehaviour_rate", 20, 1, 1, 1),
            new SummaryRow(1, "train", "kl_to_reference", 20, 0.002, 0.001, 0.004),
            new SummaryRow(1, "train", "misbehaviour_rate", 20, 0.001, 0, 0.002),
            new SummaryRow(1, "train-attacked", "misbehaviour_rate", 20, Double.NaN, Double.NaN, Double.NaN));

    private static ChartConfig chart(String x, List<String> y) {
        List<String> labels = List.of("in distribution", "under attack").subList(0, y.size());
        return new ChartConfig("scatter", "frontier", "Frontier", x, y, labels, "KL", "P(misbehaviour)");
    }

    @Test
    void oneMarkerPerPointAndSeriesAtTheMeansWithBothIntervals() {
        List<ScatterChart.Marker> markers = ScatterChart.markers(chart("train/kl_to_reference",
                List.of("train/misbehaviour_rate", "train-attacked/misbehaviour_rate")), POINTS, ROWS);
        // Point 1's attacked mean is NaN: left out, not drawn at 0.
        assertEquals(3, markers.size());
        ScatterChart.Marker plainAttacked = markers.get(1);
        assertEquals("plain", plainAttacked.colour());
        assertEquals("under attack (noise=0)", plainAttacked.shape());
        assertEquals(0.8, plainAttacked.x());
        assertEquals(0.75, plainAttacked.xLow());
        assertEquals(0.85, plainAttacked.xHigh());
        assertEquals(1.0, plainAttacked.y());
        ScatterChart.Marker filtered = markers.get(2);
        assertEquals("filtered", filtered.colour());
        assertEquals(0.001, filtered.y());
        assertEquals(0.002, filtered.yHigh());
    }

    @Test
    void aComplementSeriesFlipsItsInterval() {
        List<ScatterChart.Marker> markers = ScatterChart.markers(chart("train/kl_to_reference",
                List.of("1-train/misbehaviour_rate", "train/misbehaviour_rate")), POINTS, ROWS);
        assertEquals(0.8, markers.get(0).y(), 1e-12);
        assertEquals(0.79, markers.get(0).yLow(), 1e-12);
        assertEquals(0.81, markers.get(0).yHigh(), 1e-12);
    }

    @Test
    void xSpanningMoreThanTwoDecadesIsDrawnOnALogScale() {
        JFreeChart c = ChartRenderer.chart(chart("train/kl_to_reference",
                List.of("train/misbehaviour_rate", "train-attacked/misbehaviour_rate")), POINTS, ROWS);
        assertTrue(c.getXYPlot().getDomainAxis() instanceof LogAxis);
        assertEquals(3, ((XYIntervalSeriesCollection) c.getXYPlot().getDataset()).getSeriesCount());
        // The legend: two conditions by colour, then the two series' shapes.
        assertEquals(4, c.getXYPlot().getLegendItems().getItemCount());

        List<SummaryRow> close = List.of(new SummaryRow(0, "train", "kl_to_reference", 20, 0.1, 0.09, 0.11),
                new SummaryRow(0, "train", "misbehaviour_rate", 20, 0.2, 0.19, 0.21),
                new SummaryRow(1, "train", "kl_to_reference", 20, 0.2, 0.19, 0.21),
                new SummaryRow(1, "train", "misbehaviour_rate", 20, 0.1, 0.09, 0.11));
        JFreeChart linear = ChartRenderer.chart(chart("train/kl_to_reference", List.of("train/misbehaviour_rate")),
                POINTS, close);
        assertTrue(linear.getXYPlot().getDomainAxis() instanceof NumberAxis);
        assertFalse(ScatterChart.logarithmic(ScatterChart.markers(chart("train/kl_to_reference",
                List.of("train/misbehaviour_rate")), POINTS, close)));
    }

    @Test
    void aSeriesWithNoSummaryValuesIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScatterChart.markers(
                chart("train/kl_to_reference", List.of("train/misbehavior_rate")), POINTS, ROWS));
        assertTrue(e.getMessage().contains("train/misbehavior_rate"), e.getMessage());
    }

    @Test
    void writesAPngOfTheStandardSize(@TempDir Path dir) throws Exception {
        List<Path> files = ChartRenderer.write(chart("train/kl_to_reference",
                List.of("train/misbehaviour_rate", "train-attacked/misbehaviour_rate")), POINTS, ROWS, dir);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(ChartRenderer.WIDTH, png.getWidth());
        assertEquals(ChartRenderer.HEIGHT, png.getHeight());
    }
}
