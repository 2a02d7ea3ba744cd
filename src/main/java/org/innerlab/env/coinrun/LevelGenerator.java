package org.innerlab.env.coinrun;

import ec.util.MersenneTwisterFast;
import org.innerlab.env.RoomGrid;

/**
 * Builds CoinRun-lite levels as a pure function of a 64-bit level seed, checking every level
 * against the actual dynamics before handing it out.
 *
 * <p>A level is a run of segments laid left to right: flat ground, steps up or down by at most
 * {@code jump_height}, pits (fall out of the bottom) and lava pools up to {@code min(3, 2 jump_height
 * - 1)} wide, crate stacks up to {@code jump_height} high, dips, and floating platforms the agent
 * can jump onto. The first two and the last two columns are flat. The start is column 0.
 *
 * <p>Checks, regenerating from the same stream when one fails:
 * <ul>
 * <li>training coin (last column, on the ground): {@link GoRightAgent#JUMP_WHEN_BLOCKED} must take it
 *     within the time limit, which proves the level solvable and "go right" competent;</li>
 * <li>randomized coin: that agent must reach the last column in time; the three {@link GoRightAgent}s
 *     are run and every cell they pass through (both cells of each step) is excluded; the coin is drawn
 *     uniformly among the cells that are empty, stand on solid ground, are not in the last column, are
 *     not excluded, lie within Chebyshev distance {@code coin_view_distance} of a cell where the
 *     jump-when-blocked agent ends a step (so a learner walking right sees it), and that
 *     {@link LevelSearch} reaches in time. No candidate means a new terrain.</li>
 * </ul>
 * After {@value #MAX_ATTEMPTS} failed terrains (not observed at the default size) a fallback is
 * used: flat ground with the start at column 2 and, if randomized, the coin on the ground behind it.
 */
final class LevelGenerator {
    static final int MAX_ATTEMPTS = 50;

    private static final int REACHED_END = 0;
    private static final int GOT_COIN = 1;
    private static final int FAILED = 2;

    private final int width;
    private final int height;
    private final int jumpHeight;
    private final int randomCoinPercent;
    private final int viewDistance;
    private final int timeLimit;
    private final int maxGround;
    private final int maxGap;

    private final MersenneTwisterFast rng = new MersenneTwisterFast(0);
    private final LevelSearch search = new LevelSearch();
    private final int[] ground = new int[Board.MAX_WIDTH];
    private final int[] crates = new int[Board.MAX_WIDTH];
    private final int[] platformRow = new int[Board.MAX_WIDTH];
    private final boolean[] lava = new boolean[Board.MAX_WIDTH];
    private final int[] excluded = new int[Board.MAX_WIDTH * Board.MAX_HEIGHT];
    private final int[] visible = new int[Board.MAX_WIDTH * Board.MAX_HEIGHT];
    private final int[] candidates = new int[Board.MAX_WIDTH * Board.MAX_HEIGHT];
    private final int[] stateSeen = new int[Board.MAX_WIDTH * Board.MAX_HEIGHT * (LevelSearch.MAX_JUMP + 1)];
    private int maskStamp;
    private int runStamp;

    /** Terrains drawn for the last level (1 when the first one passed). */
    int lastAttempts;
    /** Whether the last level is the fallback. */
    boolean lastFallback;

    LevelGenerator(int width, int height, int jumpHeight, int randomCoinPercent, int viewDistance, int timeLimit) {
        this.width = width;
        this.height = height;
        this.jumpHeight = jumpHeight;
        this.randomCoinPercent = randomCoinPercent;
        this.viewDistance = viewDistance;
        this.timeLimit = timeLimit;
        // Keep jump_height + 1 rows of headroom above the highest walking row.
        this.maxGround = Math.max(1, Math.min(height - 1 - jumpHeight, (height + 1) / 2));
        this.maxGap = Math.min(3, 2 * jumpHeight - 1);
    }

    void generate(long levelSeed, Board out) {
        // MersenneTwisterFast.setSeed(long) keeps only the low 32 bits; folding makes every bit count.
        rng.setSeed((int) (levelSeed ^ (levelSeed >>> 32)));
        boolean randomized = rng.nextInt(100) < randomCoinPercent;
        lastFallback = false;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            lastAttempts = attempt;
            layTerrain(out);
            if (randomized ? placeRandomCoin(out) : placeTrainingCoin(out)) {
                return;
            }
        }
        fallback(out, randomized);
    }

    private boolean placeTrainingCoin(Board b) {
        b.placeCoin(width - 1, walkRow(width - 1));
        return run(GoRightAgent.JUMP_WHEN_BLOCKED, b, false, false) == GOT_COIN;
    }

    private boolean placeRandomCoin(Board b) {
        maskStamp++;
        if (run(GoRightAgent.JUMP_WHEN_BLOCKED, b, true, true) != REACHED_END) {
            return false;
        }
        run(GoRightAgent.ALWAYS_RIGHT, b, true, false);
        run(GoRightAgent.ALWAYS_JUMP, b, true, false);
        search.run(b, jumpHeight, timeLimit);
        byte[] cells = b.grid.cells();
        int n = 0;
        for (int y = 0; y < height - 1; y++) {
            for (int x = 0; x < width - 1; x++) {
                int c = y * width + x;
                if (excluded[c] != maskStamp && visible[c] == maskStamp && cells[c] == Cell.EMPTY
                        && b.solidAt(x, y + 1) && search.cellSteps(x, y) >= 0) {
                    candidates[n++] = c;
                }
            }
        }
        if (n == 0) {
            return false;
        }
        int c = candidates[rng.nextInt(n)];
        b.placeCoin(c % width, c / width);
        return true;
    }

    /**
     * Plays {@code agent} from the start until it takes the coin, reaches the last column (when
     * {@code stopAtEnd}), dies, repeats a state or runs out of time. Marks the cells it passes through
     * as excluded and, with {@code markVisible}, the squares around where it ends each step as visible.
     */
    private int run(GoRightAgent agent, Board b, boolean stopAtEnd, boolean markVisible) {
        runStamp++;
        int x = b.startX;
        int y = b.startY;
        int rise = 0;
        RoomGrid grid = b.grid;
        excluded[y * width + x] = maskStamp;
        if (markVisible) {
            markVisible(x, y);
        }
        for (int t = 0; t < timeLimit; t++) {
            int s = (rise * height + y) * width + x;
            if (stateSeen[s] == runStamp) {
                return FAILED;
            }
            stateSeen[s] = runStamp;
            int r = Physics.advance(grid, jumpHeight, x, y, rise, agent.act(b, x, y));
            int nx = Physics.x(r);
            excluded[y * width + nx] = maskStamp;
            x = nx;
            y = Physics.y(r);
            rise = Physics.rise(r);
            excluded[y * width + x] = maskStamp;
            int outcome = Physics.outcome(r);
            if (outcome == Physics.DIED) {
                return FAILED;
            }
            if (outcome == Physics.GOT_COIN) {
                return GOT_COIN;
            }
            if (markVisible) {
                markVisible(x, y);
            }
            if (stopAtEnd && x == width - 1) {
                return REACHED_END;
            }
        }
        return FAILED;
    }

    private void markVisible(int cx, int cy) {
        int x0 = Math.max(0, cx - viewDistance);
        int x1 = Math.min(width - 1, cx + viewDistance);
        int y0 = Math.max(0, cy - viewDistance);
        int y1 = Math.min(height - 1, cy + viewDistance);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                visible[y * width + x] = maskStamp;
            }
        }
    }

    private void layTerrain(Board b) {
        for (int x = 0; x < width; x++) {
            crates[x] = 0;
            platformRow[x] = -1;
            lava[x] = false;
        }
        int h = 1 + rng.nextInt(Math.min(2, maxGround));
        flat(0, 2, h);
        int last = width - 2;
        int x = 2;
        while (x < last) {
            int room = last - x;
            switch (rng.nextInt(6)) {
                case 0 -> x = flat(x, 1 + rng.nextInt(Math.min(3, room)), h);
                case 1 -> {
                    int delta = 1 + rng.nextInt(jumpHeight);
                    h = clampGround(rng.nextBoolean() ? h + delta : h - delta);
                    x = flat(x, 1 + rng.nextInt(Math.min(3, room)), h);
                }
                case 2 -> {
                    if (room < 2) {
                        x = flat(x, room, h);
                        break;
                    }
                    int gap = 1 + rng.nextInt(Math.min(maxGap, room - 1));
                    boolean pool = rng.nextBoolean();
                    for (int i = 0; i < gap; i++, x++) {
                        ground[x] = pool ? h - 1 : 0;
                        lava[x] = pool;
                    }
                    // A one-cell jump cannot land higher than it took off.
                    h = clampGround(h + rng.nextInt(jumpHeight < 2 ? 2 : 3) - 1);
                    x = flat(x, 1, h);
                }
                case 3 -> {
                    // Leave a free row above the stack so the agent can jump off it again.
                    int tallest = Math.min(jumpHeight, height - 2 - h);
                    int stack = tallest < 1 ? 0 : 1 + rng.nextInt(tallest);
                    int len = Math.min(room, 1 + rng.nextInt(2));
                    for (int i = 0; i < len; i++) {
                        crates[x + i] = stack;
                    }
                    x = flat(x, len, h);
                }
                case 4 -> {
                    if (h < 2 || room < 2) {
                        x = flat(x, 1, h);
                        break;
                    }
                    int depth = 1 + rng.nextInt(Math.min(jumpHeight, h - 1));
                    int len = 1 + rng.nextInt(Math.min(2, room - 1));
                    x = flat(x, len, h - depth);
                    x = flat(x, 1, h);
                }
                default -> {
                    int len = Math.min(room, 3 + rng.nextInt(3));
                    int row = height - 1 - h - 1 - (jumpHeight < 2 ? 0 : rng.nextInt(jumpHeight - 1));
                    // The platform hangs over all but the segment's last column, so a jump there is clear.
                    if (jumpHeight >= 2 && row >= 1) {
                        for (int i = 0; i < len - 1; i++) {
                            platformRow[x + i] = row;
                        }
                    }
                    x = flat(x, len, h);
                }
            }
        }
        flat(last, 2, h);
        paint(b);
    }

    private int flat(int from, int len, int h) {
        for (int x = from; x < from + len; x++) {
            ground[x] = h;
        }
        return from + len;
    }

    private int clampGround(int h) {
        return Math.max(1, Math.min(maxGround, h));
    }

    /** The row the agent stands in on column {@code x} (above ground and crates). */
    private int walkRow(int x) {
        return height - 1 - ground[x] - crates[x];
    }

    private void paint(Board b) {
        b.resize(width, height);
        b.clear();
        for (int x = 0; x < width; x++) {
            int top = height - ground[x];
            for (int y = top; y < height; y++) {
                b.set(x, y, Cell.GROUND);
            }
            if (lava[x]) {
                b.set(x, top - 1, Cell.LAVA);
            }
            for (int k = 1; k <= crates[x]; k++) {
                b.set(x, top - k, Cell.CRATE);
            }
            if (platformRow[x] >= 0) {
                b.set(x, platformRow[x], Cell.GROUND);
            }
        }
        b.startX = 0;
        b.startY = walkRow(0);
        b.placeAgent(b.startX, b.startY);
    }

    /**
     * Flat ground one cell high, the start at column 2; a randomized coin lies on the ground behind the
     * start, where no go-right agent goes but the first view shows it. Valid for every allowed size.
     */
    private void fallback(Board b, boolean randomized) {
        lastFallback = true;
        for (int x = 0; x < width; x++) {
            ground[x] = 1;
            crates[x] = 0;
            platformRow[x] = -1;
            lava[x] = false;
        }
        paint(b);
        b.startX = 2;
        b.placeAgent(2, b.startY);
        if (randomized) {
            b.placeCoin(2 - Math.min(2, viewDistance), b.startY);
        } else {
            b.placeCoin(width - 1, b.startY);
        }
    }
}
