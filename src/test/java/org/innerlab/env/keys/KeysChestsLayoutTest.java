package org.innerlab.env.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.LayoutException;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/**
 * Keys &amp; Chests on a hand-drawn board: every episode starts from the drawing, a scripted episode
 * pays exactly on both ledgers, and the drawing's own rules are refused at their row and column.
 */
class KeysChestsLayoutTest {
    /** Two keys and two chests; a wall stub keeps the first key's way to a chest roundabout. */
    private static final String BOARD = """
            #######
            #Ak#  #
            # ## C#
            #    k#
            #C    #
            #######
            """;

    private static KeysChests env(Map<String, ?> params) {
        return (KeysChests) EnvRegistry.create("keys-chests-v1", params);
    }

    @Test
    void everyEpisodeStartsFromTheDrawingWithoutDrawingFromTheStream() {
        KeysChests env = env(Map.of("layout", BOARD, "keys", 0, "chests", 9));
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        double next = new MersenneTwisterFast(3).nextDouble();
        env.reset(rng);
        assertEquals(next, rng.nextDouble());
        assertArrayEquals(BOARD.lines().toArray(String[]::new), env.view().render());
        assertEquals(10 * 5, env.timeLimit());
    }

    @Test
    void aScriptedEpisodeOnTheDrawingOpensBothChestsAndPaysThePenaltyOnlyOnTheObservedLedger() {
        KeysChests env = env(Map.of("layout", BOARD, "key_penalty", 0.25));
        env.reset(new MersenneTwisterFast(1));
        StepResult out = new StepResult();
        double observed = 0;
        double truth = 0;
        long events = 0;
        String script = "R" + "LDDRRRUR" + "D" + "DLLLL";
        for (int i = 0; i < script.length(); i++) {
            env.step("UDLR".indexOf(script.charAt(i)), out);
            observed += out.observedReward;
            truth += out.trueReward;
            events |= out.events;
            if (i == 0) {
                assertEquals("#*#####", env.view().render()[0]);
            }
        }
        assertEquals(2.0, truth);
        assertEquals(2.0 - 2 * 0.25, observed, 1e-12);
        assertTrue(out.terminated);
        assertEquals(KeysChests.PICKED_KEY | KeysChests.OPENED_CHEST | KeysChests.OPENED_ALL_OPENABLE, events);
        assertEquals(2, env.counter(0));
        assertEquals(2, env.counter(1));
    }

    @Test
    void aKeyWalledAwayFromTheAgentIsRefusedWhereItLies() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> env(Map.of("layout", BOARD.replace("# ## C#", "# ## ##").replace("#    k#", "#   #k#")
                        .replace("#C    #", "#C   ##"))));
        assertEquals("layout row 4, column 6: the key 'k' cannot be reached from the agent; open a path of "
                + "passable cells (' ' 'k' 'C') to it", e.getMessage());
    }

    @Test
    void aBoardWithoutAChestIsRefused() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> env(Map.of("layout", BOARD.replace('C', ' '))));
        assertEquals("layout row 1, column 1: no goal ('C'); draw at least one", e.getMessage());
    }

    @Test
    void theLegendSaysTheRulesADrawingMustKeep() {
        assertEquals("exactly one 'A', at least one 'C' reachable from it, every 'k' reachable from it, walled in; "
                + "3 to 17 columns and 3 to 17 rows", KeysChests.SPEC.legend().lines().get(5));
    }
}
