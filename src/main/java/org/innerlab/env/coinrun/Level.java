package org.innerlab.env.coinrun;

import java.util.Arrays;
import org.innerlab.env.GridView;
import org.innerlab.env.RoomGrid;

/**
 * An immutable CoinRun-lite level: its cells, the agent's start and the coin. Generated levels
 * come from {@link CoinRunLite#generate(long)}; hand-made ones from {@link #parse}. As a
 * {@link GridView} it shows the agent at its start.
 */
public final class Level implements GridView {
    /** The cells at this level's own size, the agent at the start; never changed after construction. */
    private final RoomGrid grid;
    private final int coinX;
    private final int coinY;

    private Level(Board b) {
        grid = Cell.grid(b.width(), b.height());
        grid.copyFrom(b.grid);
        grid.placeAgent(b.startY * b.width() + b.startX);
        coinX = b.coinX;
        coinY = b.coinY;
    }

    static Level of(Board b) {
        return new Level(b);
    }

    /**
     * A hand-made level from text rows, top row first: {@code .} empty, {@code #} ground,
     * {@code =} crate, {@code ~} lava, {@code $} the coin (at most one), {@code A} the agent's start
     * (exactly one, on an empty cell).
     */
    public static Level parse(String... rows) {
        if (rows.length < 2 || rows.length > Board.MAX_HEIGHT) {
            throw new IllegalArgumentException("a level has 2.." + Board.MAX_HEIGHT + " rows, got " + rows.length);
        }
        Board b = new Board();
        b.resize(rows[0].length(), rows.length);
        b.clear();
        int starts = 0;
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != b.width()) {
                throw new IllegalArgumentException("row " + y + " has length " + rows[y].length()
                        + ", row 0 has " + b.width());
            }
            for (int x = 0; x < b.width(); x++) {
                char g = rows[y].charAt(x);
                if (g == 'A') {
                    b.startX = x;
                    b.startY = y;
                    starts++;
                    continue;
                }
                int type = b.grid.typeOf(g);
                if (type < 0) {
                    throw new IllegalArgumentException("unknown glyph '" + g + "' at (" + x + ", " + y + ")");
                }
                if (type == Cell.COIN) {
                    if (b.coinX >= 0) {
                        throw new IllegalArgumentException("a level holds at most one coin");
                    }
                    b.placeCoin(x, y);
                } else {
                    b.set(x, y, type);
                }
            }
        }
        if (starts != 1) {
            throw new IllegalArgumentException("a level needs exactly one 'A', got " + starts);
        }
        return new Level(b);
    }

    /** Loads this level into {@code b}, the agent at the start. */
    void copyInto(Board b) {
        b.grid.copyFrom(grid);
        b.startX = startX();
        b.startY = startY();
        b.coinX = coinX;
        b.coinY = coinY;
    }

    @Override
    public int width() {
        return grid.width();
    }

    @Override
    public int height() {
        return grid.height();
    }

    @Override
    public int cell(int x, int y) {
        return grid.cell(x, y);
    }

    @Override
    public int cellTypes() {
        return grid.cellTypes();
    }

    @Override
    public String cellTypeName(int type) {
        return grid.cellTypeName(type);
    }

    @Override
    public char glyph(int type) {
        return grid.glyph(type);
    }

    @Override
    public int agentX() {
        return grid.agentX();
    }

    @Override
    public int agentY() {
        return grid.agentY();
    }

    public int startX() {
        return grid.agentX();
    }

    public int startY() {
        return grid.agentY();
    }

    public boolean hasCoin() {
        return coinX >= 0;
    }

    /** The coin's column, or -1 without a coin. */
    public int coinX() {
        return coinX;
    }

    /** The coin's row, or -1 without a coin. */
    public int coinY() {
        return coinY;
    }

    /** True when the coin lies elsewhere than the last column (a test-distribution level). */
    public boolean coinRandomized() {
        return coinX >= 0 && coinX != grid.width() - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Level l && l.width() == width() && l.height() == height() && l.grid.agent() == grid.agent()
                && l.coinX == coinX && l.coinY == coinY && Arrays.equals(l.grid.cells(), grid.cells());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(grid.cells()) * 31 + startY() * 64 + startX();
    }

    @Override
    public String toString() {
        return String.join("\n", render());
    }
}
