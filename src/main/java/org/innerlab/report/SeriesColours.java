package org.innerlab.report;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which colour (and marker shape) each series label gets, shared by every chart of one output
 * folder or report, so that a condition keeps its colour from chart to chart: the label
 * {@code test/got_coin} drawn third in one chart and first in the next is the same blue in both.
 *
 * <p>Labels get palette slots in the order they are first asked for. Callers ask in a fixed order
 * (the scenario's chart order, each chart's series order), so the assignment, and hence the SVG
 * text, is reproducible. Not thread-safe: one report is drawn on one thread.
 */
public final class SeriesColours {
    private final Map<String, Integer> slots = new LinkedHashMap<>();

    /** The label's slot: 0 for the first label ever asked for, 1 for the second new label, and so on. */
    int slot(String label) {
        Integer slot = slots.get(label);
        if (slot == null) {
            slot = slots.size();
            slots.put(label, slot);
        }
        return slot;
    }

    /**
     * The label's colour from {@link ChartRenderer#PALETTE}; labels after the eighth get the palette again
     * at 60% brightness (black becoming mid-grey), then mixed half-way toward white, so that a chart with
     * nine or more series (three arms by three widths, say) does not draw two of them alike. Shades come
     * first because the palette's own light colours (sky blue, yellow) are close to tints of its dark ones.
     */
    Color colour(String label) {
        int slot = slot(label);
        int n = ChartRenderer.PALETTE.length;
        Color base = ChartRenderer.PALETTE[slot % n];
        int round = slot / n;
        if (round == 0) {
            return base;
        }
        if (round % 2 == 1) {
            return base.getRGB() == Color.BLACK.getRGB() ? new Color(0x999999)
                    : new Color(scale(base.getRed(), 0.6), scale(base.getGreen(), 0.6), scale(base.getBlue(), 0.6));
        }
        return new Color(tint(base.getRed()), tint(base.getGreen()), tint(base.getBlue()));
    }

    private static int scale(int channel, double factor) {
        return (int) StrictMath.round(channel * factor);
    }

    private static int tint(int channel) {
        return (int) StrictMath.round(channel + (255 - channel) * 0.5);
    }
}
