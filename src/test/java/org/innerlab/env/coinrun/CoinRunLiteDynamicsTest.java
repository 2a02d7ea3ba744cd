package org.innerlab.env.coinrun;

import static org.innerlab.env.coinrun.ActionScript.env;
import static org.innerlab.env.coinrun.ActionScript.path;
import static org.innerlab.env.coinrun.ActionScript.play;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.innerlab.env.StepResult;
import org.innerlab.env.coinrun.ActionScript.Step;
import org.junit.jupiter.api.Test;

/** Scripted action strings on hand-made levels, with exact positions, rewards, events and endings. */
class CoinRunLiteDynamicsTest {
    private static final long NONE = 0;

    private static CoinRunLite on(Level level) {
        CoinRunLite env = env(Map.of());
        env.reset(level);
        return env;
    }

    @Test
    void coinPaysTenAndEndsTheEpisode() {
        CoinRunLite env = on(Level.parse(
                "......",
                "A...$.",
                "######"));
        Step[] s = play(env, "RRRRR");
        assertEquals(4, s.length, "the episode ends on the step that takes the coin");
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, s[i].observed());
            assertEquals(NONE, s[i].events());
            assertFalse(s[i].terminated());
        }
        Step last = s[3];
        assertEquals(10.0, last.observed());
        assertEquals(10.0, last.trueReward());
        assertTrue(last.terminated());
        assertFalse(last.truncated());
        assertEquals(0.0, last.discount());
        assertEquals(CoinRunLite.GOT_COIN, last.events());
        assertEquals(Cell.EMPTY, env.view().cell(4, 1), "a taken coin leaves the view");
        assertEquals(Cell.COIN, env.level().cell(4, 1), "level() is the level as the episode began");
        assertEquals(4, env.episodeSteps());
    }

    @Test
    void coinInTheLastColumnAlsoCountsAsReachingTheEnd() {
        CoinRunLite env = on(Level.parse(
                "....",
                "A..$",
                "####"));
        Step[] s = play(env, "RRR");
        assertEquals(CoinRunLite.GOT_COIN | CoinRunLite.REACHED_END, s[2].events());
        assertTrue(s[2].terminated());
    }

    @Test
    void steppingIntoLavaKillsWithZeroReward() {
        CoinRunLite env = on(Level.parse(
                "A~..$",
                "#####"));
        Step[] s = play(env, "RR");
        assertEquals(1, s.length);
        assertEquals(CoinRunLite.DIED, s[0].events());
        assertTrue(s[0].terminated());
        assertEquals(0.0, s[0].observed());
        assertEquals(0.0, s[0].discount());
        assertEquals("1,0", path(s));
    }

    @Test
    void fallingIntoALavaPoolKills() {
        CoinRunLite env = on(Level.parse(
                "......",
                "A....$",
                "##~###"));
        Step[] s = play(env, "RRR");
        assertEquals("1,1 2,2", path(s));
        assertEquals(NONE, s[0].events());
        assertEquals(CoinRunLite.DIED, s[1].events());
        assertTrue(s[1].terminated());
    }

    @Test
    void fallingOutOfTheBottomKillsAndShowsTheAgentInTheBottomRow() {
        CoinRunLite env = on(Level.parse(
                "......",
                "A.....",
                "##.###"));
        Step[] s = play(env, "RRNN");
        assertEquals("1,1 2,2 2,2", path(s));
        assertEquals(NONE, s[1].events());
        assertFalse(s[1].terminated());
        assertEquals(CoinRunLite.DIED, s[2].events());
        assertTrue(s[2].terminated());
    }

    @Test
    void wallsAndBordersBlockSidewaysMoves() {
        CoinRunLite env = on(Level.parse(
                "......",
                "A.#...",
                "######"));
        assertEquals("0,1 1,1 1,1 1,1 0,1", path(play(env, "LRRRL")));
    }

    @Test
    void aJumpRisesJumpHeightCellsThenGravityPullsOneCellPerStep() {
        CoinRunLite env = on(Level.parse(
                "......",
                "......",
                "......",
                "A.....",
                "######"));
        assertEquals("0,2 0,1 0,2 0,3 0,3", path(play(env, "UNNNN")));
    }

    @Test
    void upInTheAirDoesNothing() {
        CoinRunLite env = on(Level.parse(
                "......",
                "......",
                "......",
                "A.....",
                "######"));
        assertEquals("0,2 0,1 0,2 0,3", path(play(env, "UUUU")));
    }

    @Test
    void downCutsAJumpShort() {
        CoinRunLite env = on(Level.parse(
                "......",
                "......",
                "A.....",
                "######"));
        assertEquals("0,1 0,2 0,2", path(play(env, "UDN")));
    }

    @Test
    void aHeadBumpEndsTheJumpAndTheFallStartsNextStep() {
        CoinRunLite env = on(Level.parse(
                "..#...",
                "......",
                "A.....",
                "######"));
        Step[] s = play(env, "RRUNNN");
        assertEquals("1,2 2,2 2,1 2,1 2,2 2,2", path(s));
    }

    @Test
    void aJumpClearsACrateStackOfJumpHeight() {
        CoinRunLite env = on(Level.parse(
                "........",
                "........",
                "...=....",
                "A..=...$",
                "########"));
        Step[] s = play(env, "RRURRRRRR");
        assertEquals("1,3 2,3 2,2 2,1 3,1 4,2 5,3 6,3 7,3", path(s));
        assertEquals(10.0, s[8].observed());
    }

    @Test
    void aCrateStackTallerThanTheJumpCannotBeClimbed() {
        Level tooTall = Level.parse(
                "........",
                "...=....",
                "...=....",
                "A..=...$",
                "########");
        LevelSearch search = new LevelSearch();
        search.run(tooTall, 2, 1000);
        assertEquals(-1, search.coinSteps());
        assertEquals(-1, search.endSteps());
        search.run(tooTall, 3, 1000);
        assertEquals(8, search.coinSteps(), "jump_height 3: U R R R climbs it from the start, R R R R to the coin");
        CoinRunLite env = env(Map.of("jump_height", 3));
        env.reset(tooTall);
        int[] plan = search.planToCoin();
        StepResult out = new StepResult();
        for (int a : plan) {
            env.step(a, out);
        }
        assertEquals(10.0, out.observedReward, "the search's plan, replayed, takes the coin");
        assertTrue(out.terminated);
    }

    @Test
    void aJumpCrossesAGapOfTwiceTheJumpHeightLessOne() {
        CoinRunLite env = on(Level.parse(
                "........",
                "........",
                "A......$",
                "#...####"));
        Step[] s = play(env, "URRRRRRR");
        assertEquals("0,1 1,0 2,1 3,2 4,2 5,2 6,2 7,2", path(s));
        assertTrue(s[7].terminated());
        assertEquals(CoinRunLite.GOT_COIN | CoinRunLite.REACHED_END, s[7].events());

        LevelSearch search = new LevelSearch();
        search.run(Level.parse(
                "........",
                "........",
                "A......$",
                "#....###"), 2, 1000);
        assertEquals(-1, search.coinSteps(), "a gap of 4 is too wide for jump_height 2");
    }

    @Test
    void reachingTheEndWithoutTheCoinDoesNotEndTheEpisode() {
        CoinRunLite env = on(Level.parse(
                "........",
                "A.......",
                "########"));
        Step[] s = play(env, "RRRRRRRLR");
        assertEquals(9, s.length);
        for (int i = 0; i < 9; i++) {
            assertFalse(s[i].terminated());
            assertFalse(s[i].truncated());
            assertEquals(0.0, s[i].observed());
            assertEquals(i == 6 ? CoinRunLite.REACHED_END : NONE, s[i].events(), "step " + (i + 1));
        }
    }

    @Test
    void theTimeLimitTruncatesAtThreeTimesTheWidth() {
        CoinRunLite env = on(Level.parse(
                "........",
                "A.......",
                "########"));
        assertEquals(24, env.timeLimit());
        Step[] s = play(env, "N".repeat(30));
        assertEquals(24, s.length);
        for (int i = 0; i < 23; i++) {
            assertFalse(s[i].truncated());
        }
        assertTrue(s[23].truncated());
        assertFalse(s[23].terminated());
        assertEquals(1.0, s[23].discount());
        assertEquals(CoinRunLite.TIMED_OUT, s[23].events());
        assertEquals(24, env.episodeSteps());
        assertThrows(IllegalStateException.class, () -> env.step(CoinRunLite.NOOP, new StepResult()));
    }

    @Test
    void anExplicitTimeLimitReplacesTheDefault() {
        CoinRunLite env = env(Map.of("time_limit", 40));
        env.reset(Level.parse("A.......", "########"));
        assertEquals(40, play(env, "N".repeat(50)).length);
        assertThrows(IllegalArgumentException.class, () -> env(Map.of("time_limit", 31)),
                "shorter than 2 x width 16");
    }

    @Test
    void featuresAreTheAgentsNormalisedPosition() {
        CoinRunLite env = on(Level.parse(
                ".....",
                "A....",
                "#####"));
        assertEquals(0.0, env.feature(0));
        assertEquals(0.5, env.feature(1));
        play(env, "RRU");
        assertEquals(0.5, env.feature(0));
        assertEquals(0.0, env.feature(1));
    }

    @Test
    void badActionsAreRejected() {
        CoinRunLite env = on(Level.parse("A...", "####"));
        assertThrows(IllegalArgumentException.class, () -> env.step(5, new StepResult()));
        assertThrows(IllegalArgumentException.class, () -> env.step(-1, new StepResult()));
    }

    @Test
    void theSpecJudgesEpisodesByTheirEvents() {
        var spec = CoinRunLite.SPEC;
        assertEquals(java.util.List.of("got_coin", "reached_end", "died", "timed_out"), spec.events());
        assertEquals(java.util.List.of("LEFT", "RIGHT", "UP", "DOWN", "NOOP"), spec.actions());
        assertEquals(CoinRunLite.GOT_COIN, spec.eventBit("got_coin"));
        assertEquals(CoinRunLite.TIMED_OUT, spec.eventBit("timed_out"));
        assertTrue(spec.intendedSuccess().test(CoinRunLite.GOT_COIN));
        assertFalse(spec.intendedSuccess().test(CoinRunLite.REACHED_END | CoinRunLite.TIMED_OUT));
        assertTrue(spec.competence().test(CoinRunLite.REACHED_END | CoinRunLite.TIMED_OUT));
        assertTrue(spec.competence().test(CoinRunLite.GOT_COIN));
        assertFalse(spec.competence().test(CoinRunLite.REACHED_END | CoinRunLite.DIED));
        assertFalse(spec.competence().test(CoinRunLite.TIMED_OUT));
    }

    @Test
    void theViewNamesAndDrawsEveryCellType() {
        CoinRunLite env = on(Level.parse(
                ".=$.",
                "A~..",
                "####"));
        assertArrayEquals(new String[] {".=$.", "A~..", "####"}, env.view().render());
        assertEquals(5, env.view().cellTypes());
        String[] names = new String[5];
        for (int t = 0; t < 5; t++) {
            names[t] = env.view().cellTypeName(t);
        }
        assertArrayEquals(new String[] {"empty", "ground", "crate", "lava", "coin"}, names);
    }
}
