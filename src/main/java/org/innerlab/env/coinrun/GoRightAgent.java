package org.innerlab.env.coinrun;

/**
 * Scripted agents that only ever try to go right: the proxy a CoinRun learner trained with the coin
 * at the end can fall into. The level generator runs all three on every randomized-coin level and
 * keeps the coin off every cell they pass through; a teacher or a baseline can use them too.
 */
public enum GoRightAgent {
    /** Always {@code RIGHT}; stops at the first wall or falls into the first gap. */
    ALWAYS_RIGHT,
    /**
     * {@code UP} when standing on solid ground with room above to jump, and a solid cell straight
     * ahead or no solid cell ahead-and-below (a pit, lava, or a drop); otherwise {@code RIGHT}. This is the "sensible"
     * go-right policy: every generated level is built so that it reaches the last column.
     */
    JUMP_WHEN_BLOCKED,
    /** {@code UP} whenever standing on solid ground, otherwise {@code RIGHT}: bunny-hops right. */
    ALWAYS_JUMP;

    /** This agent's action in {@code env}'s current state. */
    public int act(CoinRunLite env) {
        Board b = env.board();
        return act(b, b.grid.agentX(), b.grid.agentY());
    }

    int act(Board b, int x, int y) {
        switch (this) {
            case ALWAYS_RIGHT:
                return CoinRunLite.RIGHT;
            case ALWAYS_JUMP:
                return b.solidAt(x, y + 1) ? CoinRunLite.UP : CoinRunLite.RIGHT;
            default:
                if (!b.solidAt(x, y + 1) || b.solidAt(x, y - 1) || x + 1 >= b.width()) {
                    return CoinRunLite.RIGHT;
                }
                boolean blocked = b.solidAt(x + 1, y);
                boolean gapAhead = !b.solidAt(x + 1, y + 1);
                return blocked || gapAhead ? CoinRunLite.UP : CoinRunLite.RIGHT;
        }
    }
}
