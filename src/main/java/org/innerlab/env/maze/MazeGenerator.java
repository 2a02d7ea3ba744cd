package org.innerlab.env.maze;

import ec.util.MersenneTwisterFast;

/**
 * Perfect mazes by randomized Kruskal: a {@code size × size} maze ({@code size} odd) has a room at
 * every cell with both coordinates even, walls everywhere else; the edges between neighbouring rooms
 * are shuffled, and each edge whose rooms are not yet connected (union-find) is opened. The result
 * is a spanning tree of the rooms, so every free cell is reachable from every other by exactly one
 * path: every maze is solvable by construction.
 *
 * <p>All working arrays are sized once for the largest maze, so generating a maze allocates nothing.
 */
final class MazeGenerator {
    private final int maxSize;
    private final int[] parent;
    private final int[] edges;

    /** @param maxSize the largest maze side this generator will be asked for (odd) */
    MazeGenerator(int maxSize) {
        this.maxSize = maxSize;
        int rooms = (maxSize + 1) / 2;
        this.parent = new int[rooms * rooms];
        // Each room has at most one edge to the right and one downward.
        this.edges = new int[2 * rooms * rooms];
    }

    /**
     * Carves a maze of side {@code size} into {@code free} (row-major, {@code stride} cells a row,
     * origin at ({@code x0}, {@code y0})): cells of the maze become true, nothing else is touched.
     */
    void carve(int size, MersenneTwisterFast rng, boolean[] free, int stride, int x0, int y0) {
        if (size % 2 == 0 || size < 1 || size > maxSize) {
            throw new IllegalArgumentException("maze size must be odd and in [1, " + maxSize + "], got " + size);
        }
        int m = (size + 1) / 2;
        int count = 0;
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                int room = j * m + i;
                parent[room] = room;
                free[(y0 + 2 * j) * stride + x0 + 2 * i] = true;
                // An edge is encoded as room * 2 + direction (0: to the right, 1: downward).
                if (i + 1 < m) {
                    edges[count++] = room * 2;
                }
                if (j + 1 < m) {
                    edges[count++] = room * 2 + 1;
                }
            }
        }
        // Fisher-Yates shuffle of the edges.
        for (int k = count - 1; k > 0; k--) {
            int r = rng.nextInt(k + 1);
            int t = edges[k];
            edges[k] = edges[r];
            edges[r] = t;
        }
        for (int k = 0; k < count; k++) {
            int room = edges[k] >> 1;
            boolean down = (edges[k] & 1) != 0;
            int other = down ? room + m : room + 1;
            int a = find(room);
            int b = find(other);
            if (a != b) {
                parent[a] = b;
                int i = room % m;
                int j = room / m;
                int wx = x0 + 2 * i + (down ? 0 : 1);
                int wy = y0 + 2 * j + (down ? 1 : 0);
                free[wy * stride + wx] = true;
            }
        }
    }

    private int find(int room) {
        while (parent[room] != room) {
            // Path halving keeps the trees shallow without recursion.
            parent[room] = parent[parent[room]];
            room = parent[room];
        }
        return room;
    }
}
