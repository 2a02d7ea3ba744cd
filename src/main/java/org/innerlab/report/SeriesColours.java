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

    /** The label's colour from {@link ChartRenderer#PALETTE}, cycling after eight labels. */
    Color colour(String label) {
        return ChartRenderer.PALETTE[slot(label) % ChartRenderer.PALETTE.length];
    }
}
