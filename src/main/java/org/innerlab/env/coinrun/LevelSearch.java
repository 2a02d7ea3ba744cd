package org.innerlab.env.coinrun;

import java.util.Arrays;
import org.innerlab.env.RoomGrid;

/**
 * Breadth-first search over CoinRun-lite's actual dynamics ({@link Physics}): the state is
 * (x, y, rise), the moves are the five actions, deaths are dead ends and taking the coin is a goal.
 * It answers "how many steps, at best, to the coin / to the last column / to stand in this cell"
 * and returns shortest action plans. The generator uses it to place randomized coins only where
 * they can be reached in time; tests and coin-seeking teachers use the plans.
 *
 * <p>Buffers are sized once for the largest level and reused (a visit stamp replaces clearing), so
 * a search allocates nothing except the plans it is asked for.
 */
public final class LevelSearch {
    /** The largest {@code jump_height} the buffers are sized for. */
    static final int MAX_JUMP = 4;
    private static final int STATES = Board.MAX_WIDTH * Board.MAX_HEIGHT * (MAX_JUMP + 1);

    private final int[] seen = new int[STATES];
    private final int[] dist = new int[STATES];
    private final int[] parent = new int[STATES];
    private final byte[] parentAction = new byte[STATES];
    private final int[] queue = new int[STATES];
    private final int[] cellSeen = new int[Board.MAX_WIDTH * Board.MAX_HEIGHT];
    private final int[] cellDist = new int[Board.MAX_WIDTH * Board.MAX_HEIGHT];
    private final Board scratch = new Board();
    private int stamp;
    private int width;
    private int height;
    private int coinSteps;
    private int coinFrom;
    private int coinAction;
    private int endSteps;
    private int endState;
    private int startState;

    /** Searches {@code level} from its start for at most {@code maxSteps} steps. */
    public void run(Level level, int jumpHeight, int maxSteps) {
        level.copyInto(scratch);
        run(scratch, jumpHeight, maxSteps);
    }

    void run(Board b, int jumpHeight, int maxSteps) {
        if (jumpHeight < 1 || jumpHeight > MAX_JUMP) {
            throw new IllegalArgumentException("jumpHeight must be in [1, " + MAX_JUMP + "], got " + jumpHeight);
        }
        stamp++;
        width = b.width();
        height = b.height();
        RoomGrid grid = b.grid;
        coinSteps = -1;
        endSteps = -1;
        int w = width;
        int head = 0;
        int tail = 0;
        startState = b.startY * w + b.startX;
        visit(startState, 0, -1, 0);
        queue[tail++] = startState;
        if (b.startX == w - 1) {
            endSteps = 0;
            endState = startState;
        }
        while (head < tail) {
            int s = queue[head++];
            int d = dist[s];
            if (d >= maxSteps) {
                continue;
            }
            int cellIndex = s % (w * height);
            int x = cellIndex % w;
            int y = cellIndex / w;
            int rise = s / (w * height);
            for (int a = 0; a < CoinRunLite.ACTIONS; a++) {
                int r = Physics.advance(grid, jumpHeight, x, y, rise, a);
                int outcome = Physics.outcome(r);
                if (outcome == Physics.DIED) {
                    continue;
                }
                int nx = Physics.x(r);
                if (outcome == Physics.GOT_COIN) {
                    if (coinSteps < 0) {
                        coinSteps = d + 1;
                        coinFrom = s;
                        coinAction = a;
                        if (nx == w - 1 && endSteps < 0) {
                            endSteps = d + 1;
                            endState = -1;
                        }
                    }
                    continue;
                }
                int ns = (Physics.rise(r) * height + Physics.y(r)) * w + nx;
                if (seen[ns] != stamp) {
                    visit(ns, d + 1, s, a);
                    queue[tail++] = ns;
                    if (nx == w - 1 && endSteps < 0) {
                        endSteps = d + 1;
                        endState = ns;
                    }
                }
            }
        }
    }

    private void visit(int s, int d, int from, int action) {
        seen[s] = stamp;
        dist[s] = d;
        parent[s] = from;
        parentAction[s] = (byte) action;
        int c = s % (width * height);
        if (cellSeen[c] != stamp) {
            cellSeen[c] = stamp;
            cellDist[c] = d;
        }
    }

    /** Fewest steps to take the coin, or -1 when it cannot be taken in time (or there is none). */
    public int coinSteps() {
        return coinSteps;
    }

    /** Fewest steps to reach the last column alive, or -1. */
    public int endSteps() {
        return endSteps;
    }

    /** Fewest steps after which the agent can be in cell ({@code x}, {@code y}) alive, or -1. */
    public int cellSteps(int x, int y) {
        int c = y * width + x;
        return cellSeen[c] == stamp ? cellDist[c] : -1;
    }

    /** A shortest action sequence that takes the coin, or null when there is none. */
    public int[] planToCoin() {
        if (coinSteps < 0) {
            return null;
        }
        int[] plan = planTo(coinFrom, coinSteps);
        plan[coinSteps - 1] = coinAction;
        return plan;
    }

    /** A shortest action sequence that reaches the last column alive, or null. */
    public int[] planToEnd() {
        if (endSteps < 0) {
            return null;
        }
        return endState < 0 ? planToCoin() : planTo(endState, endSteps);
    }

    private int[] planTo(int state, int length) {
        int[] plan = new int[length];
        Arrays.fill(plan, -1);
        int s = state;
        int i = dist[s] - 1;
        while (s != startState) {
            plan[i--] = parentAction[s];
            s = parent[s];
        }
        return plan;
    }
}
