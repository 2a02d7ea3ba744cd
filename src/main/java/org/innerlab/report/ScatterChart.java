package org.innerlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One metric against another, one marker per sweep point, with the 95% bootstrap interval of each
 * mean as whiskers in both directions: the shape of Korbak et al. 2023's Pareto plots (misbehaviour
 * against KL from a reference policy), where a point lower and further left is better on both counts.
 *
 * <p>{@code x} is one series and {@code y} one or more, each {@code [1-]distribution/metric} as in
 * {@link SweepLines}; every y series is plotted against the same x at the same point. A marker's
 * colour is the point's value of the first sweep key (typically {@code condition}), its shape the
 * y series together with the values of the sweep's other keys, so that one chart can show, say,
 * misbehaviour in distribution (circles) and under attack (squares) for six conditions. The legend
 * lists the colours, then the shapes (in grey). Points with a missing or NaN mean on either axis are
 * left out. The x axis turns logarithmic when the x means span more than two decades
 * ({@link #logarithmic}).
 */
final class ScatterChart {
    private static final Color SHAPE_KEY = new Color(0x555555);

    private ScatterChart() {
    }

    /** One marker: its colour label, shape label, the x and y means and their intervals. */
    record Marker(String colour, String shape, double x, double xLow, double xHigh, double y, double yLow,
                  double yHigh, int n) {
    }

    /**
     * The chart. Its colours are its own ({@code shared} is not consulted): they stand for values of
     * the first sweep key, which no other chart kind colours by, and taking them from the folder's
     * shared assignment would push the other charts' series onto the palette's faint end.
     */
    static JFreeChart chart(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows, SeriesColours shared) {
        SeriesColours colours = new SeriesColours();
        List<Marker> markers = markers(chart, points, rows);
        Map<String, Integer> shapeSlots = new LinkedHashMap<>();
        Set<String> colourLabels = new LinkedHashSet<>();
        for (Marker m : markers) {
            shapeSlots.putIfAbsent(m.shape(), shapeSlots.size());
            colourLabels.add(m.colour());
        }

        // One dataset series per marker, so each carries its own colour and shape.
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setCapLength(5);
        renderer.setErrorStroke(new BasicStroke(1.3f));
        boolean fractionX = true;
        boolean fractionY = true;
        TreeSet<Integer> runCounts = new TreeSet<>();
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            XYIntervalSeries series = new XYIntervalSeries(m.colour() + " / " + m.shape() + " / " + i);
            series.add(m.x(), m.xLow(), m.xHigh(), m.y(), m.yLow(), m.yHigh());
            data.addSeries(series);
            renderer.setSeriesPaint(i, colours.colour(m.colour()));
            renderer.setSeriesShape(i, ChartRenderer.marker(shapeSlots.get(m.shape()), 5.5));
            renderer.setSeriesShapesFilled(i, true);
            fractionX &= m.xLow() >= 0 && m.xHigh() <= 1;
            fractionY &= m.yLow() >= 0 && m.yHigh() <= 1;
            runCounts.add(m.n());
        }

        String xLabel = ChartRenderer.orDefault(chart.xLabel(), chart.x());
        ValueAxis xAxis;
        if (logarithmic(markers)) {
            LogAxis log = new LogAxis(xLabel + " (log scale)");
            log.setBase(10);
            // One tick per decade (the unit is in powers of the base), written out plainly.
            log.setTickUnit(new NumberTickUnit(1));
            log.setNumberFormatOverride(new DecimalFormat("0.#######", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            log.setSmallestValue(markers.stream().mapToDouble(Marker::xLow).filter(v -> v > 0).min().orElse(1e-9));
            xAxis = log;
        } else {
            NumberAxis linear = new NumberAxis(xLabel);
            linear.setAutoRangeIncludesZero(fractionX);
            xAxis = linear;
        }
        NumberAxis yAxis = new NumberAxis(ChartRenderer.orDefault(chart.yLabel(),
                fractionY ? "fraction of episodes" : "mean over runs"));
        if (fractionY) {
            yAxis.setRange(-0.02, 1.02);
        }
        for (ValueAxis axis : List.of(xAxis, yAxis)) {
            axis.setLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 15));
            axis.setTickLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 13));
            axis.setTickLabelPaint(Color.DARK_GRAY);
            axis.setAxisLinePaint(Color.GRAY);
        }

        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(ChartRenderer.GRID);
        plot.setRangeGridlinePaint(ChartRenderer.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        LegendItemCollection legend = new LegendItemCollection();
        for (String label : colourLabels) {
            legend.add(new LegendItem(label, null, null, null, new Rectangle2D.Double(-5, -5, 10, 10),
                    colours.colour(label)));
        }
        if (shapeSlots.size() > 1) {
            for (Map.Entry<String, Integer> shape : shapeSlots.entrySet()) {
                Shape s = ChartRenderer.marker(shape.getValue(), 5.5);
                legend.add(new LegendItem(shape.getKey(), null, null, null, s, SHAPE_KEY));
            }
        }
        plot.setFixedLegendItems(legend);

        JFreeChart result = new JFreeChart(ChartRenderer.orDefault(chart.title(), chart.name()),
                new Font(ChartRenderer.FONT, Font.BOLD, 18), plot, true);
        result.setBackgroundPaint(Color.WHITE);
        result.setPadding(new RectangleInsets(8, 8, 8, 16));
        String runs = ChartRenderer.subtitle(runCounts);
        TextTitle subtitle = new TextTitle(runs.substring(0, runs.indexOf(';'))
                + "; whiskers: 95% bootstrap CI of each mean", new Font(ChartRenderer.FONT, Font.PLAIN, 13));
        subtitle.setPaint(Color.DARK_GRAY);
        result.addSubtitle(subtitle);
        LegendTitle legendTitle = result.getLegend();
        legendTitle.setItemFont(new Font(ChartRenderer.FONT, Font.PLAIN, 14));
        legendTitle.setFrame(BlockBorder.NONE);
        legendTitle.setPosition(RectangleEdge.BOTTOM);
        legendTitle.setBackgroundPaint(Color.WHITE);
        return result;
    }

    /**
     * Whether x is drawn on a log scale: when every x mean is positive and they span more than two
     * decades (a KL of 0.001 beside one of 0.8 would otherwise crush the small ones onto the axis).
     * Whiskers reaching 0 are then cut at the smallest positive interval end.
     */
    static boolean logarithmic(List<Marker> markers) {
        double min = markers.stream().mapToDouble(Marker::x).min().orElse(0);
        double max = markers.stream().mapToDouble(Marker::x).max().orElse(0);
        return min > 0 && max / min > 100;
    }

    /** The markers of {@code chart}, in point order and, within a point, y order. */
    static List<Marker> markers(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        String where = "chart '" + chart.name() + "': ";
        if (chart.y().isEmpty()) {
            throw new IllegalArgumentException(where + "no y series");
        }
        if (!chart.labels().isEmpty() && chart.labels().size() != chart.y().size()) {
            throw new IllegalArgumentException(where + chart.labels().size() + " labels for " + chart.y().size()
                    + " y series");
        }
        SweepLines.Series x = SweepLines.Series.parse(where, chart.x());
        PointIndex index = new PointIndex(points);
        List<String> keys = new ArrayList<>(index.keys());
        List<String> others = keys.isEmpty() ? List.of() : keys.subList(1, keys.size());
        Map<String, SummaryRow> cells = new HashMap<>();
        for (SummaryRow r : rows) {
            cells.put(r.point() + "\u0000" + r.distribution() + "\u0000" + r.metric(), r);
        }
        List<Marker> markers = new ArrayList<>();
        boolean[] found = new boolean[chart.y().size()];
        for (SweepPoint p : points) {
            String colour = keys.isEmpty() ? "all runs" : Numbers.format(p.assignments().get(keys.get(0)));
            String combo = SweepLines.comboText(others, p.assignments());
            double[] xs = interval(cells.get(p.index() + "\u0000" + x.distribution() + "\u0000" + x.metric()), x);
            for (int s = 0; s < chart.y().size(); s++) {
                SweepLines.Series y = SweepLines.Series.parse(where, chart.y().get(s));
                SummaryRow yRow = cells.get(p.index() + "\u0000" + y.distribution() + "\u0000" + y.metric());
                found[s] |= yRow != null;
                double[] ys = interval(yRow, y);
                if (xs == null || ys == null || Double.isNaN(xs[0]) || Double.isNaN(ys[0])) {
                    continue;
                }
                String label = chart.labels().isEmpty() ? chart.y().get(s) : chart.labels().get(s);
                markers.add(new Marker(colour, combo.isEmpty() ? label : label + " (" + combo + ")",
                        xs[0], xs[1], xs[2], ys[0], ys[1], ys[2], yRow.n()));
            }
        }
        for (int s = 0; s < found.length; s++) {
            if (!found[s]) {
                throw new IllegalArgumentException(where + "no summary values for '" + chart.y().get(s) + "'");
            }
        }
        if (markers.isEmpty()) {
            throw new IllegalArgumentException(where + "no summary values for x '" + chart.x() + "'");
        }
        return markers;
    }

    /** {mean, low, high} of a cell (flipped for {@code 1-} series), or null when it is missing. */
    private static double[] interval(SummaryRow r, SweepLines.Series series) {
        if (r == null) {
            return null;
        }
        return series.complement() ? new double[] {1 - r.mean(), 1 - r.ciHigh(), 1 - r.ciLow()}
                : new double[] {r.mean(), r.ciLow(), r.ciHigh()};
    }
}
