package org.innerlab.env.coinrun;

import java.util.List;
import org.innerlab.env.RoomGrid;

/**
 * The cell types of a CoinRun-lite board: their codes (as stored in a {@link RoomGrid}), stable
 * names and text glyphs. Solid cells ({@link #GROUND}, {@link #CRATE}) block movement and carry the
 * agent; {@link #LAVA} kills on entry; {@link #COIN} is taken on entry.
 */
final class Cell {
    static final int EMPTY = 0;
    static final int GROUND = 1;
    static final int CRATE = 2;
    static final int LAVA = 3;
    static final int COIN = 4;

    private static final String GLYPHS = ".#=~$";
    private static final List<String> NAMES = List.of("empty", "ground", "crate", "lava", "coin");

    private Cell() {
    }

    static boolean solid(int type) {
        return type == GROUND || type == CRATE;
    }

    /** A {@code width × height} grid with this legend, every cell {@link #EMPTY}. */
    static RoomGrid grid(int width, int height) {
        return new RoomGrid(width, height, GLYPHS, NAMES, GROUND, CRATE);
    }
}
