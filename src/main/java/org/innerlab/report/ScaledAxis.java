package org.innerlab.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.innerlab.scenario.AxisScale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The x axis of a sweep chart on a {@code sqrt} or {@code symlog} {@link AxisScale}: the data are
 * plotted at f(x), and the axis puts one tick (and grid line) at f(v) for every swept value v, labelled
 * v, so a reader sees the values the sweep ran rather than their transforms.
 */
final class ScaledAxis extends NumberAxis {
    private final AxisScale scale;
    private final List<Double> values;

    /** An axis labelled {@code label} with a tick at each of the swept {@code values} (untransformed). */
    ScaledAxis(String label, AxisScale scale, TreeSet<Double> values) {
        super(label);
        this.scale = scale;
        this.values = List.copyOf(values);
    }

    @Override
    public List<Tick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<Tick> ticks = new ArrayList<>();
        boolean below = edge == RectangleEdge.BOTTOM;
        for (double v : values) {
            ticks.add(new NumberTick(scale.apply(v), Numbers.format(v),
                    below ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER,
                    below ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER, 0.0));
        }
        return ticks;
    }
}
