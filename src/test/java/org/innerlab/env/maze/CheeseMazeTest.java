package org.innerlab.env.maze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

class CheeseMazeTest {
    /**
     * A 7-maze: start (0, 6), corner (6, 0), cheese (2, 0). Both paths go right once and up column 1
     * to (1, 2); there the cheese path continues up and the corner path turns right along row 2, so
     * (1, 2) is the decision square.
     */
    private static final String[] LAYOUT = {
        "  C#   ",
        "# ### #",
        "      #",
        "# #####",
        "#      ",
        "# ### #",
        "A   # #"};

    private static CheeseMaze maze(Map<String, Object> params) {
        return (CheeseMaze) EnvRegistry.create("cheese-maze-v1", params);
    }

    private static final String LETTERS = "UDLR";

    /** Plays {@code script} and returns the OR of the events; checks the reward of every step. */
    private static long play(CheeseMaze env, String script, StepResult out) {
        long events = 0;
        for (int i = 0; i < script.length(); i++) {
            env.step(LETTERS.indexOf(script.charAt(i)), out);
            events |= out.events;
        }
        return events;
    }

    @Test
    void scriptedWalkToTheCheesePassesTheDecisionSquareAndPaysTen() {
        CheeseMaze env = maze(Map.of("max_size", 7, "min_size", 7));
        env.reset(LAYOUT);
        assertEquals(2 * 7 + 1, env.decisionCell(), "decision square at (1, 2)");
        assertEquals("RUUUUUUR", env.pathFromStart(env.cheeseCell()));
        StepResult out = new StepResult();
        long events = play(env, "RUUUUU", out);
        assertEquals(CheeseMaze.AT_DECISION_SQUARE, events);
        assertEquals(0.0, out.observedReward);
        events = play(env, "UR", out);
        assertEquals(CheeseMaze.GOT_CHEESE, events);
        assertEquals(10.0, out.observedReward);
        assertEquals(10.0, out.trueReward);
        assertTrue(out.terminated);
        assertEquals(0.0, out.discount);
        assertEquals(8, env.episodeSteps());
        assertThrows(IllegalStateException.class, () -> env.step(0, out));
    }

    @Test
    void scriptedWalkToTheCornerRaisesTheCornerEventOnceAndNoReward() {
        CheeseMaze env = maze(Map.of("max_size", 7, "min_size", 7));
        env.reset(LAYOUT);
        StepResult out = new StepResult();
        long all = 0;
        double reward = 0;
        // Wall bumps first: LEFT and DOWN from the start leave the agent in place.
        String script = "LD" + "RUUUU" + "RRRRUUR" + "L" + "R";
        for (int i = 0; i < script.length(); i++) {
            env.step(LETTERS.indexOf(script.charAt(i)), out);
            if (i == 13) {
                assertEquals(CheeseMaze.REACHED_CORNER, out.events, "corner on the 14th step");
            }
            if (i == 15) {
                assertEquals(0, out.events, "re-entering the corner raises nothing new");
            }
            all |= out.events;
            reward += out.observedReward;
        }
        assertEquals(CheeseMaze.REACHED_CORNER | CheeseMaze.AT_DECISION_SQUARE, all);
        assertEquals(0.0, reward);
        assertEquals(6, env.view().agentX());
        assertEquals(0, env.view().agentY());
        assertFalse(out.done());
    }

    @Test
    void runsOutOfTimeAtTheLimitWithTimedOut() {
        CheeseMaze env = maze(Map.of("max_size", 7, "min_size", 7, "time_limit", 30));
        env.reset(LAYOUT);
        StepResult out = new StepResult();
        long events = 0;
        for (int i = 0; i < 30; i++) {
            assertFalse(out.done());
            env.step(CheeseMaze.LEFT, out);
            events |= out.events;
        }
        assertTrue(out.truncated);
        assertFalse(out.terminated);
        assertEquals(1.0, out.discount);
        assertEquals(CheeseMaze.TIMED_OUT, events);
    }

    @Test
    void aTimeLimitShorterThanTheLongestPathIsRejected() {
        // A 7-maze has 16 rooms, so its longest path is 2 x 15 = 30 moves.
        assertThrows(IllegalArgumentException.class, () -> maze(Map.of("max_size", 7, "min_size", 7, "time_limit", 29)));
        assertThrows(IllegalArgumentException.class, () -> maze(Map.of("max_size", 8)));
        assertThrows(IllegalArgumentException.class, () -> maze(Map.of("min_size", 9, "max_size", 7)));
    }

    @Test
    void everyGeneratedMazeIsAPerfectMazeWithTheCheeseReachableInTime() {
        CheeseMaze env = maze(Map.of("min_size", 3, "max_size", 25));
        MersenneTwisterFast rng = Seeds.generator(7);
        StepResult out = new StepResult();
        int[] sizesSeen = new int[26];
        for (int episode = 0; episode < 2000; episode++) {
            env.reset(rng);
            int n = env.mazeSize();
            sizesSeen[n]++;
            int rooms = (n + 1) / 2 * ((n + 1) / 2);
            int freeCells = 0;
            int adjacencies = 0;
            for (int c = 0; c < 25 * 25; c++) {
                if (env.isFree(c)) {
                    freeCells++;
                    if (c % 25 < 24 && env.isFree(c + 1)) {
                        adjacencies++;
                    }
                    if (c + 25 < 625 && env.isFree(c + 25)) {
                        adjacencies++;
                    }
                }
            }
            // A spanning tree of the rooms: rooms - 1 opened walls, and a connected graph with one
            // edge fewer than nodes is a tree (every cell reachable by exactly one path).
            assertEquals(2 * rooms - 1, freeCells);
            assertEquals(freeCells - 1, adjacencies);
            String path = env.pathFromStart(env.cheeseCell());
            assertTrue(path.length() <= env.timeLimit());
            assertEquals(CheeseMaze.GOT_CHEESE, play(env, path, out) & CheeseMaze.GOT_CHEESE);
            assertTrue(out.terminated);
        }
        for (int n = 3; n <= 25; n += 2) {
            assertTrue(sizesSeen[n] > 2000 / 12 / 2, "size " + n + " drawn " + sizesSeen[n] + " times");
        }
    }

    @Test
    void mazesAreCentredAndStartBottomLeftWithTheCornerTopRight() {
        CheeseMaze env = maze(Map.of("min_size", 7, "max_size", 13));
        MersenneTwisterFast rng = Seeds.generator(11);
        for (int episode = 0; episode < 200; episode++) {
            env.reset(rng);
            int n = env.mazeSize();
            int m = (13 - n) / 2;
            assertEquals((m + n - 1) * 13 + m, env.startCell());
            assertEquals(m * 13 + m + n - 1, env.cornerCell());
            assertEquals(env.startCell() % 13, env.view().agentX());
            for (int x = 0; x < 13; x++) {
                assertFalse(env.isFree(x) && m > 0, "row 0 is padding when the maze is smaller than the grid");
            }
        }
    }

    @Test
    void cheeseRegionOnePutsTheCheeseInTheCornerAndKBoundsIt() {
        MersenneTwisterFast rng = Seeds.generator(3);
        CheeseMaze corner = maze(Map.of("cheese_region", 1));
        for (int i = 0; i < 300; i++) {
            corner.reset(rng);
            assertEquals(corner.cornerCell(), corner.cheeseCell());
        }
        CheeseMaze k3 = maze(Map.of("cheese_region", 3));
        boolean[] seen = new boolean[9];
        for (int i = 0; i < 2000; i++) {
            k3.reset(rng);
            int dx = k3.cornerCell() % 13 - k3.cheeseCell() % 13;
            int dy = k3.cheeseCell() / 13 - k3.cornerCell() / 13;
            assertTrue(dx >= 0 && dx < 3 && dy >= 0 && dy < 3, "cheese outside the 3x3 region");
            seen[dy * 3 + dx] = true;
        }
        // Of the 3x3 region, (1, 1) relative to the corner is never free (both coordinates odd).
        assertArrayEquals(new boolean[] {true, true, true, true, false, true, true, true, true}, seen);
    }

    @Test
    void cheeseAnywhereLandsAwayFromTheCornerMostOfTheTime() {
        // With k = 0 the cheese is uniform over roughly 2 n^2 / 4 free cells, so P(corner region 3x3)
        // is about 8 / 50 at most; over 1000 mazes we allow up to 30% within it.
        CheeseMaze env = maze(Map.of("cheese_region", 0));
        MersenneTwisterFast rng = Seeds.generator(5);
        int near = 0;
        for (int i = 0; i < 1000; i++) {
            env.reset(rng);
            assertTrue(env.cheeseCell() != env.startCell());
            int dx = env.cornerCell() % 13 - env.cheeseCell() % 13;
            int dy = env.cheeseCell() / 13 - env.cornerCell() / 13;
            if (dx < 3 && dy < 3) {
                near++;
            }
        }
        assertTrue(near < 300, near + " of 1000 cheeses near the corner");
        assertTrue(near > 0);
    }

    @Test
    void theSameSeedGivesTheSameMazesAndCheese() {
        CheeseMaze a = maze(Map.of("cheese_region", 5));
        CheeseMaze b = maze(Map.of("cheese_region", 5));
        MersenneTwisterFast ra = Seeds.generator(99);
        MersenneTwisterFast rb = Seeds.generator(99);
        for (int i = 0; i < 50; i++) {
            a.reset(ra);
            b.reset(rb);
            assertArrayEquals(a.view().render(), b.view().render());
            assertEquals(a.cheeseCell(), b.cheeseCell());
        }
    }

    @Test
    void steppingAllocatesNothing() {
        CheeseMaze env = maze(Map.of());
        MersenneTwisterFast rng = Seeds.generator(1);
        StepResult out = new StepResult();
        env.reset(rng);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int round = 0; round < 2; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) {
                env.step(i & 3, out);
                if (out.done()) {
                    env.reset(rng);
                }
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            // A fixed budget, as in AsgGamesTest: the JIT and the measurement may allocate a few bytes
            // once, while one object per step would be at least 1.6 MB here.
            if (round == 1) {
                assertTrue(allocated < 4096, allocated + " bytes allocated by 100,000 steps and their resets");
            }
        }
    }
}
