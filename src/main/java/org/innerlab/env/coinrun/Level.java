package org.innerlab.env.coinrun;

import java.util.Arrays;
import org.innerlab.env.GridView;

/**
 * An immutable CoinRun-lite level: its cells, the agent's start and the coin. Generated levels
 * come from {@link CoinRunLite#generate(long)}; hand-made ones from {@link #parse}. As a
 * {@link GridView} it shows the agent at its start.
 */
public final class Level implements GridView {
    private final int width;
    private final int height;
    private final byte[] cells;
    private final int startX;
    private final int startY;
    private final int coinX;
    private final int coinY;

    private Level(Board b) {
        width = b.width;
        height = b.height;
        cells = Arrays.copyOf(b.cells, width * height);
        startX = b.startX;
        startY = b.startY;
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
            if (rows[y].length() != b.width) {
                throw new IllegalArgumentException("row " + y + " has length " + rows[y].length()
                        + ", row 0 has " + b.width);
            }
            for (int x = 0; x < b.width; x++) {
                char g = rows[y].charAt(x);
                if (g == 'A') {
                    b.startX = x;
                    b.startY = y;
                    starts++;
                    continue;
                }
                int type = Cell.ofGlyph(g);
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

    void copyInto(Board b) {
        b.resize(width, height);
        System.arraycopy(cells, 0, b.cells, 0, cells.length);
        b.startX = startX;
        b.startY = startY;
        b.coinX = coinX;
        b.coinY = coinY;
        b.agentX = startX;
        b.agentY = startY;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int cell(int x, int y) {
        return cells[y * width + x];
    }

    @Override
    public int cellTypes() {
        return Cell.COUNT;
    }

    @Override
    public String cellTypeName(int type) {
        return Cell.name(type);
    }

    @Override
    public char glyph(int type) {
        return Cell.glyph(type);
    }

    @Override
    public int agentX() {
        return startX;
    }

    @Override
    public int agentY() {
        return startY;
    }

    public int startX() {
        return startX;
    }

    public int startY() {
        return startY;
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
        return coinX >= 0 && coinX != width - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Level l && l.width == width && l.height == height && l.startX == startX
                && l.startY == startY && l.coinX == coinX && l.coinY == coinY && Arrays.equals(l.cells, cells);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells) * 31 + startY * 64 + startX;
    }

    @Override
    public String toString() {
        return String.join("\n", render());
    }
}
