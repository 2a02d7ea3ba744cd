package org.innerlab.env.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.LayoutException;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/**
 * The cheese maze on a hand-drawn maze: the drawing is centred in the {@code max_size} grid, fixes
 * walls, start and corner, a drawn cheese is fixed and an undrawn one is placed by
 * {@code cheese_region}; a scripted episode pays exactly, and the drawing's rules are refused at their
 * row and column.
 */
class CheeseMazeLayoutTest {
    /**
     * A walled maze with a loop: the cheese is four steps up from the start, the corner (the top-right
     * character is wall, so its inner neighbour) ten steps away along the bottom and up the right.
     */
    private static final String MAZE = """
            #########
            #C  #   #
            # # # # #
            # #   # #
            # ##### #
            #A      #
            #########
            """;
    private static final String LETTERS = "UDLR";

    private static CheeseMaze maze(Map<String, ?> params) {
        return (CheeseMaze) EnvRegistry.create("cheese-maze-v1", params);
    }

    /** The flat index of drawing cell ({@code x}, {@code y}) of {@link #MAZE} centred in the 13-grid. */
    private static int cell(int x, int y) {
        return (3 + y) * 13 + 2 + x;
    }

    @Test
    void theDrawingIsCentredInTheGridWithItsStartCornerAndCheese() {
        CheeseMaze env = maze(Map.of("layout", MAZE));
        env.reset(new MersenneTwisterFast(1));
        String[] view = env.view().render();
        assertEquals(13, view.length);
        assertEquals("#".repeat(13), view[2]);
        assertEquals("###C  #   ###", view[4]);
        assertEquals("###A      ###", view[8]);
        assertEquals(cell(1, 5), env.startCell());
        assertEquals(cell(7, 1), env.cornerCell());
        assertEquals(cell(1, 1), env.cheeseCell());
        assertEquals(cell(1, 5), env.decisionCell(), "the shortest paths part at the start");
    }

    @Test
    void aScriptedWalkToTheCornerAndRoundTheLoopToTheCheesePaysTenOnBothLedgers() {
        CheeseMaze env = maze(Map.of("layout", MAZE));
        env.reset(new MersenneTwisterFast(1));
        StepResult out = new StepResult();
        double observed = 0;
        double truth = 0;
        long events = 0;
        String script = "RRRRRRUUUU" + "LLDDLLUULL";
        for (int i = 0; i < script.length(); i++) {
            env.step(LETTERS.indexOf(script.charAt(i)), out);
            observed += out.observedReward;
            truth += out.trueReward;
            events |= out.events;
            if (i == 9) {
                assertEquals(CheeseMaze.REACHED_CORNER, out.events);
            }
        }
        assertEquals(10.0, observed);
        assertEquals(10.0, truth);
        assertTrue(out.terminated);
        assertEquals(CheeseMaze.AT_DECISION_SQUARE | CheeseMaze.REACHED_CORNER | CheeseMaze.GOT_CHEESE, events);
    }

    @Test
    void withoutADrawnCheeseTheRegionPlacesItAtTheCornerOrAnywhereReachable() {
        String noCheese = MAZE.replace('C', ' ');
        CheeseMaze corner = maze(Map.of("layout", noCheese, "cheese_region", 1));
        CheeseMaze anywhere = maze(Map.of("layout", noCheese));
        MersenneTwisterFast rng = new MersenneTwisterFast(5);
        Set<Integer> seen = new HashSet<>();
        for (int episode = 0; episode < 300; episode++) {
            corner.reset(rng);
            assertEquals(corner.cornerCell(), corner.cheeseCell());
            anywhere.reset(rng);
            assertTrue(anywhere.isFree(anywhere.cheeseCell()));
            assertNotEquals(anywhere.startCell(), anywhere.cheeseCell());
            seen.add(anywhere.cheeseCell());
        }
        assertEquals(24 - 1, seen.size(), "every open cell but the start");
    }

    @Test
    void aDrawingLargerThanTheGridIsRefusedWhereItOverflows() {
        String wide = "#".repeat(15) + "\n#A" + " ".repeat(11) + "C#\n" + "#".repeat(15) + "\n";
        LayoutException e = assertThrows(LayoutException.class, () -> maze(Map.of("layout", wide)));
        assertEquals("layout row 1, column 14: the layout is 15 columns by 3 rows, larger than the 13 x 13 grid; "
                + "draw at most max_size (13) of each, or raise max_size (at most 25)", e.getMessage());
    }

    @Test
    void anAgentStartingOnTheCornerIsRefused() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> maze(Map.of("layout", "#####\n#  A#\n#C  #\n#####\n")));
        assertEquals("layout row 2, column 4: the agent starts on the corner (the cell it can reach nearest the "
                + "top-right); start it elsewhere, or open a cell nearer the top-right", e.getMessage());
    }

    @Test
    void aCheeseFartherThanTheTimeLimitIsRefusedWhereItLies() {
        // An induced path of 31 steps, one more than the longest path of a generated 7-maze.
        String winding = String.join("\n", "   #   ", " #   # ", " ####  ", " #C # #", "  # #  ", "# #  # ",
                "A  #   ");
        LayoutException e = assertThrows(LayoutException.class,
                () -> maze(Map.of("layout", winding, "min_size", 7, "max_size", 7, "time_limit", 30)));
        assertEquals("layout row 4, column 3: the cheese may lie here, 31 steps from the start, beyond the time "
                + "limit of 30; raise time_limit, or open a shorter way to it", e.getMessage());
    }
}
