package org.innerlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.innerlab.experiment.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bars with 95% CI whiskers: one group per category (a distribution, or a contrast such as
 * {@code unsupervised-vs-supervised}), one bar per metric. With a sweep, every point makes its own
 * groups, labelled with its swept values.
 */
final class BarChart {
    private BarChart() {
    }

    static JFreeChart chart(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, double[]> intervals = new HashMap<>();
        TreeSet<Integer> runCounts = new TreeSet<>();
        boolean fraction = true;
        for (SweepPoint point : points) {
            String suffix = point.assignments().isEmpty() ? "" : " (" + point.assignments().entrySet().stream()
                    .map(e -> lastSegment(e.getKey()) + "=" + Numbers.format(e.getValue()))
                    .collect(Collectors.joining(", ")) + ")";
            for (String category : chart.categories()) {
                String group = category + suffix;
                for (int i = 0; i < chart.y().size(); i++) {
                    String metric = chart.y().get(i);
                    SummaryRow row = find(rows, point.index(), category, metric, chart);
                    String label = chart.labels().get(i);
                    data.addValue(row.mean(), label, group);
                    intervals.put(label + "\u0000" + group, new double[] {row.ciLow(), row.ciHigh()});
                    runCounts.add(row.n());
                    fraction &= row.ciLow() >= 0 && row.ciHigh() <= 1;
                }
            }
        }

        CategoryAxis xAxis = new CategoryAxis(chart.xLabel().equals("distribution") ? null : chart.xLabel());
        xAxis.setCategoryMargin(0.25);
        NumberAxis yAxis = new NumberAxis(ChartRenderer.orDefault(chart.yLabel(), "mean over runs"));
        if (fraction) {
            yAxis.setRange(0, 1.02);
        }
        xAxis.setTickLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 14));
        xAxis.setLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 15));
        yAxis.setLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 15));
        yAxis.setTickLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 13));

        BarRenderer renderer = new WhiskerBarRenderer(intervals);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < chart.y().size(); i++) {
            renderer.setSeriesPaint(i, ChartRenderer.PALETTE[i % ChartRenderer.PALETTE.length]);
        }

        CategoryPlot plot = new CategoryPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartRenderer.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeZeroBaselineVisible(true);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

        JFreeChart result = new JFreeChart(ChartRenderer.orDefault(chart.title(), chart.name()),
                new Font(ChartRenderer.FONT, Font.BOLD, 18), plot, true);
        result.setBackgroundPaint(Color.WHITE);
        result.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle subtitle = new TextTitle(ChartRenderer.subtitle(runCounts).replace("band", "whiskers"),
                new Font(ChartRenderer.FONT, Font.PLAIN, 13));
        subtitle.setPaint(Color.DARK_GRAY);
        result.addSubtitle(subtitle);
        LegendTitle legend = result.getLegend();
        legend.setItemFont(new Font(ChartRenderer.FONT, Font.PLAIN, 14));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        return result;
    }

    private static SummaryRow find(List<SummaryRow> rows, int point, String distribution, String metric,
                                   ChartConfig chart) {
        return rows.stream().filter(r -> r.point() == point && r.distribution().equals(distribution)
                        && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chart '" + chart.name() + "': no summary for "
                        + distribution + "/" + metric + "; summary has " + rows.stream()
                        .filter(r -> r.point() == point).map(r -> r.distribution() + "/" + r.metric())
                        .distinct().collect(Collectors.joining(", "))));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** A bar renderer that draws each bar's CI as a whisker on top of it. */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, double[]> intervals;

        WhiskerBarRenderer(Map<String, double[]> intervals) {
            this.intervals = intervals;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, org.jfree.chart.axis.CategoryAxis domainAxis, ValueAxis rangeAxis,
                             CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (pass != getPassCount() - 1) {
                return;
            }
            double[] ci = intervals.get(dataset.getRowKey(row) + "\u0000" + dataset.getColumnKey(column));
            int visibleRow = state.getVisibleSeriesIndex(row);
            if (ci == null || visibleRow < 0) {
                return;
            }
            double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column)
                    + state.getBarWidth() / 2;
            double low = rangeAxis.valueToJava2D(ci[0], dataArea, plot.getRangeAxisEdge());
            double high = rangeAxis.valueToJava2D(ci[1], dataArea, plot.getRangeAxisEdge());
            double cap = Math.min(8, state.getBarWidth() / 4);
            g2.setPaint(Color.BLACK);
            g2.setStroke(new BasicStroke(1.5f));
            g2.draw(new Line2D.Double(x, low, x, high));
            g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
            g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
        }
    }
}
