package org.innerlab.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.innerlab.measure.SteeringVector;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.SweepPoint;

/**
 * The lines of a {@code steering} chart: a metric against the coefficient c of steering vector
 * {@code x}, read from the summary rows of {@code d} (at c = 0) and of its steered twins
 * {@code d-steered-<x>@<c>}; the drawing is {@link ChartRenderer}'s, as for a sweep chart. A y series
 * is {@code [1-]d/metric} as in {@link SweepLines}; with a sweep each series becomes one line per
 * sweep point, labelled with the point's values. As there, NaN means (a vector a run could not
 * compute) are left out of their line.
 */
final class SteeringLines {
    private SteeringLines() {
    }

    static List<SweepLines.Line> of(ChartConfig chart, List<SweepPoint> points, List<SummaryRow> rows) {
        String where = "chart '" + chart.name() + "': ";
        PointIndex index = new PointIndex(points);
        List<SweepLines.Line> lines = new ArrayList<>();
        for (int s = 0; s < chart.y().size(); s++) {
            SweepLines.Series series = SweepLines.Series.parse(where, chart.y().get(s));
            String label = chart.labels().isEmpty() ? chart.y().get(s) : chart.labels().get(s);
            String prefix = series.distribution() + SteeringVector.INFIX + chart.x() + "@";
            for (SweepPoint p : points) {
                List<SweepLines.Point> line = new ArrayList<>();
                Set<Integer> runCounts = new LinkedHashSet<>();
                boolean found = false;
                for (SummaryRow r : rows) {
                    if (r.point() != p.index() || !r.metric().equals(series.metric())) {
                        continue;
                    }
                    double c;
                    if (r.distribution().equals(series.distribution())) {
                        c = 0;
                    } else if (r.distribution().startsWith(prefix)) {
                        c = Double.parseDouble(r.distribution().substring(prefix.length()));
                    } else {
                        continue;
                    }
                    found = true;
                    if (Double.isNaN(r.mean())) {
                        continue;
                    }
                    runCounts.add(r.n());
                    line.add(series.complement() ? new SweepLines.Point(c, 1 - r.mean(), 1 - r.ciHigh(), 1 - r.ciLow())
                            : new SweepLines.Point(c, r.mean(), r.ciLow(), r.ciHigh()));
                }
                if (!found) {
                    throw new IllegalArgumentException(where + "no summary values for '" + series.distribution() + "/"
                            + series.metric() + "'");
                }
                line.sort((a, b) -> Double.compare(a.x(), b.x()));
                String combo = SweepLines.comboText(index.keys(), p.assignments());
                lines.add(new SweepLines.Line(combo.isEmpty() ? label : label + " (" + combo + ")", List.copyOf(line),
                        runCounts));
            }
        }
        return lines;
    }
}
