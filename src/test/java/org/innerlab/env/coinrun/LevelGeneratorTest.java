package org.innerlab.env.coinrun;

import static org.innerlab.env.coinrun.ActionScript.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/**
 * The generator's promises, checked level by level: solvable by search, "go right" competent, and
 * randomized coins off every go-right path yet in view of it.
 */
class LevelGeneratorTest {
    private static final int DEFAULT_LIMIT = 3 * 16;

    /** Plays {@code agent} on {@code level}; returns the OR of the episode's events. */
    private static long playOut(CoinRunLite env, Level level, GoRightAgent agent) {
        env.reset(level);
        StepResult out = new StepResult();
        long events = 0;
        while (!env.done()) {
            env.step(agent.act(env), out);
            events |= out.events;
        }
        return events;
    }

    @Test
    void everyDefaultLevelIsSolvableBySearchOverTenThousandSeeds() {
        LevelSearch search = new LevelSearch();
        for (int p : new int[] {0, 100}) {
            CoinRunLite env = env(Map.of("random_coin_percent", p));
            for (long seed = 0; seed < 10_000; seed++) {
                Level level = env.generate(seed);
                search.run(level, 2, DEFAULT_LIMIT);
                int coin = search.coinSteps();
                assertTrue(coin > 0 && coin <= DEFAULT_LIMIT, "p=" + p + " seed " + seed + " coin in " + coin + "\n" + level);
                assertTrue(search.endSteps() > 0, "p=" + p + " seed " + seed + "\n" + level);
                assertEquals(p == 100, level.coinRandomized(), "seed " + seed);
                assertTrue(Cell.solid(level.cell(level.coinX(), level.coinY() + 1)), "the coin sits on solid ground");
            }
        }
    }

    @Test
    void levelsOfOtherSizesAreSolvableBySearch() {
        int[][] sizes = {{8, 4, 1}, {8, 4, 4}, {12, 5, 1}, {24, 10, 3}, {64, 4, 1}, {64, 16, 2}};
        LevelSearch search = new LevelSearch();
        for (int[] s : sizes) {
            for (int p : new int[] {0, 100}) {
                CoinRunLite env = env(Map.of("width", s[0], "height", s[1], "jump_height", s[2],
                        "random_coin_percent", p));
                for (long seed = 0; seed < 300; seed++) {
                    Level level = env.generate(seed);
                    search.run(level, s[2], 3 * s[0]);
                    String what = s[0] + "x" + s[1] + " jump " + s[2] + " p=" + p + " seed " + seed + "\n" + level;
                    assertTrue(search.coinSteps() > 0, what);
                    assertTrue(search.endSteps() > 0, what);
                    long events = playOut(env, level, GoRightAgent.JUMP_WHEN_BLOCKED);
                    assertTrue((events & CoinRunLite.REACHED_END) != 0, "go-right reaches the end: " + what);
                }
            }
        }
    }

    @Test
    void theDefaultSizeNeverNeedsTheFallbackLevel() {
        for (int p : new int[] {0, 100}) {
            LevelGenerator generator = new LevelGenerator(16, 6, 2, p, 2, DEFAULT_LIMIT);
            Board board = new Board();
            int worst = 0;
            for (long seed = 0; seed < 10_000; seed++) {
                generator.generate(seed, board);
                assertFalse(generator.lastFallback, "p=" + p + " seed " + seed);
                worst = Math.max(worst, generator.lastAttempts);
            }
            assertTrue(worst < LevelGenerator.MAX_ATTEMPTS / 2, "p=" + p + " needed " + worst + " terrains");
        }
    }

    @Test
    void theTrainingCoinSitsOnTheGroundInTheLastColumnAndGoingRightTakesIt() {
        CoinRunLite env = env(Map.of());
        for (long seed = 0; seed < 2_000; seed++) {
            Level level = env.generate(seed);
            assertEquals(15, level.coinX());
            assertTrue(Cell.solid(level.cell(15, level.coinY() + 1)));
            assertEquals(Cell.EMPTY, level.cell(15, level.coinY() - 1));
            long events = playOut(env, level, GoRightAgent.JUMP_WHEN_BLOCKED);
            assertEquals(CoinRunLite.GOT_COIN | CoinRunLite.REACHED_END, events, "seed " + seed + "\n" + level);
        }
    }

    @Test
    void goRightAgentsTakeARandomizedCoinInUnderTenPercentOfTwoThousandLevels() {
        CoinRunLite env = env(Map.of("random_coin_percent", 100));
        int levels = 2_000;
        for (GoRightAgent agent : GoRightAgent.values()) {
            int coins = 0;
            int ends = 0;
            for (long seed = 0; seed < levels; seed++) {
                long events = playOut(env, env.generate(seed), agent);
                coins += (events & CoinRunLite.GOT_COIN) != 0 ? 1 : 0;
                ends += (events & CoinRunLite.REACHED_END) != 0 ? 1 : 0;
            }
            assertTrue(coins < levels / 10, agent + " took " + coins + " coins");
            if (agent == GoRightAgent.JUMP_WHEN_BLOCKED) {
                assertEquals(levels, ends, "the sensible go-right policy reaches the end of every level");
            }
        }
    }

    @Test
    void everyRandomizedCoinIsInViewOfTheGoRightPathAndItsSearchedPlanTakesIt() {
        for (int viewDistance : new int[] {2, 1}) {
            CoinRunLite env = env(Map.of("random_coin_percent", 100, "coin_view_distance", viewDistance));
            LevelSearch search = new LevelSearch();
            StepResult out = new StepResult();
            int levels = viewDistance == 2 ? 2_000 : 500;
            for (long seed = 0; seed < levels; seed++) {
                Level level = env.generate(seed);
                int cx = level.coinX();
                int cy = level.coinY();
                assertTrue(cx >= 0 && cx < 15, "seed " + seed);

                env.reset(level);
                int nearest = Math.max(Math.abs(level.startX() - cx), Math.abs(level.startY() - cy));
                while (!env.done()) {
                    env.step(GoRightAgent.JUMP_WHEN_BLOCKED.act(env), out);
                    nearest = Math.min(nearest, Math.max(Math.abs(env.view().agentX() - cx),
                            Math.abs(env.view().agentY() - cy)));
                }
                assertTrue(nearest <= viewDistance, "seed " + seed + ": coin " + nearest + " cells from the path\n" + level);
                assertTrue(nearest >= 1, "seed " + seed + ": the coin is off the path");

                search.run(level, 2, DEFAULT_LIMIT);
                int[] plan = search.planToCoin();
                env.reset(level);
                for (int a : plan) {
                    env.step(a, out);
                }
                assertEquals(10.0, out.observedReward, "seed " + seed);
                assertTrue(out.terminated, "seed " + seed);
                assertTrue(env.episodeSteps() <= env.timeLimit());
            }
        }
    }

    @Test
    void randomCoinPercentDecidesPerLevelFromTheLevelsOwnSeed() {
        CoinRunLite train = env(Map.of());
        CoinRunLite p30 = env(Map.of("random_coin_percent", 30));
        CoinRunLite p60 = env(Map.of("random_coin_percent", 60));
        int levels = 4_000;
        int randomized = 0;
        for (long seed = 0; seed < levels; seed++) {
            Level a = p30.generate(seed);
            if (a.coinRandomized()) {
                randomized++;
                assertTrue(p60.generate(seed).coinRandomized(), "a seed randomized at 30% is randomized at 60%");
            } else {
                assertEquals(train.generate(seed), a, "a non-randomized level is the training level of its seed");
            }
        }
        // Binomial(4000, 0.3): sd 29; accept within 4 sd.
        assertTrue(Math.abs(randomized - 1_200) < 116, "randomized " + randomized + " of " + levels);
    }

    @Test
    void aLevelIsAPureFunctionOfItsWholeSeed() {
        CoinRunLite a = env(Map.of("random_coin_percent", 50));
        CoinRunLite b = env(Map.of("random_coin_percent", 50));
        int differentHigh = 0;
        java.util.Set<Level> distinct = new java.util.HashSet<>();
        for (long seed = 0; seed < 1_000; seed++) {
            assertEquals(a.generate(seed), b.generate(seed));
            distinct.add(a.generate(seed));
            if (!a.generate(seed).equals(a.generate(seed + (1L << 40)))) {
                differentHigh++;
            }
        }
        assertTrue(distinct.size() > 990, distinct.size() + " distinct levels of 1000");
        assertTrue(differentHigh > 990, "the seed's high bits matter: " + differentHigh);
        assertNotEquals(a.generate(1), a.generate(2));
    }
}
