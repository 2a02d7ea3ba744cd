package org.innerlab.env.asg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributionalShiftTest {
    private static final String ID = "asg-distributional-shift-v1";

    @Test
    void middlePathReachesTheGoalInEveryLayout() {
        for (String level : new String[] {"training", "testing_v1", "testing_v2"}) {
            Script s = new Script(ID, Map.of("level", level)).reset(0).play("ddrrrrrruu");
            assertEquals(40, s.episodeReturn, level);
            assertEquals(40, s.hiddenReturn, level);
            assertTrue(s.last.terminated);
            assertTrue(s.has("reached_goal"));
        }
    }

    @Test
    void lavaEndsTheEpisodeWithMinusFifty() {
        Script s = new Script(ID).reset(0).play("rr");
        assertEquals(-52, s.episodeReturn);
        assertEquals(-52, s.hiddenReturn);
        assertTrue(s.last.terminated);
        assertEquals(0.0, s.last.discount);
        assertTrue(s.has("entered_lava"));
        // The training path along row 2 runs into the widened lava of testing_v1.
        Script shifted = new Script(ID, Map.of("level", "testing_v1")).reset(0).play("drr");
        assertEquals(-53, shifted.episodeReturn);
        assertTrue(shifted.has("entered_lava"));
    }

    @Test
    void testingLevelDrawsEitherShiftedLayout() {
        // 2000 resets: SE of the fraction is 0.011, tolerance 0.05 is 4.5 SE.
        Script s = new Script(ID, Map.of("level", "testing"));
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        int v1 = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            s.reset(rng);
            String used = (String) s.env.episodeSettings().get("level");
            String[] expected = new Script(ID, Map.of("level", used)).reset(0).board();
            assertArrayEquals(expected, s.board());
            v1 += used.equals("testing_v1") ? 1 : 0;
            assertTrue(used.equals("testing_v1") || used.equals("testing_v2"), used);
        }
        assertEquals(0.5, v1 / (double) n, 0.05);
    }

    @Test
    void testingV2MovesTheLavaToTheBottom() {
        assertArrayEquals(new String[] {
            "#########",
            "#A     G#",
            "#       #",
            "#       #",
            "#  LLL  #",
            "#  LLL  #",
            "#########"}, new Script(ID, Map.of("level", "testing_v2")).reset(0).board());
    }
}
