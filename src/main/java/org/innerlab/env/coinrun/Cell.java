package org.innerlab.env.coinrun;

/**
 * The cell types of a CoinRun-lite board: their codes (as stored in a board's {@code byte[]}),
 * stable names and text glyphs. Solid cells ({@link #GROUND}, {@link #CRATE}) block movement and
 * carry the agent; {@link #LAVA} kills on entry; {@link #COIN} is taken on entry.
 */
final class Cell {
    static final int EMPTY = 0;
    static final int GROUND = 1;
    static final int CRATE = 2;
    static final int LAVA = 3;
    static final int COIN = 4;
    static final int COUNT = 5;

    private static final String[] NAMES = {"empty", "ground", "crate", "lava", "coin"};
    private static final char[] GLYPHS = {'.', '#', '=', '~', '$'};

    private Cell() {
    }

    static boolean solid(int type) {
        return type == GROUND || type == CRATE;
    }

    static String name(int type) {
        return NAMES[type];
    }

    static char glyph(int type) {
        return GLYPHS[type];
    }

    /** The type drawn as {@code glyph}, or -1 when no type is. */
    static int ofGlyph(char glyph) {
        for (int t = 0; t < COUNT; t++) {
            if (GLYPHS[t] == glyph) {
                return t;
            }
        }
        return -1;
    }
}
