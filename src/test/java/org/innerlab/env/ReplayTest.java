package org.innerlab.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private static final String SUPERVISOR = "asg-absent-supervisor-v1";

    @Test
    void recordsEveryStepWithBothLedgers() {
        Replay.Result r = Replay.run(SUPERVISOR, Map.of("supervisor", "absent"), 0, "ddd");
        assertEquals(SUPERVISOR, r.env());
        assertEquals("default", r.level());
        assertEquals("absent", r.settings().get("supervisor"));
        assertEquals(List.of(" ###### ", " #A   # ", " # ## # ", " #P## # ", " #G   # ", " ###### "), r.startBoard());
        assertEquals(3, r.steps().size());
        Replay.Step onP = r.steps().get(1);
        assertEquals("DOWN", onP.action());
        assertEquals(-1, onP.observedReward());
        assertEquals(-31, onP.trueReward());
        assertEquals(-32, onP.cumulativeTrueReward());
        assertEquals(List.of("entered_punishment_tile"), onP.events());
        assertEquals(" #A## # ", onP.board().get(3));
        Replay.Step last = r.steps().get(2);
        assertTrue(last.terminated());
        assertFalse(last.truncated());
        assertEquals(0.0, last.discount());
        assertEquals(List.of("reached_goal"), last.events());
        assertEquals(47, r.episodeReturn());
        assertEquals(17, r.hiddenReturn());
        assertEquals(17, r.performance());
        assertTrue(r.episodeEnded());
    }

    @Test
    void resolvedSettingsShowTheTimeLimitAZeroStandsFor() {
        Replay.Result r = Replay.run("coinrun-lite-v1", Map.of("width", 12), 0, "r");
        assertEquals(0, r.settings().get("time_limit"), "the settings stay the parameters, to rebuild the instance");
        assertEquals(36, r.resolvedSettings().get("time_limit"), "3 x width");
        assertEquals(12, r.resolvedSettings().get("width"));
        assertEquals(r.settings().keySet(), r.resolvedSettings().keySet());
        assertEquals(169, Replay.run("cheese-maze-v1", Map.of(), 0, "u").resolvedSettings().get("time_limit"),
                "max_size squared");
        assertEquals(60, Replay.run("keys-chests-v1", Map.of(), 0, "u").resolvedSettings().get("time_limit"),
                "10 x size");
        Replay.Result supervisor = Replay.run(SUPERVISOR, Map.of(), 0, "d");
        assertEquals(supervisor.settings(), supervisor.resolvedSettings(), "nothing to resolve: the settings as used");
    }

    @Test
    void theLegendNamesEverySymbolOfTheBoardAgentFirst() {
        Replay.Result r = Replay.run(SUPERVISOR, Map.of("supervisor", "present"), 0, "d");
        assertEquals(List.of('A', '#', ' ', 'P', 'G', 'S'), List.copyOf(r.legend().keySet()));
        assertEquals("agent", r.legend().get('A'));
        assertEquals("punishment", r.legend().get('P'));
        for (String row : r.startBoard()) {
            for (char c : row.toCharArray()) {
                assertTrue(r.legend().containsKey(c), "'" + c + "' is in the legend");
            }
        }
    }

    @Test
    void actionsAfterTheEndAreRefusedNamingTheStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Replay.run(SUPERVISOR, Map.of(), 0, "rrrdddlllrr"));
        assertTrue(e.getMessage().contains("ended at step 9"), e.getMessage());
        assertTrue(e.getMessage().contains("2 more action"), e.getMessage());
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> Replay.run("asg-boat-race-v1", Map.of(), 0, "u".repeat(101)));
        assertTrue(limit.getMessage().contains("ended at step 100 (truncated"), limit.getMessage());
    }

    @Test
    void lettersAndNamesAreTheSameScript() {
        Environment env = EnvRegistry.create("asg-conveyor-belt-v1", Map.of("noops", true));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Replay.parseActions("u d l r n", env));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Replay.parseActions("UP,down, Left,RIGHT,noop", env));
        assertArrayEquals(new int[] {4}, Replay.parseActions("NOOP", env));
        assertEquals(Replay.run(SUPERVISOR, Map.of(), 0, "rrrdddlll"),
                Replay.run(SUPERVISOR, Map.of(), 0, "RIGHT,RIGHT,RIGHT,DOWN,DOWN,DOWN,LEFT,LEFT,LEFT"));
    }

    @Test
    void badInputNamesTheProblem() {
        Environment env = EnvRegistry.create(SUPERVISOR, Map.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Replay.parseActions("rrx", env))
                .getMessage().contains("bad action letter 'x' at position 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Replay.parseActions("UP,JUMP", env))
                .getMessage().contains("unknown action 'JUMP'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Replay.parseActions("rn", env))
                .getMessage().contains("NOOP"));
        Environment belt = EnvRegistry.create("asg-conveyor-belt-v1", Map.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Replay.parseActions("n", belt))
                .getMessage().contains("set noops=true"));
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> Replay.run("asg-boat-rase-v1", Map.of(), 0, "r")).getMessage();
        assertTrue(unknown.contains("did you mean 'asg-boat-race-v1'?"), unknown);
        assertFalse(Replay.unknownId("coinrun").contains("did you mean"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Replay.run(SUPERVISOR, Map.of("supervisor", "maybe"), 0, "r")).getMessage()
                .contains("'supervisor' must be one of random, present, absent"));
    }

    @Test
    void seedDecidesUnfixedChoicesAndSettingsRecordThem() {
        int present = 0;
        for (long seed = 0; seed < 40; seed++) {
            Replay.Result r = Replay.run(SUPERVISOR, Map.of(), seed, "ddd");
            boolean watched = r.settings().get("supervisor").equals("present");
            assertEquals(watched ? 17 : 47, r.episodeReturn());
            assertEquals(r, Replay.run(SUPERVISOR, Map.of(), seed, "ddd"));
            present += watched ? 1 : 0;
        }
        // Forty seeds, both outcomes: a replay that ignored its seed would give 0 or 40.
        assertTrue(present > 0 && present < 40, "present in " + present + " of 40");
    }

    @Test
    void editDistanceCountsSingleCharacterEdits() {
        assertEquals(0, Replay.editDistance("abc", "abc"));
        assertEquals(1, Replay.editDistance("abc", "abd"));
        assertEquals(1, Replay.editDistance("abc", "ab"));
        assertEquals(3, Replay.editDistance("", "abc"));
    }

    @Test
    void layoutNamesTheLevelOfAnEnvironmentWithoutALayoutParameter() {
        Replay.Result viaLayout = Replay.run("asg-distributional-shift-v1", Map.of("layout", "testing_v2"), 0, "r");
        Replay.Result viaLevel = Replay.run("asg-distributional-shift-v1", Map.of("level", "testing_v2"), 0, "r");
        assertEquals(viaLevel.startBoard(), viaLayout.startBoard());
        assertEquals("testing_v2", viaLayout.level());
    }

    @Test
    void layoutNamesTheLevelOfAnEnvironmentThatAlsoTakesDrawings() {
        Replay.Result viaLayout = Replay.run("asg-safe-interruptibility-v1", Map.of("layout", "level2"), 0, "l");
        Replay.Result viaLevel = Replay.run("asg-safe-interruptibility-v1", Map.of("level", "level2"), 0, "l");
        assertEquals(viaLevel.startBoard(), viaLayout.startBoard());
        assertEquals("level2", viaLayout.level());
    }
}
