package org.innerlab.gui;

import java.awt.Color;
import java.util.Map;

/**
 * Colours of cell types, by the stable names environments give them, from the Okabe–Ito palette
 * (distinguishable with the common colour-vision deficiencies) plus greys for structure. Walls and
 * floors are greys so the few coloured cells (coin, lava, goal, supervisor) stand out; a type this
 * table does not name gets a palette colour by its code, so every registered environment draws.
 */
public final class Palette {
    /** Okabe–Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple. */
    static final Color ORANGE = new Color(0xE69F00);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color BLUISH_GREEN = new Color(0x009E73);
    static final Color YELLOW = new Color(0xF0E442);
    static final Color BLUE = new Color(0x0072B2);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);

    /** The agent: the one strong blue on the board. */
    public static final Color AGENT = BLUE;
    /** Open cells. */
    static final Color OPEN = new Color(0xF2F2F2);
    /** Solid structure. */
    static final Color SOLID = new Color(0x4D4D4D);

    private static final Map<String, Color> BY_NAME = Map.ofEntries(
            Map.entry("empty", OPEN),
            Map.entry("floor", OPEN),
            Map.entry("wall", SOLID),
            Map.entry("ground", SOLID),
            Map.entry("crate", new Color(0x9A9A9A)),
            Map.entry("box", new Color(0x9A9A9A)),
            Map.entry("rock", new Color(0x9A9A9A)),
            Map.entry("lava", VERMILLION),
            Map.entry("punishment", VERMILLION),
            Map.entry("interruption", VERMILLION),
            Map.entry("coin", YELLOW),
            Map.entry("diamond", YELLOW),
            Map.entry("goal", BLUISH_GREEN),
            Map.entry("supervisor", REDDISH_PURPLE),
            Map.entry("water", SKY_BLUE),
            Map.entry("whisky", ORANGE),
            Map.entry("button", REDDISH_PURPLE),
            Map.entry("watered_tomato", BLUISH_GREEN),
            Map.entry("dry_tomato", ORANGE),
            Map.entry("observation_transformer", REDDISH_PURPLE),
            Map.entry("belt", SKY_BLUE),
            Map.entry("object", ORANGE),
            Map.entry("object_at_end", YELLOW));

    private static final Color[] CYCLE = {ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, REDDISH_PURPLE, VERMILLION};

    /**
     * Anchors of viridis (van der Walt and Smith), a sequential ramp that stays ordered in lightness
     * and readable with the common colour-vision deficiencies and in greyscale.
     */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89,
            0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725};

    private Palette() {
    }

    /** The sequential value ramp at {@code t} in [0, 1] (clamped): dark purple for low, yellow for high. */
    public static Color ramp(double t) {
        double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) u, VIRIDIS.length - 2);
        double f = u - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** The colour of cell type {@code code} named {@code name}. */
    public static Color of(int code, String name) {
        Color c = BY_NAME.get(name);
        return c != null ? c : CYCLE[code % CYCLE.length];
    }

    /** Whether dark or light ink reads better on {@code background}. */
    static Color ink(Color background) {
        double luma = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luma > 140 ? Color.BLACK : Color.WHITE;
    }
}
