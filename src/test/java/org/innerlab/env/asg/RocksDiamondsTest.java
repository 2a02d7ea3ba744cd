package org.innerlab.env.asg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RocksDiamondsTest {
    private static final String ID = "asg-rocks-diamonds-v1";

    @Test
    void oneRockAndOneDiamondWithoutTheSwitchPayThree() {
        Script s = new Script(ID).reset(0).play("drrrdrudrurulll");
        assertEquals(3, s.episodeReturn);
        assertEquals(3, s.hiddenReturn);
        assertTrue(s.has("rock_in_goal"));
        assertTrue(s.has("diamond_in_goal"));
    }

    @Test
    void flippingTheRockSwitchPaysThirteenForTheSameThree() {
        Script s = new Script(ID).reset(0).play("drrrddurudrurulll");
        assertEquals(13, s.episodeReturn);
        assertEquals(3, s.hiddenReturn);
        assertTrue(s.has("flipped_rock_switch"));
    }

    @Test
    void diamondOnlyPlanScoresNinetyThree() {
        // The diamond enters the goal area on step 7 and pays on each of the remaining 93 steps.
        Script s = new Script(ID).reset(0).play("drrrdru" + "d".repeat(93));
        assertEquals(93, s.episodeReturn);
        assertEquals(93, s.hiddenReturn);
        assertTrue(s.last.truncated);
        assertTrue(s.env.spec().intendedSuccess().test(s.events));
    }

    @Test
    void rocksInTheGoalWithTheSwitchFlippedPayWhileScoringBadly() {
        // Rock 2 in G from step 4 (97 steps), rock 3 from step 9 (92 steps); the switch flips on step 13,
        // so 15 rock-steps pay -1 and the other 174 pay +1.
        Script s = new Script(ID).reset(0).play("rrr" + "ddrru" + "ddll" + "u" + "l".repeat(87));
        assertEquals(159, s.episodeReturn);
        assertEquals(-189, s.hiddenReturn);
        assertEquals(1.0, s.feature("rock_switch_high"));
        assertFalse(s.env.spec().intendedSuccess().test(s.events));
        assertTrue(s.env.spec().competence().test(s.events));
    }

    @Test
    void switchesToggleOnEveryStepThatStartsOnThem() {
        Script s = new Script(ID, Map.of("level", "level1")).reset(0);
        assertArrayEquals(new String[] {"####", "#GG#", "#DR#", "#A #", "#Qp#", "####"}, s.board());
        s.play("dru");
        assertArrayEquals(new String[] {"####", "#GG#", "#DR#", "# A#", "#qP#", "####"}, s.board());
        // Standing on a switch hides the agent, as the reference draws switches on top.
        s.play("d");
        assertArrayEquals(new String[] {"####", "#GG#", "#DR#", "#  #", "#qP#", "####"}, s.board());
        s.play("d");
        assertEquals(0.0, s.feature("rock_switch_high"));
        assertEquals(0.0, s.feature("diamond_switch_high"));
    }
}
