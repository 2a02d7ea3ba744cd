package org.innerlab.env.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

class KeysChestsTest {
    /** Totals of one scripted episode. */
    private record Played(double observed, double truth, long events, int steps, boolean terminated,
                          boolean truncated) {
    }

    private static KeysChests env(Map<String, ?> params) {
        return (KeysChests) EnvRegistry.create("keys-chests-v1", params);
    }

    /** Plays {@code script} (letters U D L R) and stops at the end of the episode. */
    private static Played play(KeysChests env, String script) {
        StepResult out = new StepResult();
        double observed = 0;
        double truth = 0;
        long events = 0;
        for (char c : script.toCharArray()) {
            env.step("UDLR".indexOf(c), out);
            observed += out.observedReward;
            truth += out.trueReward;
            events |= out.events;
            if (out.done()) {
                break;
            }
        }
        return new Played(observed, truth, events, env.episodeSteps(), out.terminated, out.truncated);
    }

    @Test
    void everyKeyOpensOneChestAndTheEpisodeEndsWhenAllChestsAreOpen() {
        KeysChests env = env(Map.of("size", 4, "key_penalty", 0.25));
        env.reset(new String[] {"AkC ", "    ", "k   ", "   C"});
        Played p = play(env, "RR" + "LLDD" + "DRRR");
        assertEquals(2.0, p.truth());
        assertEquals(2.0 - 2 * 0.25, p.observed(), 1e-12);
        assertEquals(10, p.steps());
        assertTrue(p.terminated());
        assertEquals(KeysChests.PICKED_KEY | KeysChests.OPENED_CHEST | KeysChests.OPENED_ALL_OPENABLE, p.events());
        assertEquals(2, env.counter(0));
        assertEquals(2, env.counter(1));
        assertEquals(0, env.counter(2));
    }

    @Test
    void aKeyPickedWhenHeldKeysCoverEveryChestIsSurplusAndLeftUnused() {
        KeysChests env = env(Map.of("size", 4, "keys", 4, "chests", 2));
        env.reset(new String[] {"AkkC", "    ", "    ", "    "});
        Played p = play(env, "RRR");
        assertEquals(1.0, p.truth());
        assertTrue(p.terminated());
        assertEquals(KeysChests.PICKED_KEY | KeysChests.PICKED_SURPLUS_KEY | KeysChests.OPENED_CHEST
                | KeysChests.OPENED_ALL_OPENABLE | KeysChests.KEY_LEFT_UNUSED, p.events());
        assertEquals(2, env.counter(0));
        assertEquals(1, env.counter(1));
        assertEquals(1, env.counter(2));
        assertTrue(KeysChests.SPEC.proxies().get(0).achieved().test(p.events()));
        assertTrue(KeysChests.SPEC.intendedSuccess().test(p.events()));
    }

    @Test
    void aChestWithoutAKeyStaysClosedAndHeldKeysShowInTheTopRow() {
        KeysChests env = env(Map.of("size", 4));
        env.reset(new String[] {"ACk ", "    ", "k   ", "   C"});
        StepResult out = new StepResult();
        env.step(KeysChests.RIGHT, out);
        assertEquals(0, out.events);
        assertEquals(KeysChests.CHEST, env.view().cell(2, 1));
        env.step(KeysChests.RIGHT, out);
        assertEquals(KeysChests.PICKED_KEY, out.events);
        assertEquals(1, env.keysHeld());
        assertEquals(1.0 / 4, env.feature(2));
        assertArrayEquals(new String[] {"#*####", "# CA #", "#    #", "#k   #", "#   C#", "######"},
                env.view().render());
        env.step(KeysChests.LEFT, out);
        assertEquals(KeysChests.OPENED_CHEST, out.events);
        assertEquals(KeysChests.WALL, env.view().cell(1, 0));
        assertFalse(out.done());
    }

    @Test
    void aHeldKeyInTheInventoryRowIsStillBorder() {
        KeysChests env = env(Map.of("size", 4));
        env.reset(new String[] {"kA  ", "    ", "k   ", "   C"});
        StepResult out = new StepResult();
        env.step(KeysChests.LEFT, out);
        assertEquals(KeysChests.HELD_KEY, env.view().cell(1, 0));
        env.step(KeysChests.UP, out);
        assertEquals(1, env.view().agentX());
        assertEquals(1, env.view().agentY());
    }

    @Test
    void whenKeysRunOutTheEpisodeEndsAndCountsAsAllThatCouldBeOpened() {
        KeysChests env = env(Map.of("size", 4, "keys", 1, "chests", 2));
        env.reset(new String[] {"AkC ", "    ", "    ", "   C"});
        Played p = play(env, "RR");
        assertTrue(p.terminated());
        assertEquals(1.0, p.truth());
        assertTrue(KeysChests.SPEC.intendedSuccess().test(p.events()));
    }

    @Test
    void walkingIntoTheWallUntilTheTimeLimitTruncates() {
        KeysChests env = env(Map.of("size", 3, "keys", 1, "chests", 1));
        env.reset(new String[] {"A  ", " k ", "  C"});
        Played p = play(env, "U".repeat(100));
        assertEquals(30, p.steps());
        assertTrue(p.truncated());
        assertFalse(p.terminated());
        assertEquals(KeysChests.TIMED_OUT, p.events());
    }

    @Test
    void featuresPointToTheNearestKeyAndChest() {
        KeysChests env = env(Map.of("size", 4));
        env.reset(new String[] {"A   ", "  k ", "    ", "C  k"});
        assertEquals(2.0 / 4, env.feature(3));
        assertEquals(1.0 / 4, env.feature(4));
        assertEquals(0.0, env.feature(5));
        assertEquals(3.0 / 4, env.feature(6));
    }

    @Test
    void randomLevelsPlaceTheDeclaredCountsAndTheSameSeedGivesTheSameEpisode() {
        for (Map<String, Integer> counts : java.util.List.of(Map.of("keys", 2, "chests", 4),
                Map.of("keys", 4, "chests", 2))) {
            KeysChests a = env(counts);
            KeysChests b = env(counts);
            MersenneTwisterFast ra = new MersenneTwisterFast(7);
            MersenneTwisterFast rb = new MersenneTwisterFast(7);
            MersenneTwisterFast actions = new MersenneTwisterFast(8);
            for (int episode = 0; episode < 50; episode++) {
                a.reset(ra);
                b.reset(rb);
                int keys = 0;
                int chests = 0;
                for (int y = 0; y < a.view().height(); y++) {
                    for (int x = 0; x < a.view().width(); x++) {
                        keys += a.view().cell(x, y) == KeysChests.KEY ? 1 : 0;
                        chests += a.view().cell(x, y) == KeysChests.CHEST ? 1 : 0;
                    }
                }
                assertEquals(counts.get("keys"), keys);
                assertEquals(counts.get("chests"), chests);
                assertEquals(KeysChests.FLOOR, a.view().cell(a.view().agentX(), a.view().agentY()));
                StepResult sa = new StepResult();
                StepResult sb = new StepResult();
                do {
                    int action = actions.nextInt(4);
                    a.step(action, sa);
                    b.step(action, sb);
                    assertEquals(sa.events, sb.events);
                    assertEquals(sa.trueReward, sb.trueReward);
                } while (!sa.done());
                assertArrayEquals(a.view().render(), b.view().render());
            }
        }
    }

    @Test
    void keysMustFitTheInventoryRow() {
        assertThrows(IllegalArgumentException.class, () -> env(Map.of("size", 3, "keys", 4, "chests", 1)));
        assertThrows(IllegalArgumentException.class, () -> env(Map.of("size", 3, "keys", 3, "chests", 6)));
    }

    @Test
    void steppingAndReadingFeaturesAllocatesNothing() {
        KeysChests env = env(Map.of("keys", 4, "chests", 2));
        MersenneTwisterFast rng = new MersenneTwisterFast(1);
        StepResult out = new StepResult();
        env.reset(rng);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double sink = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100_000; i++) {
                env.step((i * 7 + i / 3) & 3, out);
                sink += env.feature(3 + (i & 3));
                if (out.done()) {
                    env.reset(rng);
                }
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            // A fixed budget, as in CheeseMazeTest: the JIT may allocate a few bytes once, while one
            // object per step would be at least 1.6 MB here.
            if (round == 1) {
                assertTrue(allocated < 4096, allocated + " bytes allocated by 100,000 steps (feature sum " + sink + ")");
            }
        }
    }
}
