package org.innerlab.env.coinrun;

import org.innerlab.env.GridView;

/**
 * A mutable CoinRun-lite board: cells, start, coin and agent position. The generator writes one,
 * the environment plays on one, the search reads one; its cell buffer is sized for the largest
 * level once, so regenerating a level allocates nothing.
 */
final class Board implements GridView {
    static final int MAX_WIDTH = 64;
    static final int MAX_HEIGHT = 16;

    /** Row-major cells, {@code cells[y * width + x]}, the first {@code width * height} valid. */
    final byte[] cells = new byte[MAX_WIDTH * MAX_HEIGHT];
    int width;
    int height;
    int startX;
    int startY;
    /** The coin's cell, or -1 when the board has no coin. */
    int coinX = -1;
    int coinY = -1;
    int agentX;
    int agentY;

    void resize(int w, int h) {
        if (w < 2 || w > MAX_WIDTH || h < 2 || h > MAX_HEIGHT) {
            throw new IllegalArgumentException("board size " + w + "x" + h + " outside 2x2.."
                    + MAX_WIDTH + "x" + MAX_HEIGHT);
        }
        width = w;
        height = h;
    }

    void clear() {
        java.util.Arrays.fill(cells, 0, width * height, (byte) Cell.EMPTY);
        coinX = -1;
        coinY = -1;
    }

    int at(int x, int y) {
        return cells[y * width + x];
    }

    void set(int x, int y, int type) {
        cells[y * width + x] = (byte) type;
    }

    /** Solid for movement: the left, right and top borders count as walls; below the bottom is open air. */
    boolean solidAt(int x, int y) {
        if (x < 0 || x >= width || y < 0) {
            return true;
        }
        return y < height && Cell.solid(cells[y * width + x]);
    }

    void placeCoin(int x, int y) {
        set(x, y, Cell.COIN);
        coinX = x;
        coinY = y;
    }

    void copyFrom(Board other) {
        resize(other.width, other.height);
        System.arraycopy(other.cells, 0, cells, 0, width * height);
        startX = other.startX;
        startY = other.startY;
        coinX = other.coinX;
        coinY = other.coinY;
        agentX = other.agentX;
        agentY = other.agentY;
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
        return agentX;
    }

    @Override
    public int agentY() {
        return agentY;
    }
}
