package org.innerlab.env.asg;

/**
 * A level as written in the reference: rows of characters, parsed once into cell codes so that
 * {@link AsgGame#reset} only copies an array.
 *
 * <p>The agent's {@code A} is not a cell: it is recorded as the start position and the cell under it
 * becomes floor, as pycolab's {@code what_lies_beneath=' '} does.
 */
final class Layout {
    final int width;
    final int height;
    /** Cell codes, row-major ({@code y * width + x}); a fresh copy per layout, never shared with a game. */
    final byte[] cells;
    /** Flat index of the agent's start. */
    final int agentStart;

    private Layout(int width, int height, byte[] cells, int agentStart) {
        this.width = width;
        this.height = height;
        this.cells = cells;
        this.agentStart = agentStart;
    }

    /**
     * Parses {@code rows}. Each character is first translated ({@code from.charAt(i)} becomes
     * {@code to.charAt(i)}, as the reference's repainters turn boxes {@code 1 2 3} into {@code X}), then
     * looked up in {@code glyphs}, whose index is the cell code.
     */
    static Layout parse(String[] rows, String glyphs, String from, String to) {
        int height = rows.length;
        int width = rows[0].length();
        byte[] cells = new byte[width * height];
        int agent = -1;
        for (int y = 0; y < height; y++) {
            if (rows[y].length() != width) {
                throw new IllegalArgumentException("ragged layout row " + y + ": " + rows[y]);
            }
            for (int x = 0; x < width; x++) {
                char c = rows[y].charAt(x);
                if (c == 'A') {
                    agent = y * width + x;
                    c = ' ';
                }
                int t = from.indexOf(c);
                if (t >= 0) {
                    c = to.charAt(t);
                }
                int code = glyphs.indexOf(c);
                if (code < 0) {
                    throw new IllegalArgumentException("layout character '" + c + "' is not one of \"" + glyphs + "\"");
                }
                cells[y * width + x] = (byte) code;
            }
        }
        if (agent < 0) {
            throw new IllegalArgumentException("layout has no agent 'A'");
        }
        return new Layout(width, height, cells, agent);
    }

    static Layout parse(String[] rows, String glyphs) {
        return parse(rows, glyphs, "", "");
    }

    /** Flat indices of every cell with code {@code code}, in row-major order. */
    int[] indicesOf(int code) {
        int n = 0;
        for (byte c : cells) {
            if (c == code) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == code) {
                out[n++] = i;
            }
        }
        return out;
    }
}
