package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.innerlab.scenario.AxisScale;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code innerlab plot}'s choice of chart and its refusal to mix conditions, on a hand-made 2×2×2 sweep. */
class PlotTest {
    private static final String REGIME = "training.regime";
    private static final String PERCENT = "environment.train.random_coin_percent";
    private static final String SEED = "seed";
    private static final List<SweepPoint> POINTS = new ArrayList<>();
    private static final List<SummaryRow> ROWS = new ArrayList<>();

    static {
        int i = 0;
        for (String regime : List.of("reinforce", "q-learning")) {
            for (int percent : List.of(0, 25)) {
                for (int seed : List.of(1, 2)) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put(REGIME, regime);
                    a.put(PERCENT, percent);
                    a.put(SEED, seed);
                    POINTS.add(new SweepPoint(i, a, null));
                    // mean encodes the point: 0.1 × index, so each bar's source is checkable exactly.
                    ROWS.add(new SummaryRow(i, "test", "got_coin", 5, 0.1 * i, 0.1 * i - 0.05, 0.1 * i + 0.05));
                    ROWS.add(new SummaryRow(i, "train", "got_coin", 5, 0.5, 0.4, 0.6));
                    i++;
                }
            }
        }
    }

    private static Plot plot(String x, String by, Map<String, String> where, String... y) {
        return new Plot("p", x, List.of(y), by, where);
    }

    @Test
    void categoricalXDrawsOneBarGroupPerValueAndOneSeriesPerByValue() {
        JFreeChart chart = plot("regime", "random_coin_percent", Map.of("seed", "2"), "test/got_coin")
                .chart(POINTS, ROWS);
        CategoryDataset data = ((CategoryPlot) chart.getPlot()).getDataset();
        assertEquals(List.of("reinforce", "q-learning"), data.getColumnKeys());
        assertEquals(List.of("test/got_coin (random_coin_percent=0)", "test/got_coin (random_coin_percent=25)"),
                data.getRowKeys());
        // seed=2 keeps points 1, 3, 5, 7: q-learning at 25% is point 7.
        assertEquals(0.1, data.getValue("test/got_coin (random_coin_percent=0)", "reinforce").doubleValue(), 1e-12);
        assertEquals(0.7, data.getValue("test/got_coin (random_coin_percent=25)", "q-learning").doubleValue(), 1e-12);
    }

    @Test
    void numericXWithByDrawsOneLinePerByValue() {
        JFreeChart chart = plot("random_coin_percent", "regime", Map.of("seed", "1"), "test/got_coin")
                .chart(POINTS, ROWS);
        XYPlot xy = (XYPlot) chart.getPlot();
        assertEquals(2, xy.getDataset().getSeriesCount());
        assertEquals("test/got_coin (regime=q-learning)", xy.getDataset().getSeriesKey(1));
        // q-learning, seed 1: points 4 (0%) and 6 (25%).
        assertEquals(0.6, xy.getDataset().getYValue(1, 1), 1e-12);
    }

    @Test
    void refusesToMixAnUnfixedSweptKeyAndNamesItWithItsValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plot("regime", "random_coin_percent", Map.of(), "test/got_coin").chart(POINTS, ROWS));
        assertTrue(e.getMessage().contains("the sweep also varies seed (1, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> plot("regime", null, Map.of("seed", "1"), "test/got_coin").chart(POINTS, ROWS));
        assertTrue(e.getMessage().contains("environment.train.random_coin_percent (0, 25)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> plot("regime", "percent", Map.of("seed", "3"), "test/got_coin").chart(POINTS, ROWS));
        assertTrue(e.getMessage().contains("names 0 swept keys"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> plot("regime", "random_coin_percent",
                Map.of("seed", "3"), "test/got_coin").chart(POINTS, ROWS));
        assertTrue(e.getMessage().startsWith("no sweep point has {seed=3}"), e.getMessage());
    }

    @Test
    void distributionXGroupsByDistributionWithPointsFixed(@TempDir Path dir) throws Exception {
        Plot p = plot("distribution", null, Map.of("seed", "1", "regime", "reinforce", "random_coin_percent", "25"), "got_coin");
        CategoryDataset data = ((CategoryPlot) p.chart(POINTS, ROWS).getPlot()).getDataset();
        // One point left (index 2), so groups are the distributions alone.
        assertEquals(List.of("test", "train"), data.getColumnKeys());
        assertEquals(0.2, data.getValue(0, 0).doubleValue(), 1e-12);
        assertEquals(0.5, data.getValue(0, 1).doubleValue(), 1e-12);
    }

    @Test
    void writesBarChartPngAndSvg(@TempDir Path dir) throws Exception {
        List<Path> files = plot("regime", "random_coin_percent", Map.of("seed", "2"), "test/got_coin",
                "1-train/got_coin").write(POINTS, ROWS, dir);
        assertEquals(List.of(dir.resolve("p.png"), dir.resolve("p.svg")), files);
        assertTrue(Files.size(files.get(0)) > 5_000);
        assertTrue(Files.readString(files.get(1)).contains("1-train/got_coin (random_coin_percent=25)"));
    }

    @Test
    void titleAndLabelsReplaceTheNameAndSeriesTextInTheSvg(@TempDir Path dir) throws Exception {
        Plot p = new Plot("p", "random_coin_percent", List.of("test/got_coin", "train/got_coin"), "regime",
                Map.of("seed", "1"), "Coin or end?", Map.of("test/got_coin", "P(coin | test)"), AxisScale.LINEAR);
        String svg = Files.readString(p.write(POINTS, ROWS, dir).get(1));
        assertTrue(svg.contains(">Coin or end?<"), "the title");
        assertTrue(svg.contains(">P(coin | test) (regime=reinforce)<"), "the renamed series");
        assertTrue(svg.contains(">train/got_coin (regime=reinforce)<"), "a series not named keeps its text");
        assertFalse(svg.contains(">test/got_coin"), "the renamed series' text is gone");
        assertFalse(svg.contains(">p<"), "the name is not the title");
    }

    @Test
    void refusesALabelForASeriesThePlotDoesNotDraw() {
        Plot p = new Plot("p", "random_coin_percent", List.of("test/got_coin"), "regime", Map.of("seed", "1"), null,
                Map.of("test/got_con", "typo"), AxisScale.LINEAR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.chart(POINTS, ROWS));
        assertEquals("--labels names [test/got_con], which --y does not plot; name a series as --y gives it: "
                + "[test/got_coin]", e.getMessage());
    }

    /** One swept key, the values a linear axis crams together: 0, 1, 4, 16, 100. */
    private static XYPlot sweepOn(AxisScale scale) {
        List<SweepPoint> points = new ArrayList<>();
        List<SummaryRow> rows = new ArrayList<>();
        int[] values = {0, 1, 4, 16, 100};
        for (int i = 0; i < values.length; i++) {
            points.add(new SweepPoint(i, Map.of(PERCENT, values[i]), null));
            rows.add(new SummaryRow(i, "test", "got_coin", 5, 0.5, 0.4, 0.6));
        }
        Plot p = new Plot("p", "random_coin_percent", List.of("test/got_coin"), null, Map.of(), null, Map.of(), scale);
        return (XYPlot) p.chart(points, rows).getPlot();
    }

    /** Each tick label's pixel position on an 800-pixel-wide data area. */
    private static Map<String, Double> tickPixels(XYPlot plot) {
        ValueAxis axis = plot.getDomainAxis();
        Rectangle2D area = new Rectangle2D.Double(0, 0, 800, 400);
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        Map<String, Double> pixels = new LinkedHashMap<>();
        for (Object t : axis.refreshTicks(g, new AxisState(), area, RectangleEdge.BOTTOM)) {
            NumberTick tick = (NumberTick) t;
            pixels.put(tick.getText(), axis.valueToJava2D(tick.getValue(), area, RectangleEdge.BOTTOM));
        }
        return pixels;
    }

    @Test
    void sqrtScaleTicksTheSweptValuesAtTheirSquareRoots() {
        Map<String, Double> sqrt = tickPixels(sweepOn(AxisScale.SQRT));
        assertEquals(List.of("0", "1", "4", "16", "100"), List.copyOf(sqrt.keySet()), "a tick per swept value");
        double span = sqrt.get("100") - sqrt.get("0");
        // sqrt: 4 sits at 2/10 of the way from 0 to 100, 16 at 4/10.
        assertEquals(0.2, (sqrt.get("4") - sqrt.get("0")) / span, 1e-9);
        assertEquals(0.4, (sqrt.get("16") - sqrt.get("0")) / span, 1e-9);
        XYPlot linear = sweepOn(AxisScale.LINEAR);
        assertEquals(16, linear.getDataset().getXValue(0, 3), 0);
        assertEquals(4, sweepOn(AxisScale.SQRT).getDataset().getXValue(0, 3), 0, "the data drawn at sqrt(16)");
        assertEquals(Math.log10(17), sweepOn(AxisScale.SYMLOG).getDataset().getXValue(0, 3), 1e-12);
        Map<String, Double> linearTicks = tickPixels(linear);
        assertFalse(linearTicks.containsKey("16"), "a linear axis keeps round ticks: " + linearTicks.keySet());
    }

    @Test
    void refusesAnXScaleForBarGroups() {
        Plot p = new Plot("p", "regime", List.of("test/got_coin"), "random_coin_percent", Map.of("seed", "1"), null,
                Map.of(), AxisScale.SQRT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.chart(POINTS, ROWS));
        assertTrue(e.getMessage().startsWith("--x-scale sqrt spaces a numeric x"), e.getMessage());
    }

    @Test
    void longBarGroupLabelsWrapAndAreNeverCut(@TempDir Path dir) throws Exception {
        List<SweepPoint> points = new ArrayList<>();
        List<SummaryRow> rows = new ArrayList<>();
        List<String> regimes = List.of("reinforce-with-kl-penalty-to-the-reference", "q-learning-on-the-observed-reward",
                "behaviour-cloning-of-the-aligned-teacher", "adversarial-training-against-the-red-team",
                "persona-selection-with-a-trigger-blind-rater");
        for (int i = 0; i < regimes.size(); i++) {
            points.add(new SweepPoint(i, Map.of(REGIME, regimes.get(i)), null));
            rows.add(new SummaryRow(i, "test", "got_coin", 5, 0.5, 0.4, 0.6));
        }
        String svg = Files.readString(new Plot("p", "regime", List.of("test/got_coin"), null, Map.of())
                .write(points, rows, dir).get(1));
        assertFalse(svg.contains("..."), "no label is cut short");
        Matcher text = Pattern.compile(">([^<>]+)</text>").matcher(svg);
        StringBuilder all = new StringBuilder();
        while (text.find()) {
            all.append(text.group(1));
        }
        for (String regime : regimes) {
            assertTrue(all.toString().contains(regime), regime + " is drawn whole, over as many lines as it needs");
        }
    }
}
