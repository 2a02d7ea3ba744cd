package org.innerlab.env.coinrun;

import static org.innerlab.env.coinrun.CoinRunLite.DOWN;
import static org.innerlab.env.coinrun.CoinRunLite.LEFT;
import static org.innerlab.env.coinrun.CoinRunLite.RIGHT;
import static org.innerlab.env.coinrun.CoinRunLite.UP;

import org.innerlab.env.RoomGrid;

/**
 * CoinRun-lite's movement rule as one pure function of (grid, position, rise, action), so the
 * environment, the level search and the scripted agents all run the very same dynamics. The rule is
 * stated in {@link CoinRunLite}'s javadoc. The result is packed into an int (x, y, rise, outcome;
 * 8 bits each) so the hot loop allocates nothing.
 */
final class Physics {
    static final int ALIVE = 0;
    static final int DIED = 1;
    static final int GOT_COIN = 2;

    private Physics() {
    }

    static int pack(int x, int y, int rise, int outcome) {
        return x | (y << 8) | (rise << 16) | (outcome << 24);
    }

    static int x(int packed) {
        return packed & 0xFF;
    }

    static int y(int packed) {
        return (packed >>> 8) & 0xFF;
    }

    static int rise(int packed) {
        return (packed >>> 16) & 0xFF;
    }

    static int outcome(int packed) {
        return packed >>> 24;
    }

    /**
     * One step on a board's {@code grid} from ({@code x}, {@code y}) with {@code rise} upward moves
     * left, under {@code action}.
     */
    static int advance(RoomGrid grid, int jumpHeight, int x, int y, int rise, int action) {
        int w = grid.width();
        byte[] cells = grid.cells();
        if (action == LEFT || action == RIGHT) {
            int nx = action == LEFT ? x - 1 : x + 1;
            if (nx >= 0 && nx < w) {
                int c = cells[y * w + nx];
                if (!Cell.solid(c)) {
                    x = nx;
                    if (c == Cell.LAVA) {
                        return pack(x, y, 0, DIED);
                    }
                    if (c == Cell.COIN) {
                        return pack(x, y, 0, GOT_COIN);
                    }
                }
            }
        }
        int h = grid.height();
        boolean supported = y + 1 < h && Cell.solid(cells[(y + 1) * w + x]);
        if (action == UP && supported) {
            rise = jumpHeight;
        } else if (action == DOWN) {
            rise = 0;
        }
        if (rise > 0) {
            if (y > 0 && !Cell.solid(cells[(y - 1) * w + x])) {
                y--;
                rise--;
            } else {
                // A head bump ends the jump; the fall starts on the next step.
                return pack(x, y, 0, ALIVE);
            }
        } else if (!supported) {
            y++;
            if (y == h) {
                // Fell out of the bottom: shown in the bottom row so views stay inside the grid.
                return pack(x, h - 1, 0, DIED);
            }
        } else {
            return pack(x, y, 0, ALIVE);
        }
        int c = cells[y * w + x];
        if (c == Cell.LAVA) {
            return pack(x, y, 0, DIED);
        }
        return pack(x, y, rise, c == Cell.COIN ? GOT_COIN : ALIVE);
    }
}
