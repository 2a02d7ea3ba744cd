package org.innerlab.env.coinrun;

/**
 * The levels of a fixed pool ({@code num_levels > 0}), each generated on first use and then copied
 * from memory, so resets on a small pool cost a copy of {@code width x height} bytes.
 */
final class LevelPool {
    private final Level[] levels;

    LevelPool(int levels) {
        this.levels = new Level[levels];
    }

    void load(int i, long seed, LevelGenerator generator, Board b) {
        if (levels[i] == null) {
            generator.generate(seed, b);
            levels[i] = Level.of(b);
            return;
        }
        levels[i].copyInto(b);
    }
}
