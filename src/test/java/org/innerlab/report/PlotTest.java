package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.jfree.chart.JFreeChart;
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
}
