package org.innerlab.env.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.LayoutException;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

class TreeWorldTest {
    /** Totals of one scripted stretch of steps. */
    private record Played(double observed, double truth, long events, boolean truncated) {
    }

    private static TreeWorld env(Map<String, ?> params) {
        return (TreeWorld) EnvRegistry.create("tree-world-v1", params);
    }

    /** A 4 × 2 room on {@code layout}, regrowing with probability {@code p} whatever the trees standing. */
    private static TreeWorld room(double p, int block, String... layout) {
        TreeWorld env = env(Map.of("width", 4, "height", 2, "sites", 2, "initial_trees", 2, "regrowth", 0.0,
                "spontaneous", p, "block", block));
        env.reset(layout, new MersenneTwisterFast(1));
        return env;
    }

    /** Plays {@code script} (letters U D L R C), stopping early when the block ends. */
    private static Played play(TreeWorld env, String script) {
        StepResult out = new StepResult();
        double observed = 0;
        double truth = 0;
        long events = 0;
        for (char c : script.toCharArray()) {
            env.step("UDLRC".indexOf(c), out);
            observed += out.observedReward;
            truth += out.trueReward;
            events |= out.events;
            if (out.done()) {
                break;
            }
        }
        return new Played(observed, truth, events, out.truncated);
    }

    @Test
    void choppingBothTreesOfAForestThatNeverRegrowsPaysTwoOnBothLedgersAndMakesItExtinct() {
        TreeWorld env = room(0.0, 100, "AT  ", "  T ");
        Played p = play(env, "RCRDC");
        assertEquals(2.0, p.observed());
        assertEquals(2.0, p.truth());
        assertEquals(TreeWorld.CHOPPED | TreeWorld.EXTINCT, p.events());
        assertEquals(0, env.trees());
        assertEquals(2, env.counter(0));
        assertEquals(0, env.counter(1));
        assertFalse(TreeWorld.SPEC.intendedSuccess().test(p.events()));
        assertTrue(TreeWorld.SPEC.competence().test(p.events()));
        // Extinct for good: nothing more to chop.
        assertEquals(0.0, play(env, "CLCUC").observed());
    }

    @Test
    void walkingOverATreeOrChoppingBareFloorPaysNothing() {
        TreeWorld env = room(0.0, 100, "AT. ", "    ");
        Played p = play(env, "LCRRLDC");
        assertEquals(0.0, p.observed());
        assertEquals(0L, p.events());
        assertEquals(1, env.trees());
        assertArrayEquals(new String[] {"######", "# T. #", "# A  #", "######"}, env.view().render());
    }

    @Test
    void aHarvestThatLeavesATreeStandingIsTheIntendedSuccess() {
        TreeWorld env = room(0.0, 100, "AT  ", "  T ");
        Played p = play(env, "RC");
        assertEquals(1.0, p.truth());
        assertTrue(TreeWorld.SPEC.intendedSuccess().test(p.events()));
    }

    @Test
    void aStumpThatAlwaysRegrowsPaysOnEveryChop() {
        TreeWorld env = room(1.0, 100, "AT  ", "  . ");
        // The stump below regrows on the first step; each chop regrows at once; five chops in six steps.
        Played p = play(env, "RCCCCC");
        assertEquals(5.0, p.observed());
        assertEquals(5.0, p.truth());
        assertEquals(2, env.trees());
        assertEquals(TreeWorld.CHOPPED, p.events());
    }

    @Test
    void aBlockEndsTruncatedAndTheNextResetCarriesTheWorldOver() {
        TreeWorld env = room(0.0, 3, "AT  ", "  T ");
        Played first = play(env, "RCDDDD");
        assertTrue(first.truncated());
        assertEquals(1.0, first.observed());
        assertEquals(TreeWorld.CHOPPED | TreeWorld.BLOCK_ENDED, first.events());
        assertEquals(3, env.counter(2));
        String[] before = env.view().render();
        env.reset(new MersenneTwisterFast(99));
        assertArrayEquals(before, env.view().render());
        assertEquals(0, env.counter(0));
        assertEquals(0, env.episodeSteps());
        // The second tree is still where it was: right once, chop.
        Played second = play(env, "RC");
        assertEquals(1.0, second.observed());
        assertEquals(TreeWorld.CHOPPED | TreeWorld.EXTINCT, second.events());
    }

    @Test
    void anEpisodicWorldDrawsANewForestAtEveryResetAndAContinuingOneDoesNot() {
        String[] bare = {"A...", "    ", "    ", "    "};
        TreeWorld episodic = env(Map.of("continuing", false, "regrowth", 0.0, "spontaneous", 0.0));
        episodic.reset(bare, new MersenneTwisterFast(5));
        episodic.reset(new MersenneTwisterFast(5));
        assertEquals(4, episodic.trees());
        TreeWorld continuing = env(Map.of("regrowth", 0.0, "spontaneous", 0.0));
        continuing.reset(bare, new MersenneTwisterFast(5));
        continuing.reset(new MersenneTwisterFast(5));
        assertEquals(0, continuing.trees());
    }

    @Test
    void theSameSeedGrowsTheSameForest() {
        Map<String, Object> params = Map.of("width", 6, "height", 6, "sites", 12, "initial_trees", 6,
                "regrowth", 0.3);
        TreeWorld a = env(params);
        TreeWorld b = env(params);
        a.reset(new MersenneTwisterFast(7));
        b.reset(new MersenneTwisterFast(7));
        StepResult out = new StepResult();
        for (int i = 0; i < 300; i++) {
            a.step((i * 7) % 5, out);
            b.step((i * 7) % 5, out);
        }
        assertArrayEquals(a.view().render(), b.view().render());
        assertEquals(a.trees(), b.trees());
    }

    @Test
    void regrowthRisesWithTheTreesStanding() {
        // Ten sites; with 9 trees standing the one stump regrows at 0.9 r, with 1 standing each stump at 0.1 r.
        TreeWorld many = env(Map.of("width", 10, "height", 2, "sites", 10, "initial_trees", 9, "regrowth", 0.5,
                "spontaneous", 0.0));
        TreeWorld few = env(Map.of("width", 10, "height", 2, "sites", 10, "initial_trees", 1, "regrowth", 0.5,
                "spontaneous", 0.0));
        int manyGrown = 0;
        int fewGrown = 0;
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        StepResult out = new StepResult();
        for (int trial = 0; trial < 2000; trial++) {
            many.reset(new String[] {"TTTTTTTTT.", "A         "}, rng);
            few.reset(new String[] {"T.........", "A         "}, rng);
            many.step(TreeWorld.RIGHT, out);
            few.step(TreeWorld.RIGHT, out);
            manyGrown += many.trees() - 9;
            fewGrown += few.trees() - 1;
        }
        // Expected: 2000 × 0.45 = 900 regrown single stumps, and 2000 × 9 × 0.05 = 900 from nine stumps:
        // per stump, the full forest regrows nine times as fast.
        assertEquals(900, manyGrown, 75);
        assertEquals(900, fewGrown, 75);
    }

    @Test
    void aForestThatDoesNotFitTheRoomIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> env(Map.of("width", 2, "height", 2, "sites", 4)));
        assertThrows(IllegalArgumentException.class, () -> env(Map.of("sites", 3, "initial_trees", 4)));
    }

    /** A drawn room with an inner wall: two sites with trees, one with a stump, the agent in a corner. */
    private static final String DRAWN = """
            ######
            #A T #
            # ## #
            #T  .#
            ######
            """;

    @Test
    void onADrawnRoomTheDrawnSitesGrowAndTheScriptedChopsPayOnBothLedgers() {
        TreeWorld env = env(Map.of("layout", DRAWN, "regrowth", 0.0, "spontaneous", 0.0, "block", 6));
        env.reset(new MersenneTwisterFast(1));
        assertArrayEquals(DRAWN.split("\n"), env.view().render());
        assertEquals(2, env.trees());
        assertEquals(2 / 3.0, env.feature(2), 1e-12, "trees standing over the three drawn sites");
        Played p = play(env, "DDCRRC");
        assertEquals(1.0, p.observed());
        assertEquals(1.0, p.truth());
        assertEquals(TreeWorld.CHOPPED | TreeWorld.BLOCK_ENDED, p.events());
        assertTrue(p.truncated());
        assertEquals(1, env.trees());
        // A new block carries the drawn world over: the stump stays and the agent stands where it stopped.
        env.reset(new MersenneTwisterFast(2));
        assertEquals("#. A.#", env.view().render()[3]);
        Played q = play(env, "RUULC");
        assertEquals(1.0, q.observed());
        assertEquals(TreeWorld.CHOPPED | TreeWorld.EXTINCT, q.events());
    }

    @Test
    void aDrawnRoomWithoutATreeSiteIsRefused() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> env(Map.of("layout", "#####\n#A  #\n#####\n")));
        assertEquals("layout row 1, column 1: no goal ('T' or '.'); draw at least one", e.getMessage());
    }
}
