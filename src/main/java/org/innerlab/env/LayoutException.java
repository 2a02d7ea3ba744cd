package org.innerlab.env;

import org.innerlab.core.BadInputException;

/**
 * A hand-drawn layout does not fit its environment's {@link Legend}: what is wrong, where in the
 * drawing (0-based row and column), and what to do. Its message locates the problem inside the
 * drawing ({@code layout row 3, column 5: unknown symbol 'x'; ...}); a scenario translates the row and
 * column to its file's line and column instead.
 */
public final class LayoutException extends BadInputException {
    private final int row;
    private final int column;
    private final String problem;
    private final String hint;

    public LayoutException(int row, int column, String problem, String hint) {
        super("layout row " + (row + 1) + ", column " + (column + 1) + ": " + problem + "; " + hint);
        this.row = row;
        this.column = column;
        this.problem = problem;
        this.hint = hint;
    }

    /** The 0-based row of the drawing the problem is on. */
    public int row() {
        return row;
    }

    /** The 0-based column of the drawing the problem is at. */
    public int column() {
        return column;
    }

    /** What is wrong, without position or hint. */
    public String problem() {
        return problem;
    }

    /** What to do about it. */
    public String hint() {
        return hint;
    }
}
