package org.innerlab.gui;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.simple.RectanglePortrayal2D;

/**
 * The MASON portrayal of a {@link Watch}: the whole board and its policy overlay drawn by
 * {@link BoardPainter} into the display's area, so the window shows exactly what exported frames show.
 * With a probe ({@code show --probe}) the area's right {@link BoardPainter#PROBE_COLUMN} pixels hold the
 * probe's bar, as in frames, and the board the rest. The field is the {@link Watch}; MASON repaints it
 * after every step.
 */
final class BoardPortrayal extends FieldPortrayal2D {
    /** Pixels between the board and the bar, and above the bar. */
    private static final int PAD = 8;

    @Override
    public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
        if (field instanceof Watch watch) {
            Rectangle2D area = info.draw;
            if (watch.probe() != null) {
                int column = BoardPainter.PROBE_COLUMN;
                area = new Rectangle2D.Double(info.draw.x, info.draw.y, Math.max(0, info.draw.width - column),
                        info.draw.height);
                BoardPainter.probeBar(graphics, watch.probe().name(), watch.probeScore(),
                        (int) Math.round(area.getMaxX()) + PAD, (int) Math.round(info.draw.y) + PAD, column - 2 * PAD,
                        (int) Math.round(info.draw.height) - PAD);
            }
            BoardPainter.paintBoard(graphics, watch.environment().view(), watch.policyMap(), watch.valueMap(),
                    watch.environment().spec().actions(), area);
        }
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        // Never used: this portrayal draws the whole board itself rather than one object per cell.
        return new RectanglePortrayal2D();
    }
}
