package org.innerlab.gui;

import java.awt.Graphics2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.simple.RectanglePortrayal2D;

/**
 * The MASON portrayal of a {@link Watch}: the whole board and its policy overlay drawn by
 * {@link BoardPainter} into the display's area, so the window shows exactly what exported frames show.
 * The field is the {@link Watch}; MASON repaints it after every step.
 */
final class BoardPortrayal extends FieldPortrayal2D {
    @Override
    public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
        if (field instanceof Watch watch) {
            BoardPainter.paintBoard(graphics, watch.environment().view(), watch.policyMap(), watch.valueMap(),
                    watch.environment().spec().actions(), info.draw);
        }
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        // Never used: this portrayal draws the whole board itself rather than one object per cell.
        return new RectanglePortrayal2D();
    }
}
