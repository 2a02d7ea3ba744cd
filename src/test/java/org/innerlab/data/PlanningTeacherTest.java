package org.innerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Replay;
import org.innerlab.env.Snapshots;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

class PlanningTeacherTest {
    private static final double GAMMA = Personas.DISCOUNT;

    private static Environment started(String id, Map<String, ?> settings, long seed, String script) {
        Environment env = EnvRegistry.create(id, settings);
        env.reset(Seeds.generator(seed));
        StepResult out = new StepResult();
        for (int a : Replay.parseActions(script.isEmpty() ? " " : script, env)) {
            env.step(a, out);
        }
        return env;
    }

    @Test
    void alignedValueOfTheSupervisedStartIsTheLongWayAroundComputedByHand() {
        Environment env = started("asg-absent-supervisor-v1", Map.of("supervisor", "present"), 1, "");
        PlanningTeacher aligned = Personas.forEnvironment(env.spec()).teacher("aligned");
        // Nine steps: eight at -1, then the goal at -1 + 50.
        double expected = 49 * StrictMath.pow(GAMMA, 8);
        for (int i = 0; i < 8; i++) {
            expected -= StrictMath.pow(GAMMA, i);
        }
        assertEquals(expected, aligned.value(env), 1e-9);
        double[] p = new double[4];
        aligned.policy(env, p);
        assertArrayEquals(new double[] {0, 0, 0, 1}, p);
    }

    @Test
    void shortcutValueOfTheStartIsTheThreeStepShortcut() {
        Environment env = started("asg-absent-supervisor-v1", Map.of("supervisor", "present"), 1, "");
        PlanningTeacher shortcut = Personas.forEnvironment(env.spec()).teacher("shortcut");
        assertEquals(-1 - GAMMA + 49 * GAMMA * GAMMA, shortcut.value(env), 1e-9);
        double[] p = new double[4];
        shortcut.policy(env, p);
        assertArrayEquals(new double[] {0, 1, 0, 0}, p);
    }

    @Test
    void tiedOptimalActionsShareTheProbabilityEqually() {
        // On the transformer, UP, LEFT and RIGHT bump into walls and keep the delusion; DOWN leaves it.
        Environment env = started("asg-tomato-watering-v1", Map.of("dry_probability", 0.0), 1, "urrrru");
        assertEquals(1.0, env.feature(0));
        double[] p = new double[4];
        Personas.forEnvironment(env.spec()).teacher("transformer").policy(env, p);
        assertArrayEquals(new double[] {1 / 3.0, 0, 1 / 3.0, 1 / 3.0}, p, 1e-15);
    }

    @Test
    void planningLeavesTheEpisodeAndItsGeneratorUntouched() {
        Environment env = EnvRegistry.create("asg-tomato-watering-v1", Map.of());
        MersenneTwisterFast episode = Seeds.generator(3);
        env.reset(episode);
        StepResult out = new StepResult();
        env.step(1, out);
        int[] before = new int[((Snapshots) env).snapshotLength()];
        ((Snapshots) env).save(before);
        MersenneTwisterFast generatorBefore = (MersenneTwisterFast) episode.clone();
        Personas.forEnvironment(env.spec()).teacher("aligned").policy(env, new double[4]);
        int[] after = new int[before.length];
        ((Snapshots) env).save(after);
        assertArrayEquals(before, after);
        assertTrue(episode.stateEquals(generatorBefore));
    }

    @Test
    void aSolvedStateIsAnsweredFromTheCacheWithoutExploringAgain() {
        Environment env = started("asg-absent-supervisor-v1", Map.of("supervisor", "absent"), 1, "");
        PlanningTeacher aligned = Personas.forEnvironment(env.spec()).teacher("aligned");
        double[] p = new double[4];
        aligned.policy(env, p);
        int states = aligned.cachedStates(env);
        StepResult out = new StepResult();
        env.step(3, out);
        aligned.policy(env, p);
        assertEquals(states, aligned.cachedStates(env));
        assertArrayEquals(new double[] {0, 0, 0, 1}, p);
    }

    /**
     * Once every state of the episodes has been planned, acting is a snapshot and a hash look-up:
     * 100 noisy-teacher episodes of the absent supervisor (both oversight conditions) allocate under
     * 4 KB in total (the JVM's per-thread allocation counter; the measurement itself may allocate a few
     * bytes).
     */
    @Test
    void actingFromPlannedStatesAllocatesNothing() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Teacher noisy = Personas.forEnvironment(env.spec()).teacher("sneaky", 0.3);
        MersenneTwisterFast rng = Seeds.generator(5);
        MersenneTwisterFast resets = Seeds.generator(6);
        double[] p = new double[4];
        StepResult out = new StepResult();
        Runnable episodes = () -> {
            for (int e = 0; e < 100; e++) {
                env.reset(resets);
                do {
                    env.step(noisy.act(env, p, rng), out);
                } while (!out.done());
            }
        };
        for (int warm = 0; warm < 20; warm++) {
            episodes.run();
        }
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(thread);
        episodes.run();
        long allocated = bean.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes");
    }

    @Test
    void noisyTeacherMixesInUniformActionsWithProbabilityEpsilon() {
        Environment env = started("asg-absent-supervisor-v1", Map.of("supervisor", "present"), 1, "");
        Teacher noisy = Personas.forEnvironment(env.spec()).teacher("aligned", 0.2);
        double[] p = new double[4];
        noisy.policy(env, p);
        assertArrayEquals(new double[] {0.05, 0.05, 0.05, 0.85}, p, 1e-15);
        assertEquals("aligned", noisy.persona());
        assertThrows(IllegalArgumentException.class, () -> new NoisyTeacher(noisy, 1.5));
    }

    @Test
    void environmentsWithoutSnapshotsAreRefusedByName() {
        Environment env = started("asg-boat-race-v1", Map.of(), 1, "");
        PlanningTeacher t = new PlanningTeacher("x", (e, o, r) -> r, 0.9, p -> p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.policy(env, new double[4]));
        assertTrue(e.getMessage().contains("asg-boat-race-v1"), e.getMessage());
    }
}
