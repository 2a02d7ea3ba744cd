package org.innerlab.env;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;

/**
 * The board of a room world: a {@code width × height} grid of cell type codes stored flat
 * (row-major, index {@code y · width + x}), the agent's cell and the legend (a name and a glyph per
 * type). It is the {@link GridView} that encoders, the GUI and {@code replay} read, and it owns what
 * the room worlds (Keys &amp; Chests, the cheese maze, monster world, compliance requests) have in
 * common: bounds, moves that stop at blocking cells, a walled room, random distinct starting cells
 * and the inventory drawn in the top border. What a cell <em>does</em> (rewards, events, monsters,
 * level generation) stays in each world's own file. Nothing here allocates after construction.
 *
 * <p>A world whose board changes size from level to level (CoinRun-lite) builds the grid at its
 * largest size and {@link #resize}s it per level: the cells are reused, the first
 * {@code width × height} of them in use.
 */
public final class RoomGrid implements GridView {
    public static final int UP = 0;
    public static final int DOWN = 1;
    public static final int LEFT = 2;
    public static final int RIGHT = 3;
    private static final int[] DX = {0, 0, -1, 1};
    private static final int[] DY = {-1, 1, 0, 0};

    /**
     * Something that stands on a cell without being stored in it (a monster over an apple): what the
     * view shows at a cell, given the stored type.
     */
    @FunctionalInterface
    public interface Overlay {
        int shown(int index, int stored);
    }

    /** Receives each character of a text layout with the flat index it lands on and its layout row. */
    @FunctionalInterface
    public interface LayoutReader {
        void read(char glyph, int index, int row);
    }

    private int width;
    private int height;
    private final String glyphs;
    private final List<String> names;
    private final boolean[] blocking;
    /** Null when nothing stands on the cells. */
    private final Overlay overlay;
    private final byte[] cells;
    private int agent;

    /**
     * @param glyphs   the text glyph of each cell type, index = type code
     * @param names    a stable lower-case name per cell type
     * @param blocking the cell types a move cannot enter
     */
    public RoomGrid(int width, int height, String glyphs, List<String> names, int... blocking) {
        this(width, height, glyphs, names, null, blocking);
    }

    /** A grid whose view shows {@code overlay} over the stored cells. */
    public RoomGrid(int width, int height, String glyphs, List<String> names, Overlay overlay, int... blocking) {
        if (glyphs.length() != names.size()) {
            throw new IllegalArgumentException("one name per glyph needed");
        }
        this.width = width;
        this.height = height;
        this.glyphs = glyphs;
        this.names = List.copyOf(names);
        this.blocking = new boolean[glyphs.length()];
        for (int type : blocking) {
            this.blocking[type] = true;
        }
        this.overlay = overlay;
        this.cells = new byte[width * height];
    }

    /**
     * Re-shapes the grid to {@code width × height} inside the cells it was built with, reusing them.
     * The cells keep their bytes, which no longer mean the old layout: write them (fill, set or copy)
     * before reading. The agent keeps its flat index.
     */
    public void resize(int width, int height) {
        if (width < 1 || height < 1 || width * height > cells.length) {
            throw new IllegalArgumentException("grid size " + width + "x" + height + " does not fit the "
                    + cells.length + " cells the grid was built with");
        }
        this.width = width;
        this.height = height;
    }

    /**
     * Makes this grid a copy of {@code other}: its size (which must fit this grid's cells), its cells
     * and its agent. The legends are taken to be the same.
     */
    public void copyFrom(RoomGrid other) {
        resize(other.width, other.height);
        System.arraycopy(other.cells, 0, cells, 0, width * height);
        agent = other.agent;
    }

    /**
     * The stored cells themselves, row-major with stride {@link #width()}, the first
     * {@code width × height} in use, for a world's hot loop that reads many cells (fetch it once,
     * outside the loop; a resize keeps the same array). Writing into it changes the grid.
     */
    public byte[] cells() {
        return cells;
    }

    /** The type stored at flat index {@code index} (without any overlay). */
    public int at(int index) {
        return cells[index];
    }

    public void set(int index, int type) {
        cells[index] = (byte) type;
    }

    public void fill(int type) {
        Arrays.fill(cells, 0, width * height, (byte) type);
    }

    /** How many cells store {@code type}. */
    public int count(int type) {
        int n = 0;
        for (int i = 0; i < width * height; i++) {
            if (cells[i] == type) {
                n++;
            }
        }
        return n;
    }

    /** The agent's flat index. */
    public int agent() {
        return agent;
    }

    public void placeAgent(int index) {
        agent = index;
    }

    /** A flat index's column over {@code width − 1}, the scale of the position features. */
    public double columnFraction(int index) {
        return (index % width) / (double) (width - 1);
    }

    /** A flat index's row over {@code height − 1}, the scale of the position features. */
    public double rowFraction(int index) {
        return (index / width) / (double) (height - 1);
    }

    /**
     * Moves the agent one cell toward {@code action} ({@link #UP}, {@link #DOWN}, {@link #LEFT},
     * {@link #RIGHT}) unless that leaves the grid or enters a blocking cell; true when it moved.
     */
    public boolean move(int action) {
        int x = agent % width + DX[action];
        int y = agent / width + DY[action];
        if (x < 0 || y < 0 || x >= width || y >= height || blocking[cells[y * width + x]]) {
            return false;
        }
        agent = y * width + x;
        return true;
    }

    /** Fills the one-cell border with {@code wall} and everything inside it with {@code floor}. */
    public void wallIn(int floor, int wall) {
        Arrays.fill(cells, 0, width * height, (byte) wall);
        for (int y = 1; y < height - 1; y++) {
            Arrays.fill(cells, y * width + 1, (y + 1) * width - 1, (byte) floor);
        }
    }

    /**
     * Writes the flat index of every cell inside the border into {@code into}, row-major, then draws
     * {@code count} of them uniformly without replacement to the front (a partial Fisher-Yates
     * shuffle: one {@code rng.nextInt} per drawn cell).
     */
    public void drawInnerCells(int[] into, int count, MersenneTwisterFast rng) {
        int inner = width - 2;
        int n = inner * (height - 2);
        for (int i = 0; i < n; i++) {
            into[i] = (1 + i / inner) * width + 1 + i % inner;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int t = into[i];
            into[i] = into[j];
            into[j] = t;
        }
    }

    /**
     * Draws an inventory in the top border row, as in Procgen's HUD: its first {@code held} inner
     * cells (at most the room's inner width) show {@code item}, the rest {@code wall}.
     */
    public void showHeld(int held, int item, int wall) {
        for (int x = 1; x < width - 1; x++) {
            cells[x] = (byte) (x <= held ? item : wall);
        }
    }

    /**
     * The x (when {@code horizontal}) or y offset from the agent to the nearest cell inside the border
     * that shows {@code type}, overlay included (Manhattan distance, ties to the first in row-major
     * order); 0 when there is none.
     */
    public int offsetToNearest(int type, boolean horizontal) {
        int ax = agent % width;
        int ay = agent / width;
        int best = Integer.MAX_VALUE;
        int bestCell = -1;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int d = Math.abs(x - ax) + Math.abs(y - ay);
                if (d < best && cell(x, y) == type) {
                    best = d;
                    bestCell = y * width + x;
                }
            }
        }
        if (bestCell < 0) {
            return 0;
        }
        return horizontal ? bestCell % width - ax : bestCell / width - ay;
    }

    /**
     * Hands {@code reader} every character of {@code rows}, each {@code columns} long, laid with its
     * top-left character at ({@code x0}, {@code y0}); a row of another length is an error.
     */
    public void readLayout(String[] rows, int columns, int x0, int y0, LayoutReader reader) {
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != columns) {
                throw new IllegalArgumentException("layout row " + y + " has " + rows[y].length()
                        + " characters, expected " + columns);
            }
            for (int x = 0; x < columns; x++) {
                reader.read(rows[y].charAt(x), (y0 + y) * width + x0 + x, y);
            }
        }
    }

    /**
     * Lays a drawing already checked against its legend into the cells: {@code rows} as wide as the
     * grid and as many as it is high, each glyph its cell type, except {@code agentGlyph}, which places
     * the agent on a cell of type {@code beneath}.
     */
    public void draw(String[] rows, char agentGlyph, int beneath) {
        readLayout(rows, width, 0, 0, (glyph, index, row) -> {
            if (glyph == agentGlyph) {
                placeAgent(index);
                set(index, beneath);
            } else {
                set(index, typeOf(glyph));
            }
        });
    }

    /**
     * Marks in {@code into} (one flag per cell, row-major) every cell the agent can walk to from where
     * it stands, by breadth-first search through non-blocking cells; allocates its queue, so call it
     * once per board, not per step.
     */
    public void reachable(boolean[] into) {
        Arrays.fill(into, false);
        int[] queue = new int[width * height];
        int tail = 0;
        queue[tail++] = agent;
        into[agent] = true;
        for (int head = 0; head < tail; head++) {
            int at = queue[head];
            for (int d = 0; d < 4; d++) {
                int x = at % width + DX[d];
                int y = at / width + DY[d];
                int next = y * width + x;
                if (x >= 0 && y >= 0 && x < width && y < height && !into[next] && !blocking[cells[next]]) {
                    into[next] = true;
                    queue[tail++] = next;
                }
            }
        }
    }

    /** The cell type whose glyph is {@code glyph}, or -1 when there is none. */
    public int typeOf(char glyph) {
        return glyphs.indexOf(glyph);
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
        int index = y * width + x;
        return overlay == null ? cells[index] : overlay.shown(index, cells[index]);
    }

    @Override
    public int cellTypes() {
        return glyphs.length();
    }

    @Override
    public String cellTypeName(int type) {
        return names.get(type);
    }

    @Override
    public char glyph(int type) {
        return glyphs.charAt(type);
    }

    @Override
    public int agentX() {
        return agent % width;
    }

    @Override
    public int agentY() {
        return agent / width;
    }
}
