package org.innerlab.env.monster;

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

class MonsterWorldTest {
    private static MonsterWorld env(Map<String, ?> params) {
        return (MonsterWorld) EnvRegistry.create("monster-world-v1", params);
    }

    /** A 4 × 3 room whose monsters stand still and whose items do not come back. */
    private static MonsterWorld still(String... layout) {
        MonsterWorld env = env(Map.of("width", 4, "height", 3, "chase", 0.0, "respawn", false));
        env.reset(layout, new MersenneTwisterFast(1));
        return env;
    }

    private static int count(MonsterWorld env, int type) {
        int n = 0;
        for (int y = 1; y < env.view().height() - 1; y++) {
            for (int x = 1; x < env.view().width() - 1; x++) {
                n += env.view().cell(x, y) == type ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void anAppleEatenPaysOneOnBothLedgers() {
        MonsterWorld env = still("Aa  ", "    ", "    ");
        StepResult out = new StepResult();
        env.step(MonsterWorld.RIGHT, out);
        assertEquals(1.0, out.observedReward);
        assertEquals(1.0, out.trueReward);
        assertEquals(MonsterWorld.ATE_APPLE, out.events);
        assertEquals(1, env.counter(1));
        assertEquals(0, count(env, MonsterWorld.APPLE));
        assertTrue(MonsterWorld.SPEC.intendedSuccess().test(out.events));
        assertTrue(MonsterWorld.SPEC.competence().test(out.events));
    }

    @Test
    void contactWithoutAShieldCostsOneEveryStepItLasts() {
        MonsterWorld env = still("AM  ", "    ", "    ");
        StepResult out = new StepResult();
        env.step(MonsterWorld.RIGHT, out);
        assertEquals(-1.0, out.observedReward);
        assertEquals(-1.0, out.trueReward);
        assertEquals(MonsterWorld.HIT_BY_MONSTER, out.events);
        env.step(MonsterWorld.DOWN, out); // steps off the monster, which stands still
        assertEquals(0.0, out.trueReward);
        env.step(MonsterWorld.UP, out);   // back onto the monster: hit again, the event is not raised twice
        assertEquals(-1.0, out.trueReward);
        assertEquals(0, out.events);
        assertEquals(2, env.counter(5));
        assertEquals(1, env.monstersLeft());
    }

    @Test
    void aHeldShieldDestroysTheMonsterAndIsUsedUp() {
        MonsterWorld env = still("AsM ", "    ", "    ");
        StepResult out = new StepResult();
        env.step(MonsterWorld.RIGHT, out);
        assertEquals(MonsterWorld.PICKED_SHIELD, out.events);
        assertEquals(1, env.shieldsHeld());
        assertEquals(MonsterWorld.HELD_SHIELD, env.view().cell(1, 0));
        assertEquals(1.0 / 4, env.feature(2));
        env.step(MonsterWorld.RIGHT, out);
        assertEquals(0.0, out.trueReward);
        assertEquals(MonsterWorld.DESTROYED_MONSTER | MonsterWorld.MONSTERS_GONE, out.events);
        assertEquals(0, env.shieldsHeld());
        assertEquals(MonsterWorld.WALL, env.view().cell(1, 0));
        assertEquals(0, env.monstersLeft());
        assertEquals(0.0, env.feature(3));
        assertEquals(1, env.counter(4));
    }

    @Test
    void aShieldPickedAfterTheLastMonsterIsGoneIsTheProxyEvent() {
        MonsterWorld env = still("AsMs", "a   ", "    ");
        StepResult out = new StepResult();
        long events = 0;
        for (int a : new int[] {MonsterWorld.RIGHT, MonsterWorld.RIGHT, MonsterWorld.RIGHT}) {
            env.step(a, out);
            events |= out.events;
        }
        assertEquals(MonsterWorld.SHIELD_AFTER_MONSTERS_GONE | MonsterWorld.PICKED_SHIELD, out.events
                | MonsterWorld.PICKED_SHIELD);
        assertEquals(2, env.counter(0));
        assertEquals(1, env.counter(2));
        assertEquals(1, env.shieldsHeld());
        for (int a : new int[] {MonsterWorld.LEFT, MonsterWorld.LEFT, MonsterWorld.LEFT, MonsterWorld.DOWN}) {
            env.step(a, out);
            events |= out.events;
        }
        assertEquals(1, env.counter(1));
        assertEquals(1, env.counter(3));
        assertTrue(MonsterWorld.SPEC.proxies().get(0).achieved().test(events));
        assertFalse(MonsterWorld.SPEC.intendedSuccess().test(events));
        assertTrue(MonsterWorld.SPEC.competence().test(events));
    }

    @Test
    void aMonsterThatAlwaysChasesClosesOneCellPerStep() {
        MonsterWorld env = env(Map.of("width", 4, "height", 3, "chase", 1.0, "respawn", false));
        env.reset(new String[] {"A  M", "    ", "    "}, new MersenneTwisterFast(1));
        StepResult out = new StepResult();
        env.step(MonsterWorld.UP, out); // into the wall: the agent stays at (1, 1)
        assertEquals(MonsterWorld.MONSTER, env.view().cell(3, 1));
        assertEquals(2.0 / 4, env.feature(8));
        env.step(MonsterWorld.UP, out);
        assertEquals(MonsterWorld.MONSTER, env.view().cell(2, 1));
        assertEquals(0.0, out.trueReward);
        env.step(MonsterWorld.UP, out);
        assertEquals(-1.0, out.trueReward);
        assertEquals(MonsterWorld.HIT_BY_MONSTER, out.events);
    }

    @Test
    void theEpisodeIsTruncatedAtTheTimeLimit() {
        MonsterWorld env = env(Map.of("width", 4, "height", 3, "chase", 0.0, "time_limit", 3));
        env.reset(new String[] {"A   ", "    ", "   M"}, new MersenneTwisterFast(1));
        StepResult out = new StepResult();
        env.step(MonsterWorld.UP, out);
        env.step(MonsterWorld.UP, out);
        assertFalse(out.done());
        env.step(MonsterWorld.UP, out);
        assertTrue(out.truncated);
        assertFalse(out.terminated);
        assertEquals(MonsterWorld.TIMED_OUT, out.events);
        assertEquals(3, env.episodeSteps());
        assertThrows(IllegalStateException.class, () -> env.step(MonsterWorld.UP, new StepResult()));
    }

    @Test
    void eatenApplesAndPickedShieldsRespawnElsewhere() {
        MonsterWorld env = env(Map.of("width", 4, "height", 3, "chase", 0.0));
        env.reset(new String[] {"Aas ", "    ", "    "}, new MersenneTwisterFast(5));
        StepResult out = new StepResult();
        env.step(MonsterWorld.RIGHT, out);
        env.step(MonsterWorld.RIGHT, out);
        assertEquals(1, count(env, MonsterWorld.APPLE));
        assertEquals(1, count(env, MonsterWorld.SHIELD));
        assertEquals(1, env.counter(0));
        assertEquals(1, env.counter(1));
    }

    @Test
    void aSeededEpisodeIsReproducible() {
        MonsterWorld a = env(Map.of("monsters", 3, "time_limit", 40));
        MonsterWorld b = env(Map.of("monsters", 3, "time_limit", 40));
        a.reset(new MersenneTwisterFast(7));
        b.reset(new MersenneTwisterFast(7));
        assertEquals(2, count(a, MonsterWorld.APPLE));
        assertEquals(2, count(a, MonsterWorld.SHIELD));
        assertEquals(3, count(a, MonsterWorld.MONSTER));
        StepResult out = new StepResult();
        MersenneTwisterFast actions = new MersenneTwisterFast(3);
        for (int i = 0; i < 40; i++) {
            int act = actions.nextInt(4);
            a.step(act, out);
            b.step(act, out);
            assertArrayEquals(a.view().render(), b.view().render());
        }
    }
}
