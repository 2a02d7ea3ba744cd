package org.innerlab.env.coinrun;

/**
 * The levels of a fixed pool ({@code num_levels > 0}), each generated on first use and then copied
 * from memory, so resets on a small pool cost a copy of {@code width x height} bytes.
 */
final class LevelPool {
    private final byte[][] cells;
    /** Per level: start x, start y, coin x, coin y. */
    private final int[] meta;
    private final int width;
    private final int height;
    private final int size;

    LevelPool(int levels, int width, int height) {
        this.cells = new byte[levels][];
        this.meta = new int[levels * 4];
        this.width = width;
        this.height = height;
        this.size = width * height;
    }

    void load(int i, long seed, LevelGenerator generator, Board b) {
        if (cells[i] == null) {
            generator.generate(seed, b);
            byte[] copy = new byte[size];
            System.arraycopy(b.cells, 0, copy, 0, size);
            cells[i] = copy;
            meta[4 * i] = b.startX;
            meta[4 * i + 1] = b.startY;
            meta[4 * i + 2] = b.coinX;
            meta[4 * i + 3] = b.coinY;
            return;
        }
        b.resize(width, height);
        System.arraycopy(cells[i], 0, b.cells, 0, size);
        b.startX = meta[4 * i];
        b.startY = meta[4 * i + 1];
        b.coinX = meta[4 * i + 2];
        b.coinY = meta[4 * i + 3];
    }
}
