package org.innerlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.AxisScale;
import org.innerlab.scenario.ChartConfig;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws the charts a scenario declares, as {@code <name>.png} and {@code <name>.svg} (800×500).
 *
 * <p>A {@code sweep} chart plots, against the swept parameter {@code x}, one line per y series
 * (see {@link SweepLines} for series syntax and for sweeps with further keys) at the mean over
 * runs, with a translucent band for the 95% bootstrap interval and a marker at every sweep point.
 * The x axis is linear unless the chart asks for another {@link AxisScale} ({@link ScaledAxis}).
 * When every plotted value lies in [0, 1] the y axis is fixed to [−0.02, 1.02] and defaults to the
 * label "fraction of episodes", so charts of rates compare at a glance; otherwise it fits the data
 * and defaults to "mean over runs".
 *
 * <p>A {@code steering} chart is drawn the same way, against a steering vector's coefficient instead
 * of a swept parameter ({@link SteeringLines}). A {@code bars} chart is {@link BarChart}'s, a
 * {@code scatter} chart {@link ScatterChart}'s.
 *
 * <p>Colours follow the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), with yellow last because it is faint on white; marker shapes vary too, so lines
 * stay apart in greyscale. Works headless.
 */
public final class ChartRenderer {
    /** Image width in pixels. */
    public static final int WIDTH = 800;
    /** Image height in pixels. */
    public static final int HEIGHT = 500;

    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };
    static final Color GRID = new Color(0xDDDDDD);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final String FONT = "SansSerif";

    private ChartRenderer() {
    }

    /** The chart for {@code chart}, built from the sweep's points and summary rows, with colours of its own. */
    public static JFreeChart chart(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        return chart(chart, points, rows, new SeriesColours());
    }

    /**
     * The chart for {@code chart}, colouring each series by its legend label from {@code colours},
     * which the charts of one folder or report share.
     */
    public static JFreeChart chart(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows,
                                   SeriesColours colours) {
        if (chart.kind().equals("bars")) {
            return BarChart.chart(chart, points, rows, colours);
        }
        if (chart.kind().equals("curve")) {
            return CurveChart.chart(chart, points, rows, colours);
        }
        if (chart.kind().equals("scatter")) {
            return ScatterChart.chart(chart, points, rows, colours);
        }
        List<SweepLines.Line> lines = chart.kind().equals("steering") ? SteeringLines.of(chart, points, rows)
                : SweepLines.of(chart, points, rows);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        boolean fraction = true;
        boolean integerX = true;
        TreeSet<Integer> runCounts = new TreeSet<>();
        TreeSet<Double> xValues = new TreeSet<>();
        for (SweepLines.Line line : lines) {
            YIntervalSeries series = new YIntervalSeries(line.label(), true, true);
            for (SweepLines.Point p : line.points()) {
                series.add(chart.xScale().apply(p.x()), p.y(), p.low(), p.high());
                xValues.add(p.x());
                fraction &= within01(p.y()) && within01(p.low()) && within01(p.high());
                integerX &= p.x() == Math.rint(p.x());
            }
            runCounts.addAll(line.runCounts());
            // JFreeChart keys series by label; a duplicate label would silently merge two lines.
            if (data.indexOf(line.label()) >= 0) {
                throw new IllegalArgumentException("chart '" + chart.name() + "': two lines labelled '"
                        + line.label() + "'");
            }
            data.addSeries(series);
        }

        String xLabel = orDefault(chart.xLabel(), chart.x());
        NumberAxis xAxis = chart.xScale() == AxisScale.LINEAR ? new NumberAxis(xLabel)
                : new ScaledAxis(xLabel + " (" + chart.xScale().text() + " scale)", chart.xScale(), xValues);
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setLowerMargin(0.03);
        xAxis.setUpperMargin(0.03);
        if (integerX) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        NumberAxis yAxis = new NumberAxis(orDefault(chart.yLabel(), fraction ? "fraction of episodes" : "mean over runs"));
        if (fraction) {
            // Symmetric margins, so markers at 0 are not cut in half by the axis any more than at 1.
            yAxis.setRange(-0.02, 1.02);
        } else {
            yAxis.setAutoRangeIncludesZero(false);
        }
        for (NumberAxis axis : List.of(xAxis, yAxis)) {
            axis.setLabelFont(new Font(FONT, Font.PLAIN, 15));
            axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 13));
            axis.setTickLabelPaint(Color.DARK_GRAY);
            axis.setAxisLinePaint(Color.GRAY);
        }

        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < lines.size(); i++) {
            String label = lines.get(i).label();
            Color colour = colours.colour(label);
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesFillPaint(i, colour);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, marker(colours.slot(label)));
        }

        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

        JFreeChart result = new JFreeChart(orDefault(chart.title(), chart.name()),
                new Font(FONT, Font.BOLD, 18), plot, true);
        result.setBackgroundPaint(Color.WHITE);
        result.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle subtitle = new TextTitle(subtitle(runCounts), new Font(FONT, Font.PLAIN, 13));
        subtitle.setPaint(Color.DARK_GRAY);
        result.addSubtitle(subtitle);
        LegendTitle legend = result.getLegend();
        legend.setItemFont(new Font(FONT, Font.PLAIN, 14));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setBackgroundPaint(Color.WHITE);
        return result;
    }

    /**
     * Writes {@code <name>.png} and {@code <name>.svg} for {@code chart} into {@code folder}
     * (created if missing) and returns their paths, PNG first.
     */
    public static List<Path> write(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows, Path folder)
            throws IOException {
        return write(chart, points, rows, folder, new SeriesColours());
    }

    /** As {@link #write(ChartConfig, List, List, Path)}, with colours shared with other charts. */
    public static List<Path> write(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows, Path folder,
                                   SeriesColours colours) throws IOException {
        checkName(chart);
        JFreeChart drawn = chart(chart, points, rows, colours);
        Files.createDirectories(folder);
        Path png = folder.resolve(chart.name() + ".png");
        Path svg = folder.resolve(chart.name() + ".svg");
        ChartUtils.saveChartAsPNG(png.toFile(), drawn, WIDTH, HEIGHT);
        Files.writeString(svg, svg(drawn, chart.name()), StandardCharsets.UTF_8);
        return List.of(png, svg);
    }

    /** Fails unless the chart's name is a plain file name, so it cannot escape the charts folder. */
    static void checkName(ChartConfig chart) {
        if (chart.name() == null || !SAFE_NAME.matcher(chart.name()).matches()) {
            throw new IllegalArgumentException("chart name '" + chart.name()
                    + "' must be a plain file name ([A-Za-z0-9._-], not starting with . or -)");
        }
    }

    /** The chart as a standalone {@code <svg>} element. */
    static String svg(JFreeChart chart, String name) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        // The default prefix is derived from the clock; a fixed one keeps the SVG reproducible.
        g.setDefsKeyPrefix("innerlab-" + name + "-");
        // Two decimals are far below a pixel, keep files small, and avoid Double.toString's JDK drift.
        g.setGeomDoubleConverter(ChartRenderer::twoDecimals);
        g.setTransformDoubleConverter(ChartRenderer::twoDecimals);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }

    private static String twoDecimals(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        return BigDecimal.valueOf(Math.round(v * 100), 2).stripTrailingZeros().toPlainString();
    }

    static String subtitle(TreeSet<Integer> runCounts) {
        String runs;
        if (runCounts.size() == 1) {
            int n = runCounts.iterator().next();
            runs = n + (n == 1 ? " run" : " runs");
        } else if (runCounts.isEmpty()) {
            runs = "runs";
        } else {
            runs = runCounts.first() + "–" + runCounts.last() + " runs";
        }
        return "mean over " + runs + "; band: 95% bootstrap CI of the mean";
    }

    private static boolean within01(double v) {
        return v >= 0 && v <= 1;
    }

    static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    /** Marker shapes cycle with a period (5) coprime to the palette's (8). */
    private static Shape marker(int i) {
        return marker(i, 4.5);
    }

    /** The {@code i}-th marker shape (cycling through five) with radius about {@code r} pixels. */
    static Shape marker(int i, double r) {
        switch (i % 5) {
            case 0:
                return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1:
                return new Rectangle2D.Double(-r * 0.9, -r * 0.9, 1.8 * r, 1.8 * r);
            case 2:
                return polygon(new double[] {0, r * 1.1, -r * 1.1}, new double[] {-r * 1.2, r * 0.9, r * 0.9});
            case 3:
                return polygon(new double[] {0, r * 1.2, 0, -r * 1.2}, new double[] {-r * 1.2, 0, r * 1.2, 0});
            default:
                return polygon(new double[] {-r * 1.1, r * 1.1, 0}, new double[] {-r * 0.9, -r * 0.9, r * 1.2});
        }
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        return p;
    }
}
