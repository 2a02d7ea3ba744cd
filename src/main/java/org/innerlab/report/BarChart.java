package org.innerlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.innerlab.inspect.Audit;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.BackdoorPersistence;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.Plot;
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
 * Grouped bars with 95% CI whiskers, along one of two categorical axes:
 * <ul>
 *   <li>{@code x = distribution}: one group per category (a distribution, or a contrast such as
 *       {@code unsupervised-vs-supervised}), one bar per metric (y holds plain metric names). With a
 *       sweep, every point makes its own groups, labelled with its swept values.</li>
 *   <li>{@code x = } a swept key whose values are categories (a regime name, a learner type): one
 *       group per value, in sweep order, one bar per y series ({@code [1-]distribution/metric}, as
 *       in {@link SweepLines}); when the points given sweep further keys, each series splits into
 *       one bar per combination of their values, labelled {@code label (key=value)}.</li>
 * </ul>
 * Bar colours come from the shared {@link SeriesColours}, keyed by the legend label.
 */
final class BarChart {
    /** How much wider than its group a level label may be, using the gaps beside it. */
    private static final float LABEL_WIDTH_RATIO = 1.3f;
    /** About the plot area's width: the chart's less the y axis and the padding. */
    private static final double PLOT_WIDTH = ChartRenderer.WIDTH - 120;

    private BarChart() {
    }

    /** The width in pixels of the widest word (split at spaces and after hyphens, where labels wrap). */
    private static double widestWord(List<String> labels, Font font) {
        FontRenderContext context = new FontRenderContext(null, true, true);
        double widest = 0;
        for (String label : labels) {
            for (String word : label.split("\\s+|(?<=-)")) {
                widest = Math.max(widest, font.getStringBounds(word, context).getWidth());
            }
        }
        return widest;
    }

    static JFreeChart chart(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows, SeriesColours colours) {
        List<Bar> bars = chart.x().equals("distribution") ? distributionBars(chart, points, rows)
                : sweepKeyBars(chart, points, rows);
        TreeSet<Integer> runCounts = new TreeSet<>();
        bars.forEach(b -> runCounts.add(b.n()));

        CategoryAxis xAxis = new CategoryAxis(chart.x().equals("distribution")
                && (chart.xLabel() == null || chart.xLabel().equals("distribution")) ? null
                : ChartRenderer.orDefault(chart.xLabel(), chart.x()));
        xAxis.setCategoryMargin(0.25);
        // JFreeChart cuts a label with "..." only when it needs more lines than allowed; it wraps at spaces
        // and hyphens, and mid-word when a word is wider than the group, so no cap means no cut label
        // ("train (random_coin_percent=5)" stays whole).
        xAxis.setMaximumCategoryLabelLines(Integer.MAX_VALUE);
        // Condition names are long and a group's label may use the gaps beside it too, and with more than
        // six groups a smaller font, so that eight conditions do not break "backdoored" mid-word.
        xAxis.setMaximumCategoryLabelWidthRatio(LABEL_WIDTH_RATIO);
        List<String> groupLabels = bars.stream().map(Bar::group).distinct().toList();
        Font tickFont = new Font(ChartRenderer.FONT, Font.PLAIN, groupLabels.size() > 6 ? 12 : 14);
        xAxis.setTickLabelFont(tickFont);
        if (widestWord(groupLabels, tickFont) > LABEL_WIDTH_RATIO * PLOT_WIDTH / groupLabels.size()) {
            // A word wider than its group would be broken mid-word into a column of fragments that run into
            // the next group's; stood upright, a label has the chart's height to itself and no neighbour to run into.
            xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        xAxis.setLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 15));

        // Returns (tens) beside rates (0..1) on one axis would flatten the rates: series whose every bar
        // and whisker lies within [-1, 1] get a panel of their own below the others, on the same groups.
        Set<String> amounts = new LinkedHashSet<>();
        for (Bar b : bars) {
            if (Math.abs(b.mean()) > 1 || Math.abs(b.low()) > 1 || Math.abs(b.high()) > 1) {
                amounts.add(b.series());
            }
        }
        List<Bar> top = bars.stream().filter(b -> amounts.contains(b.series())).toList();
        List<Bar> bottom = bars.stream().filter(b -> !amounts.contains(b.series())).toList();
        Plot plot;
        if (!chart.x().equals("distribution") && !top.isEmpty() && !bottom.isEmpty()) {
            CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(xAxis);
            combined.setGap(14);
            combined.add(panel(top, null, ChartRenderer.orDefault(chart.yLabel(), "mean over runs"), colours), 1);
            combined.add(panel(bottom, null, "fraction", colours), 1);
            plot = combined;
        } else {
            plot = panel(bars, xAxis, ChartRenderer.orDefault(chart.yLabel(), "mean over runs"), colours);
        }

        JFreeChart result = new JFreeChart(ChartRenderer.orDefault(chart.title(), chart.name()),
                new Font(ChartRenderer.FONT, Font.BOLD, 18), plot, true);
        result.setBackgroundPaint(Color.WHITE);
        result.setPadding(new RectangleInsets(8, 8, 8, 16));
        boolean persistence = chart.y().stream().allMatch(y -> y.endsWith("/" + BackdoorPersistence.METRIC));
        // A persistence bar is a ratio of two conditions' means over paired runs, not a mean of runs.
        // An auditing verdict is a share of the arm's scored models with a Wilson interval, not a mean of runs.
        boolean audit = chart.y().stream().allMatch(y -> y.startsWith(Audit.NAME + "/"));
        String subtitleText = persistence
                ? ChartRenderer.subtitle(runCounts).replace("mean over", "ratio of means over").replace("runs;", "paired runs;")
                        .replace("band: 95% bootstrap CI of the mean", "whiskers: 95% paired bootstrap CI of the ratio")
                : audit ? ChartRenderer.subtitle(runCounts).replace("mean over", "share flagged of")
                        .replace(" run", " scored model").replace("band: 95% bootstrap CI of the mean",
                                "whiskers: 95% Wilson interval over models")
                : ChartRenderer.subtitle(runCounts).replace("band", "whiskers");
        TextTitle subtitle = new TextTitle(subtitleText,
                new Font(ChartRenderer.FONT, Font.PLAIN, 13));
        subtitle.setPaint(Color.DARK_GRAY);
        result.addSubtitle(subtitle);
        LegendTitle legend = result.getLegend();
        legend.setItemFont(new Font(ChartRenderer.FONT, Font.PLAIN, 14));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        return result;
    }

    /** One bar plot of {@code bars} with CI whiskers; {@code xAxis} null inside a combined plot. */
    private static CategoryPlot panel(List<Bar> bars, CategoryAxis xAxis, String yLabel, SeriesColours colours) {
        // When no group holds two series (rates for conditions, a gap for their contrast), one dataset
        // series coloured by legend label keeps each bar centred in its group instead of beside an empty slot.
        boolean oneBarPerGroup = bars.stream().collect(Collectors.groupingBy(Bar::group, Collectors.counting()))
                .values().stream().allMatch(n -> n == 1);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, double[]> intervals = new HashMap<>();
        Map<String, Color> colourOfGroup = new HashMap<>();
        Set<String> seriesLabels = new LinkedHashSet<>();
        boolean fraction = true;
        for (Bar bar : bars) {
            String series = oneBarPerGroup ? "value" : bar.series();
            seriesLabels.add(bar.series());
            data.addValue(bar.mean(), series, bar.group());
            intervals.put(series + "\u0000" + bar.group(), new double[] {bar.low(), bar.high()});
            colourOfGroup.put(bar.group(), colours.colour(bar.series()));
            fraction &= bar.low() >= 0 && bar.high() <= 1;
        }
        NumberAxis yAxis = new NumberAxis(yLabel);
        if (fraction) {
            yAxis.setRange(0, 1.02);
        }
        yAxis.setLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 15));
        yAxis.setTickLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 13));

        BarRenderer renderer = new WhiskerBarRenderer(intervals, oneBarPerGroup ? colourOfGroup : null);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, oneBarPerGroup ? ChartRenderer.PALETTE[0] : colours.colour((String) data.getRowKey(i)));
        }

        CategoryPlot plot = new CategoryPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(ChartRenderer.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeZeroBaselineVisible(true);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

        if (oneBarPerGroup) {
            LegendItemCollection legend = new LegendItemCollection();
            for (String label : seriesLabels) {
                legend.add(new LegendItem(label, colours.colour(label)));
            }
            plot.setFixedLegendItems(legend);
        }
        return plot;
    }

    private static List<Bar> distributionBars(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        List<Bar> bars = new ArrayList<>();
        for (SweepPoint point : points) {
            String suffix = point.assignments().isEmpty() ? "" : " (" + point.assignments().entrySet().stream()
                    .map(e -> lastSegment(e.getKey()) + "=" + Numbers.format(e.getValue()))
                    .collect(Collectors.joining(", ")) + ")";
            for (String category : chart.categories()) {
                for (int i = 0; i < chart.y().size(); i++) {
                    SummaryRow row = find(rows, point.index(), category, chart.y().get(i));
                    // A metric may exist for some categories only (a gap exists only for a contrast).
                    if (row != null) {
                        bars.add(new Bar(i, chart.labels().isEmpty() ? chart.y().get(i) : chart.labels().get(i), category.replace("-vs-", " \u2212 ") + suffix,
                                row.mean(), row.ciLow(), row.ciHigh(), row.n()));
                    }
                }
            }
        }
        requireBars(chart, bars, rows);
        return bars;
    }

    private static List<Bar> sweepKeyBars(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        String where = "chart '" + chart.name() + "': ";
        PointIndex index = new PointIndex(points);
        if (!index.keys().contains(chart.x())) {
            throw new IllegalArgumentException(where + "x '" + chart.x() + "' is neither 'distribution' nor a swept "
                    + "parameter (swept: " + index.keys() + ")");
        }
        List<String> others = new ArrayList<>(index.keys());
        others.remove(chart.x());
        List<SweepPoint> ordered = new ArrayList<>(points);
        ordered.sort((a, b) -> Integer.compare(a.index(), b.index()));
        List<Bar> bars = new ArrayList<>();
        for (int s = 0; s < chart.y().size(); s++) {
            SweepLines.Series series = SweepLines.Series.parse(where, chart.y().get(s));
            String label = chart.labels().isEmpty() ? chart.y().get(s) : chart.labels().get(s);
            boolean found = false;
            List<String> labelled = labelledKeys(others, ordered, rows, series);
            for (SweepPoint p : ordered) {
                SummaryRow r = find(rows, p.index(), series.distribution(), series.metric());
                if (r == null || Double.isNaN(r.mean())) {
                    found |= r != null;
                    continue;
                }
                found = true;
                String combo = SweepLines.comboText(labelled, p.assignments());
                String seriesLabel = combo.isEmpty() ? label : label + " (" + combo + ")";
                String group = Numbers.format(p.assignments().get(chart.x()));
                bars.add(series.complement()
                        ? new Bar(s, seriesLabel, group, 1 - r.mean(), 1 - r.ciHigh(), 1 - r.ciLow(), r.n())
                        : new Bar(s, seriesLabel, group, r.mean(), r.ciLow(), r.ciHigh(), r.n()));
            }
            if (!found) {
                throw new IllegalArgumentException(where + "no summary values for '" + series.distribution() + "/"
                        + series.metric() + "'");
            }
        }
        // Groups in sweep order, whatever the series order.
        List<String> groupOrder = ordered.stream().map(p -> Numbers.format(p.assignments().get(chart.x())))
                .distinct().toList();
        bars.sort((a, b) -> Integer.compare(groupOrder.indexOf(a.group()), groupOrder.indexOf(b.group())));
        return bars;
    }

    /**
     * The keys a series' bars are labelled with: {@code others}, less those that vary across the sweep but take
     * one value at every point where the series has a row (a series reported once per x value, pooled over
     * the other keys, as the auditing game's verdicts are, is not labelled with the point it is stored at).
     */
    private static List<String> labelledKeys(List<String> others, List<SweepPoint> points, List<SummaryRow> rows,
                                             SweepLines.Series series) {
        List<SweepPoint> carrying = points.stream().filter(p -> {
            SummaryRow r = find(rows, p.index(), series.distribution(), series.metric());
            return r != null && !Double.isNaN(r.mean());
        }).toList();
        List<String> labelled = new ArrayList<>();
        for (String key : others) {
            boolean variesInSweep = points.stream().map(p -> p.assignments().get(key)).distinct().count() > 1;
            boolean variesHere = carrying.stream().map(p -> p.assignments().get(key)).distinct().count() > 1;
            if (variesHere || !variesInSweep) {
                labelled.add(key);
            }
        }
        return labelled;
    }

    private static SummaryRow find(List<SummaryRow> rows, int point, String distribution, String metric) {
        return rows.stream().filter(r -> r.point() == point && r.distribution().equals(distribution)
                && r.metric().equals(metric)).findFirst().orElse(null);
    }

    /** One bar: which y entry it comes from, its legend label, its group's label, mean, interval and run count. */
    private record Bar(int metric, String series, String group, double mean, double low, double high, int n) {
    }

    /** Fails, naming what exists, unless every metric and every category has at least one bar. */
    private static void requireBars(ChartConfig chart, List<Bar> bars, List<SummaryRow> rows) {
        for (int i = 0; i < chart.y().size(); i++) {
            int metric = i;
            if (bars.stream().noneMatch(b -> b.metric() == metric)) {
                throw new IllegalArgumentException("chart '" + chart.name() + "': no summary for metric '"
                        + chart.y().get(i) + "' in any of " + chart.categories()
                        + "; the summary has " + rows.stream().map(r -> r.distribution() + "/" + r.metric())
                        .distinct().collect(Collectors.joining(", ")));
            }
        }
        for (String category : chart.categories()) {
            boolean drawn = rows.stream().anyMatch(r -> r.distribution().equals(category)
                    && chart.y().contains(r.metric()));
            if (!drawn) {
                throw new IllegalArgumentException("chart '" + chart.name() + "': no metric of " + chart.y()
                        + " for category '" + category + "'");
            }
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** A bar renderer that draws each bar's CI as a whisker on top of it. */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, double[]> intervals;
        private final transient Map<String, Color> colourOfGroup;

        /** @param colourOfGroup the colour of each group's only bar; null to colour by series */
        WhiskerBarRenderer(Map<String, double[]> intervals, Map<String, Color> colourOfGroup) {
            this.intervals = intervals;
            this.colourOfGroup = colourOfGroup;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            if (colourOfGroup == null) {
                return super.getItemPaint(row, column);
            }
            String group = (String) getPlot().getDataset().getColumnKey(column);
            return colourOfGroup.get(group);
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
