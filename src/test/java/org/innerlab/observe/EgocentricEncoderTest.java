package org.innerlab.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.env.Params;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

class EgocentricEncoderTest {
    /** A fixed 4×3 board: wall row on the bottom, a coin at (3, 1), agent at (0, 1). */
    private static final class Board implements Environment, GridView {
        static final EnvSpec SPEC = new EnvSpec("test-board-v1", "fixed board", List.of("NOOP"),
                List.<ParamSpec>of(), List.of(), List.of("agent_x", "constant"), "none", e -> false, e -> false);
        private final int[][] cells = {{0, 0, 0, 0}, {0, 0, 0, 2}, {1, 1, 1, 1}};

        @Override public EnvSpec spec() { return SPEC; }
        @Override public Params params() { return Params.defaults(SPEC); }
        @Override public void reset(MersenneTwisterFast rng) { }
        @Override public void step(int action, StepResult out) { out.clear(); }
        @Override public int episodeSteps() { return 0; }
        @Override public GridView view() { return this; }
        @Override public double feature(int index) { return index == 0 ? 0.25 : 0.0; }
        @Override public int width() { return 4; }
        @Override public int height() { return 3; }
        @Override public int cell(int x, int y) { return cells[y][x]; }
        @Override public int cellTypes() { return 3; }
        @Override public String cellTypeName(int type) { return new String[] {"empty", "wall", "coin"}[type]; }
        @Override public char glyph(int type) { return ".#$".charAt(type); }
        @Override public int agentX() { return 0; }
        @Override public int agentY() { return 1; }
    }

    @Test
    void encodesBiasWindowOutsideAndFeaturesAtDocumentedIndices() {
        Board board = new Board();
        EgocentricEncoder enc = new EgocentricEncoder(Board.SPEC, board, 1, List.of("agent_x", "constant"));
        assertEquals(1 + 9 * 4 + 2, enc.dimension());
        SparseVector v = new SparseVector(enc.dimension(), enc.maxActive());
        enc.encode(board, v);
        // Window around (0,1), row-major from (-1,-1): outside, empty, empty / outside, empty, empty /
        // outside, wall, wall; slot = 1 + cell * 4 + type, type 3 = outside. "constant" is 0: omitted.
        int[] expected = {0, 1 + 0 * 4 + 3, 1 + 4 + 0, 1 + 8 + 0, 1 + 12 + 3, 1 + 16 + 0, 1 + 20 + 0,
                          1 + 24 + 3, 1 + 28 + 1, 1 + 32 + 1, 37};
        assertArrayEquals(expected, Arrays.copyOf(v.index, v.size));
        assertEquals(0.25, v.value[v.size - 1]);
        assertEquals("view[1,1]=wall", enc.featureName(1 + 32 + 1));
        assertEquals("agent_x", enc.featureName(37));
    }

    @Test
    void fullBoardEncoderSeesTheCoinAnywhere() {
        Board board = new Board();
        FullBoardEncoder enc = new FullBoardEncoder(board);
        SparseVector v = new SparseVector(enc.dimension(), enc.maxActive());
        enc.encode(board, v);
        assertEquals(12 + 1 + 1, v.size);
        assertEquals((1 * 4 + 3) * 3 + 2, v.index[7], "coin at (3,1) is one-hot slot 2 of cell 7");
        assertEquals(12 * 3 + 4, v.index[12], "agent at (0,1)");
    }
}
