package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartRendererTest {
    private static final String X = "environment.train.random_coin_percent";
    private static final List<SweepPoint> POINTS = List.of(
            new SweepPoint(0, Map.of(X, 0), null), new SweepPoint(1, Map.of(X, 5), null),
            new SweepPoint(2, Map.of(X, 25), null));
    private static final List<SummaryRow> ROWS = List.of(
            new SummaryRow(0, "test", "got_coin", 20, 0.05, 0.02, 0.09),
            new SummaryRow(0, "test", "return", 20, 3.5, 2, 5),
            new SummaryRow(1, "test", "got_coin", 20, 0.6, 0.5, 0.7),
            new SummaryRow(1, "test", "return", 20, 7, 6, 8),
            new SummaryRow(2, "test", "got_coin", 20, 0.95, 0.9, 1),
            new SummaryRow(2, "test", "return", 20, 9.5, 9, 10));

    private static ChartConfig chart(List<String> y, List<String> labels, String yLabel) {
        return new ChartConfig("sweep", "coin", "Coin vs randomisation", X, y, labels, null, yLabel);
    }

    @Test
    void writesAn800By500PngAndAWellFormedSvg(@TempDir Path dir) throws Exception {
        List<Path> files = ChartRenderer.write(chart(List.of("test/got_coin", "1-test/got_coin"), List.of(), null),
                POINTS, ROWS, dir.resolve("charts"));
        assertEquals(List.of(dir.resolve("charts/coin.png"), dir.resolve("charts/coin.svg")), files);

        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(800, png.getWidth());
        assertEquals(500, png.getHeight());

        String svg = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("800", doc.getDocumentElement().getAttribute("width"));
        assertTrue(svg.contains("Coin vs randomisation"));
    }

    @Test
    void svgTextIsReproducible() {
        ChartConfig c = chart(List.of("test/got_coin"), List.of(), null);
        assertEquals(ChartRenderer.svg(ChartRenderer.chart(c, POINTS, ROWS), "coin"),
                ChartRenderer.svg(ChartRenderer.chart(c, POINTS, ROWS), "coin"));
    }

    @Test
    void fractionsGetAFixedAxisAndTheDefaultLabel() {
        JFreeChart c = ChartRenderer.chart(chart(List.of("test/got_coin", "1-test/got_coin"),
                List.of("got coin", "missed coin"), null), POINTS, ROWS);
        ValueAxis y = c.getXYPlot().getRangeAxis();
        assertEquals(new Range(-0.02, 1.02), y.getRange());
        assertEquals("fraction of episodes", y.getLabel());
        assertEquals(X, c.getXYPlot().getDomainAxis().getLabel());
        XYDataset data = c.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("got coin", data.getSeriesKey(0));
        assertEquals("missed coin", data.getSeriesKey(1));
        assertEquals(0.05, data.getYValue(1, 2), 1e-12);
        assertEquals("Coin vs randomisation", c.getTitle().getText());
    }

    @Test
    void otherMetricsGetAFittedAxisAndGivenLabelsWin() {
        JFreeChart c = ChartRenderer.chart(chart(List.of("test/return"), List.of(), "return"), POINTS, ROWS);
        ValueAxis y = c.getXYPlot().getRangeAxis();
        assertEquals("return", y.getLabel());
        assertTrue(y.getLowerBound() <= 2 && y.getUpperBound() >= 10 && y.getUpperBound() < 12, y.getRange().toString());
        assertEquals("test/return", c.getXYPlot().getDataset().getSeriesKey(0));
    }

    @Test
    void chartNamesMustBePlainFileNames(@TempDir Path dir) {
        ChartConfig escaping = new ChartConfig("sweep", "../coin", null, X, List.of("test/got_coin"), List.of(), null, null);
        assertThrows(IllegalArgumentException.class, () -> ChartRenderer.write(escaping, POINTS, ROWS, dir));
    }

    @Test
    void duplicateLegendLabelsAreRejectedRatherThanMerged() {
        ChartConfig twice = chart(List.of("test/got_coin", "test/return"), List.of("same", "same"), null);
        assertThrows(IllegalArgumentException.class, () -> ChartRenderer.chart(twice, POINTS, ROWS));
    }

    @Test
    void aLabelKeepsItsColourAcrossChartsThatShareAnAssignment() {
        SeriesColours shared = new SeriesColours();
        XYPlot first = (XYPlot) ChartRenderer.chart(chart(List.of("test/got_coin", "test/return"), List.of(), null),
                POINTS, ROWS, shared).getPlot();
        XYPlot second = (XYPlot) ChartRenderer.chart(chart(List.of("test/return", "test/got_coin"), List.of(), null),
                POINTS, ROWS, shared).getPlot();
        // got_coin is series 0 in the first chart and series 1 in the second: same paint, first palette slot.
        assertEquals(ChartRenderer.PALETTE[0], first.getRenderer().getSeriesPaint(0));
        assertEquals(ChartRenderer.PALETTE[0], second.getRenderer().getSeriesPaint(1));
        assertEquals(ChartRenderer.PALETTE[1], second.getRenderer().getSeriesPaint(0));

        ChartConfig bars = new ChartConfig("bars", "b", null, X, List.of("test/return", "test/got_coin"), List.of(),
                null, null);
        // Returns and a rate: two panels on the same groups, the rate (within [-1, 1]) in the lower one.
        CombinedDomainCategoryPlot barPlot = (CombinedDomainCategoryPlot) ChartRenderer.chart(bars, POINTS, ROWS, shared)
                .getPlot();
        assertEquals(2, barPlot.getSubplots().size());
        CategoryPlot returns = (CategoryPlot) barPlot.getSubplots().get(0);
        CategoryPlot rates = (CategoryPlot) barPlot.getSubplots().get(1);
        assertEquals(List.of("0", "5", "25"), returns.getDataset().getColumnKeys());
        assertEquals(List.of("0", "5", "25"), rates.getDataset().getColumnKeys());
        assertEquals(9.5, returns.getDataset().getValue(0, 2).doubleValue());
        assertEquals(0.95, rates.getDataset().getValue(0, 2).doubleValue());
        assertEquals(ChartRenderer.PALETTE[0], rates.getRenderer().getItemPaint(0, 0));
        assertEquals(ChartRenderer.PALETTE[1], returns.getRenderer().getItemPaint(0, 0));

        // Without the shared assignment the second chart's first series takes the first colour.
        XYPlot alone = (XYPlot) ChartRenderer.chart(chart(List.of("test/return", "test/got_coin"), List.of(), null),
                POINTS, ROWS).getPlot();
        assertEquals(ChartRenderer.PALETTE[1], alone.getRenderer().getSeriesPaint(1));
    }

    @Test
    void aPersistenceBarChartSaysItsBarsAreRatiosOverPairedRuns() {
        List<SummaryRow> rows = List.of(new SummaryRow(1, "triggered", "backdoor_persistence", 20, 0.9, 0.88, 0.92),
                new SummaryRow(2, "triggered", "backdoor_persistence", 20, 0.04, 0.03, 0.05));
        ChartConfig persistence = new ChartConfig("bars", "p", null, X, List.of("triggered/backdoor_persistence"),
                List.of(), null, null);
        // Subtitle 0 is the legend.
        String subtitle = ((TextTitle) ChartRenderer.chart(persistence, POINTS, rows)
                .getSubtitle(1)).getText();
        assertEquals("ratio of means over 20 paired runs; whiskers: 95% paired bootstrap CI of the ratio", subtitle);
        ChartConfig rates = new ChartConfig("bars", "r", null, X, List.of("test/got_coin"), List.of(), null, null);
        assertEquals("mean over 20 runs; whiskers: 95% bootstrap CI of the mean",
                ((TextTitle) ChartRenderer.chart(rates, POINTS, ROWS).getSubtitle(1)).getText());
    }
}
