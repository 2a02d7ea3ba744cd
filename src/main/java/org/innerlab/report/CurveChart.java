package org.innerlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.OveroptimisationFit;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.CurveConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A {@code curve} chart ({@link ChartConfig}): training curves and best-of-n from the summary's
 * {@code <base>@<x>} rows. One line per y series and sweep point (labelled with the point's sweep
 * values when there is a sweep) at the mean over runs with its 95% bootstrap band. Over x =
 * {@code sqrt_kl}, a point's x is √(mean over runs of its {@code kl_to_initial}); with {@code fit}, each
 * line gets a dashed least-squares curve ({@link OveroptimisationFit}) through its gain over its point
 * at d = 0 (lines without one are not fitted), the best-of-n form for {@code -bon} lines and the RL
 * form otherwise, its α and β in the legend.
 */
final class CurveChart {
    /** One plotted point. */
    record Point(double x, double y, double low, double high) {
    }

    /** One line: label, points in ascending x, whether it is best-of-n, run counts. */
    record Line(String label, List<Point> points, boolean bestOfN, TreeSet<Integer> runCounts) {
    }

    private CurveChart() {
    }

    /** The lines of {@code chart}. */
    static List<Line> lines(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        String where = "chart '" + chart.name() + "': ";
        PointIndex index = new PointIndex(points);
        List<String> keys = new ArrayList<>(index.keys());
        boolean sqrtKl = chart.x().equals("sqrt_kl");
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < chart.y().size(); s++) {
            String spec = chart.y().get(s);
            int slash = spec.indexOf('/');
            String base = spec.substring(0, slash);
            String metric = spec.substring(slash + 1);
            String prefix = base + CurveConfig.AT;
            String label = chart.labels().isEmpty() ? spec : chart.labels().get(s);
            boolean found = false;
            for (SweepPoint p : points) {
                List<Point> linePoints = new ArrayList<>();
                TreeSet<Integer> runs = new TreeSet<>();
                for (SummaryRow r : rows) {
                    if (r.point() != p.index() || !r.metric().equals(metric) || !r.distribution().startsWith(prefix)) {
                        continue;
                    }
                    double at;
                    try {
                        at = Long.parseLong(r.distribution().substring(prefix.length()));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    found = true;
                    double x = sqrtKl ? sqrtKl(rows, p.index(), r.distribution()) : at;
                    if (Double.isNaN(r.mean()) || Double.isNaN(x)) {
                        continue;
                    }
                    runs.add(r.n());
                    linePoints.add(new Point(x, r.mean(), r.ciLow(), r.ciHigh()));
                }
                linePoints.sort((a, b) -> Double.compare(a.x(), b.x()));
                String combo = SweepLines.comboText(keys, p.assignments());
                lines.add(new Line(combo.isEmpty() ? label : label + " (" + combo + ")", List.copyOf(linePoints),
                        base.endsWith(CurveConfig.BEST_OF_N), runs));
            }
            if (!found) {
                throw new IllegalArgumentException(where + "no curve points for '" + spec + "'");
            }
        }
        return lines;
    }

    private static double sqrtKl(List<SummaryRow> rows, int point, String distribution) {
        for (SummaryRow r : rows) {
            if (r.point() == point && r.distribution().equals(distribution) && r.metric().equals("kl_to_initial")) {
                return StrictMath.sqrt(Math.max(0, r.mean()));
            }
        }
        return Double.NaN;
    }

    /** The fit of {@code line} through its gain over its d = 0 point, or null when it cannot be fitted. */
    static OveroptimisationFit.Fit fit(Line line) {
        Point origin = null;
        for (Point p : line.points()) {
            if (p.x() == 0) {
                origin = p;
            }
        }
        if (origin == null) {
            return null;
        }
        double[] d = new double[line.points().size()];
        double[] gain = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = line.points().get(i).x();
            gain[i] = line.points().get(i).y() - origin.y();
        }
        try {
            return OveroptimisationFit.fit(line.bestOfN() ? OveroptimisationFit.Form.BEST_OF_N
                    : OveroptimisationFit.Form.RL, d, gain);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static JFreeChart chart(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows, SeriesColours colours) {
        List<Line> lines = lines(chart, points, rows);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYSeriesCollection fits = new XYSeriesCollection();
        List<String> fitOwners = new ArrayList<>();
        TreeSet<Integer> runCounts = new TreeSet<>();
        for (Line line : lines) {
            if (data.indexOf(line.label()) >= 0) {
                throw new IllegalArgumentException("chart '" + chart.name() + "': two lines labelled '" + line.label() + "'");
            }
            YIntervalSeries series = new YIntervalSeries(line.label(), true, true);
            for (Point p : line.points()) {
                series.add(p.x(), p.y(), p.low(), p.high());
            }
            data.addSeries(series);
            runCounts.addAll(line.runCounts());
            OveroptimisationFit.Fit fit = chart.fit() ? fit(line) : null;
            if (fit != null) {
                double y0 = line.points().get(0).y();
                double max = line.points().get(line.points().size() - 1).x();
                XYSeries curve = new XYSeries(String.format(Locale.ROOT, "fit: α=%.3g, β=%.3g (%s)", fit.alpha(),
                        fit.beta(), line.label()), false, true);
                for (int i = 0; i <= 60; i++) {
                    double d = max * i / 60.0;
                    curve.add(d, y0 + fit.value(d));
                }
                fits.addSeries(curve);
                fitOwners.add(line.label());
            }
        }
        NumberAxis xAxis = new NumberAxis(ChartRenderer.orDefault(chart.xLabel(), chart.x()));
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis(ChartRenderer.orDefault(chart.yLabel(), "mean over runs"));
        yAxis.setAutoRangeIncludesZero(false);
        for (NumberAxis axis : List.of(xAxis, yAxis)) {
            axis.setLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 15));
            axis.setTickLabelFont(new Font(ChartRenderer.FONT, Font.PLAIN, 13));
            axis.setTickLabelPaint(Color.DARK_GRAY);
            axis.setAxisLinePaint(Color.GRAY);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < lines.size(); i++) {
            Color colour = colours.colour(lines.get(i).label());
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesFillPaint(i, colour);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        if (fits.getSeriesCount() > 0) {
            XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < fitOwners.size(); i++) {
                dashed.setSeriesPaint(i, colours.colour(fitOwners.get(i)));
                dashed.setSeriesStroke(i, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        new float[] {6f, 4f}, 0f));
            }
            plot.setDataset(1, fits);
            plot.setRenderer(1, dashed);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(ChartRenderer.GRID);
        plot.setRangeGridlinePaint(ChartRenderer.GRID);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        JFreeChart result = new JFreeChart(ChartRenderer.orDefault(chart.title(), chart.name()),
                new Font(ChartRenderer.FONT, Font.BOLD, 18), plot, true);
        result.setBackgroundPaint(Color.WHITE);
        result.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle subtitle = new TextTitle(ChartRenderer.subtitle(runCounts), new Font(ChartRenderer.FONT, Font.PLAIN, 13));
        subtitle.setPaint(Color.DARK_GRAY);
        result.addSubtitle(subtitle);
        LegendTitle legend = result.getLegend();
        legend.setItemFont(new Font(ChartRenderer.FONT, Font.PLAIN, 12));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setBackgroundPaint(Color.WHITE);
        return result;
    }
}
