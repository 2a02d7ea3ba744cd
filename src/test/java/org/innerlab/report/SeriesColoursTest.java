package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeriesColoursTest {
    @Test
    void theFirstEightLabelsGetThePaletteAndTheNextSixteenDistinctShadesAndTints() {
        SeriesColours colours = new SeriesColours();
        Set<Color> seen = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            Color c = colours.colour("series " + i);
            if (i < ChartRenderer.PALETTE.length) {
                assertEquals(ChartRenderer.PALETTE[i], c);
            }
            seen.add(c);
        }
        assertEquals(24, seen.size(), "no two of 24 series share a colour");
        assertEquals(new Color(0x00, 0x44, 0x6B), colours.colour("series 8"), "0x0072B2 at 60% brightness");
        assertEquals(new Color(0x999999), colours.colour("series 14"), "black becomes grey");
        assertEquals(new Color(0x80, 0xB9, 0xD9), colours.colour("series 16"), "0x0072B2 half-way to white");
        assertEquals(colours.colour("series 3"), colours.colour("series 3"), "a label keeps its colour");
    }
}
