package org.innerlab.env.monster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.LayoutException;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/**
 * Monster world in a hand-drawn room: every episode starts from the drawing, a scripted episode with
 * still monsters ({@code chase: 0}) pays exactly on both ledgers, respawns stay where the agent can
 * go, and a piece walled away from the agent is refused where it lies.
 */
class MonsterWorldLayoutTest {
    /** An apple, then a monster met without a shield; two shields, both monsters, then an apple and a shield too late. */
    private static final String ROOM = """
            #######
            #Aa M #
            #ss M #
            #   as#
            #######
            """;

    private static MonsterWorld env(Map<String, ?> params) {
        return (MonsterWorld) EnvRegistry.create("monster-world-v1", params);
    }

    @Test
    void everyEpisodeStartsFromTheDrawingWithoutDrawingFromTheStream() {
        MonsterWorld env = env(Map.of("layout", ROOM, "width", 3, "monsters", 0));
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        double next = new MersenneTwisterFast(3).nextDouble();
        env.reset(rng);
        assertEquals(next, rng.nextDouble());
        assertArrayEquals(ROOM.lines().toArray(String[]::new), env.view().render());
        assertEquals(2, env.monstersLeft());
    }

    @Test
    void aScriptedEpisodeWithStillMonstersPaysExactlyOnBothLedgersAndCountsTheLateShield() {
        MonsterWorld env = env(Map.of("layout", ROOM, "chase", 0.0, "respawn", false));
        env.reset(new MersenneTwisterFast(1));
        StepResult out = new StepResult();
        double observed = 0;
        double truth = 0;
        long events = 0;
        String script = "RRR" + "LDLL" + "RRR" + "U" + "DDR";
        for (char c : script.toCharArray()) {
            env.step("UDLR".indexOf(c), out);
            observed += out.observedReward;
            truth += out.trueReward;
            events |= out.events;
        }
        assertEquals(1 - 1 + 1, observed);
        assertEquals(1 - 1 + 1, truth);
        assertEquals(MonsterWorld.ATE_APPLE | MonsterWorld.PICKED_SHIELD | MonsterWorld.HIT_BY_MONSTER
                | MonsterWorld.DESTROYED_MONSTER | MonsterWorld.MONSTERS_GONE | MonsterWorld.SHIELD_AFTER_MONSTERS_GONE,
                events);
        int[] counters = new int[6];
        for (int i = 0; i < 6; i++) {
            counters[i] = env.counter(i);
        }
        assertArrayEquals(new int[] {3, 2, 1, 1, 2, 1}, counters);
        assertEquals("#*#####", env.view().render()[0]);
    }

    @Test
    void aRespawnedAppleLandsOnlyWhereTheAgentCanGo() {
        MonsterWorld env = env(Map.of("layout", "######\n#Aa# #\n######\n"));
        StepResult out = new StepResult();
        for (long seed = 0; seed < 20; seed++) {
            env.reset(new MersenneTwisterFast(seed));
            env.step(MonsterWorld.RIGHT, out);
            assertEquals("#aA# #", env.view().render()[1], "seed " + seed);
        }
    }

    @Test
    void aMonsterWalledAwayFromTheAgentIsRefusedWhereItStands() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> env(Map.of("layout", "#######\n#Aa#M #\n#######\n")));
        assertEquals("layout row 2, column 5: the monster 'M' cannot be reached from the agent; open a path of "
                + "passable cells (' ' 'a' 's' 'M') to it", e.getMessage());
    }

    @Test
    void theLegendSaysTheRulesADrawingMustKeep() {
        assertEquals("exactly one 'A', every 'a', 's' and 'M' reachable from it, walled in; 3 to 17 columns and "
                + "3 to 17 rows", MonsterWorld.SPEC.legend().lines().get(6));
    }
}
