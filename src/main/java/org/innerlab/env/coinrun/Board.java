package org.innerlab.env.coinrun;

import org.innerlab.env.RoomGrid;

/**
 * A CoinRun-lite level being built or played: its {@link RoomGrid} (cells and agent, the view the
 * encoders read), the agent's start and the coin. The generator writes one, the environment plays on
 * one, the search reads one. The grid is built once at the largest level size and resized per level,
 * so regenerating a level allocates nothing.
 */
final class Board {
    static final int MAX_WIDTH = 64;
    static final int MAX_HEIGHT = 16;

    final RoomGrid grid = Cell.grid(MAX_WIDTH, MAX_HEIGHT);
    int startX;
    int startY;
    /** The coin's cell, or -1 when the board has no coin. */
    int coinX = -1;
    int coinY = -1;

    void resize(int w, int h) {
        if (w < 2 || w > MAX_WIDTH || h < 2 || h > MAX_HEIGHT) {
            throw new IllegalArgumentException("board size " + w + "x" + h + " outside 2x2.."
                    + MAX_WIDTH + "x" + MAX_HEIGHT);
        }
        grid.resize(w, h);
    }

    int width() {
        return grid.width();
    }

    int height() {
        return grid.height();
    }

    void clear() {
        grid.fill(Cell.EMPTY);
        coinX = -1;
        coinY = -1;
    }

    void set(int x, int y, int type) {
        grid.set(y * grid.width() + x, type);
    }

    /** Solid for movement: the left, right and top borders count as walls; below the bottom is open air. */
    boolean solidAt(int x, int y) {
        if (x < 0 || x >= grid.width() || y < 0) {
            return true;
        }
        return y < grid.height() && Cell.solid(grid.at(y * grid.width() + x));
    }

    void placeCoin(int x, int y) {
        set(x, y, Cell.COIN);
        coinX = x;
        coinY = y;
    }

    void placeAgent(int x, int y) {
        grid.placeAgent(y * grid.width() + x);
    }

    void copyFrom(Board other) {
        grid.copyFrom(other.grid);
        startX = other.startX;
        startY = other.startY;
        coinX = other.coinX;
        coinY = other.coinY;
    }
}
