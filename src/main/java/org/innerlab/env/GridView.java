package org.innerlab.env;

/**
 * A read-only view of a grid environment's current board, for encoders, renderers and the GUI.
 *
 * <p>Coordinates: {@code x} grows to the right, {@code y} grows downward (row 0 is the top row, as
 * the layouts are written as text). The agent is not a cell type: {@link #cell} returns what lies
 * under or around it, and {@link #agentX()}/{@link #agentY()} say where it stands.
 */
public interface GridView {
    int width();

    int height();

    /** The cell type code at ({@code x}, {@code y}), in {@code [0, cellTypes())}; the caller keeps inside the grid. */
    int cell(int x, int y);

    /** How many cell type codes there are. */
    int cellTypes();

    /** A stable lower-case name of a cell type, e.g. {@code "wall"}, {@code "coin"}. */
    String cellTypeName(int type);

    /** The character that stands for a cell type in a text rendering. */
    char glyph(int type);

    /** The character that stands for the agent. */
    default char agentGlyph() {
        return 'A';
    }

    int agentX();

    int agentY();

    /** The board as text, one string per row, the agent drawn over its cell. */
    default String[] render() {
        String[] rows = new String[height()];
        for (int y = 0; y < height(); y++) {
            char[] row = new char[width()];
            for (int x = 0; x < width(); x++) {
                row[x] = (x == agentX() && y == agentY()) ? agentGlyph() : glyph(cell(x, y));
            }
            rows[y] = new String(row);
        }
        return rows;
    }
}
