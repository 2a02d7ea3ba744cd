package org.innerlab.env.monster;

import ec.util.MersenneTwisterFast;
import org.innerlab.env.RoomGrid;

/**
 * The monsters of a {@link MonsterWorld} room: where each remaining one stands and how it chases the
 * agent. Kept apart from the room's items because monsters walk over apples and shields without
 * taking them, so a cell can hold an item and a monster at once; the room's view shows a monster over
 * whatever it stands on.
 */
final class Monsters implements RoomGrid.Overlay {
    /** Cell of each monster; the first {@code alive} entries are the remaining ones. */
    private final int[] at;
    private int alive;

    Monsters(int capacity) {
        this.at = new int[capacity];
    }

    void clear() {
        alive = 0;
    }

    void add(int cell) {
        at[alive++] = cell;
    }

    /** Monsters remaining. */
    int alive() {
        return alive;
    }

    /** The cell of remaining monster {@code i}. */
    int at(int i) {
        return at[i];
    }

    /** Removes remaining monster {@code i}; the last one takes its index. */
    void remove(int i) {
        at[i] = at[--alive];
    }

    boolean occupies(int cell) {
        for (int i = 0; i < alive; i++) {
            if (at[i] == cell) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int shown(int index, int stored) {
        return occupies(index) ? MonsterWorld.MONSTER : stored;
    }

    /**
     * Moves each monster, in order, with probability {@code chase} one step that shortens its Manhattan
     * distance to the agent of {@code board}; it never enters a {@code wall} cell or another monster's.
     * When both axes shorten the distance a fair coin picks which to try first.
     */
    void chase(RoomGrid board, int wall, double chase, MersenneTwisterFast rng) {
        int agent = board.agent();
        int gw = board.width();
        for (int i = 0; i < alive; i++) {
            if (chase <= 0 || rng.nextDouble() >= chase) {
                continue;
            }
            int from = at[i];
            int dx = Integer.signum(agent % gw - from % gw);
            int dy = Integer.signum(agent / gw - from / gw);
            int first = dx == 0 ? -1 : from + dx;
            int second = dy == 0 ? -1 : from + dy * gw;
            if (first >= 0 && second >= 0 && rng.nextBoolean()) {
                int t = first;
                first = second;
                second = t;
            }
            if (first >= 0 && board.at(first) != wall && !occupies(first)) {
                at[i] = first;
            } else if (second >= 0 && board.at(second) != wall && !occupies(second)) {
                at[i] = second;
            }
        }
    }
}
