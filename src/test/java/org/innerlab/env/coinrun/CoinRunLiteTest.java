package org.innerlab.env.coinrun;

import static org.innerlab.env.coinrun.ActionScript.env;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Params;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/** The environment as a whole: registration, reproducible rollouts, level pools, allocation-free steps. */
class CoinRunLiteTest {

    /** A digest of {@code episodes} episodes of uniformly random actions. */
    private static long[] rollout(Environment env, long seed, int episodes) {
        MersenneTwisterFast levels = new MersenneTwisterFast(seed);
        MersenneTwisterFast actions = new MersenneTwisterFast(seed + 1);
        StepResult out = new StepResult();
        long[] digest = new long[episodes];
        for (int e = 0; e < episodes; e++) {
            env.reset(levels);
            long h = Arrays.hashCode(env.view().render());
            do {
                env.step(actions.nextInt(env.actionCount()), out);
                h = h * 31 + out.events * 7 + (long) out.observedReward + env.view().agentX() * 101L
                        + env.view().agentY();
            } while (!out.done());
            digest[e] = h * 31 + env.episodeSteps();
        }
        return digest;
    }

    @Test
    void theRegistryBuildsCoinRunLiteWithDeclaredDefaults() {
        Environment env = EnvRegistry.create("coinrun-lite-v1", Map.of());
        assertTrue(env instanceof CoinRunLite);
        Params p = env.params();
        assertEquals(16, p.getInt("width"));
        assertEquals(6, p.getInt("height"));
        assertEquals(2, p.getInt("jump_height"));
        assertEquals(0, p.getInt("random_coin_percent"));
        assertEquals(2, p.getInt("coin_view_distance"));
        assertEquals(0, p.getInt("time_limit"));
        assertEquals(0, p.getInt("num_levels"));
        assertEquals(5, env.actionCount());
        assertEquals(java.util.List.of("agent_x", "agent_y"), env.spec().features());
        assertThrows(IllegalArgumentException.class, () -> EnvRegistry.create("coinrun-lite-v1", Map.of("width", 65)));
        assertThrows(IllegalArgumentException.class, () -> EnvRegistry.create("coinrun-lite-v1", Map.of("height", 3)));
    }

    @Test
    void aTimeLimitPerColumnScalesWithTheWidthAndEqualsTheAbsoluteLimitItReplaces() {
        MersenneTwisterFast rng = new MersenneTwisterFast(5);
        CoinRunLite absolute = env(Map.of("width", 16, "time_limit", 100));
        CoinRunLite perColumn = env(Map.of("width", 16, "time_limit_per_column", 6.25));
        absolute.reset(rng);
        perColumn.reset(rng);
        assertEquals(100, absolute.timeLimit());
        assertEquals(100, perColumn.timeLimit());
        assertArrayEquals(rollout(env(Map.of("width", 16, "time_limit", 100)), 9, 200),
                rollout(env(Map.of("width", 16, "time_limit_per_column", 6.25)), 9, 200));
        CoinRunLite wider = env(Map.of("width", 20, "time_limit_per_column", 6.25));
        wider.reset(rng);
        assertEquals(125, wider.timeLimit());
        assertEquals(125, wider.resolvedSettings().get("time_limit"));
        assertThrows(IllegalArgumentException.class,
                () -> env(Map.of("time_limit", 100, "time_limit_per_column", 6.25)));
        assertThrows(IllegalArgumentException.class, () -> env(Map.of("time_limit_per_column", 1.5)));
    }

    @Test
    void theSameSeedGivesTheSameLevelsAndTheSameRollout() {
        Map<String, Object> params = Map.of("random_coin_percent", 50);
        long[] a = rollout(env(params), 42, 300);
        long[] b = rollout(env(params), 42, 300);
        assertArrayEquals(a, b);
        long[] c = rollout(env(params), 43, 300);
        assertTrue(!Arrays.equals(a, c), "another seed, another rollout");
    }

    @Test
    void resetPlaysTheLevelOfTheSeedItDraws() {
        CoinRunLite env = env(Map.of("random_coin_percent", 50));
        MersenneTwisterFast rng = new MersenneTwisterFast(5);
        for (int i = 0; i < 50; i++) {
            env.reset(rng);
            assertEquals(env.generate(env.levelSeed()), env.level());
        }
    }

    @Test
    void aLevelPoolDrawsOnlyItsOwnSeedsAndReplaysThemExactly() {
        CoinRunLite env = env(Map.of("num_levels", 5, "start_level", 100, "random_coin_percent", 50));
        MersenneTwisterFast rng = new MersenneTwisterFast(9);
        Set<Long> seen = new HashSet<>();
        StepResult out = new StepResult();
        for (int i = 0; i < 200; i++) {
            env.reset(rng);
            long seed = env.levelSeed();
            assertTrue(seed >= 100 && seed < 105, "seed " + seed);
            seen.add(seed);
            assertEquals(env.generate(seed), env.level(), "pooled level " + seed + " on visit " + i);
            env.step(CoinRunLite.RIGHT, out);
        }
        assertEquals(Set.of(100L, 101L, 102L, 103L, 104L), seen);
    }

    @Test
    void aPoolTooLargeToKeepInMemoryIsRegeneratedEachReset() {
        int n = CoinRunLite.POOL_CACHE_LEVELS + 1;
        CoinRunLite env = env(Map.of("num_levels", n));
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        for (int i = 0; i < 20; i++) {
            env.reset(rng);
            assertTrue(env.levelSeed() >= 0 && env.levelSeed() < n);
            assertEquals(env.generate(env.levelSeed()), env.level());
        }
    }

    @Test
    void stepsAndPooledResetsAllocateNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CoinRunLite env = env(Map.of("num_levels", 8));
        MersenneTwisterFast rng = new MersenneTwisterFast(1);
        StepResult out = new StepResult();
        Runnable episodes = () -> {
            for (int e = 0; e < 2_000; e++) {
                env.reset(rng);
                do {
                    env.step(rng.nextInt(5), out);
                } while (!out.done());
            }
        };
        episodes.run();
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        episodes.run();
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 1_024, allocated + " bytes allocated by 2000 pooled episodes");
    }
}
