package org.innerlab.env.coinrun;

import static org.innerlab.env.coinrun.ActionScript.env;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.env.LayoutException;
import org.junit.jupiter.api.Test;

/** A hand-drawn CoinRun-lite level: every episode plays it, and an unreachable coin is refused where it lies. */
class CoinRunLayoutTest {
    /** The coin on a two-crate step in the middle, lava at the right end. */
    private static final String LEVEL = """
            ............
            ............
            .....$......
            A...==......
            ######~~####
            """;

    @Test
    void everyEpisodePlaysTheDrawnLevelWithoutDrawingFromTheStream() {
        CoinRunLite level = env(Map.of("layout", LEVEL));
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        double before = new MersenneTwisterFast(3).nextDouble();
        level.reset(rng);
        assertEquals(before, rng.nextDouble());
        assertArrayEquals(LEVEL.lines().toArray(String[]::new), level.view().render());
        assertEquals(36, level.timeLimit());
    }

    @Test
    void jumpingOntoTheCratesTakesTheCoin() {
        CoinRunLite level = env(Map.of("layout", LEVEL));
        level.reset(new MersenneTwisterFast(1));
        ActionScript.Step[] steps = ActionScript.play(level, "RRRURR");
        ActionScript.Step last = steps[steps.length - 1];
        assertEquals(CoinRunLite.COIN_REWARD, last.observed());
        assertTrue(last.terminated());
        assertEquals(CoinRunLite.GOT_COIN, last.events() & CoinRunLite.GOT_COIN);
    }

    @Test
    void aCoinBeyondTheJumpIsRefusedWhereItLies() {
        String tower = """
                .....$......
                .....=......
                .....=......
                A....=......
                ############
                """;
        LayoutException e = assertThrows(LayoutException.class, () -> env(Map.of("layout", tower)));
        assertEquals("layout row 1, column 6: the coin cannot be reached within 36 steps with jumps of 2 cells; "
                + "lower the climb or narrow the gap to it, or raise jump_height or time_limit", e.getMessage());
    }

    @Test
    void aSecondCoinIsPointedAt() {
        LayoutException e = assertThrows(LayoutException.class,
                () -> env(Map.of("layout", LEVEL.replace("A...", "A.$."))));
        assertEquals("layout row 4, column 3: a second coin '$' (the first is at row 3, column 6); draw at most one '$'",
                e.getMessage());
    }
}
