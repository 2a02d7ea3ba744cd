package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.junit.jupiter.api.Test;

/**
 * Hand-drawn layouts in a scenario: drawings reach the environment's parameters, names pick drawings,
 * and every way a drawing can be wrong is reported at its row and column inside the YAML block,
 * translated to the file's line and column (the block below starts on line 6, column 7).
 */
class LayoutSectionTest {
    private static final String BOARD = """
            S######S
            S#A   #S
            S# ## #S
            S#P## #S
            S#G   #S
            S######S
            """;

    /** A scenario whose {@code environment.params.layout} is {@code rows}, indented as a block. */
    private static String scenario(String rows) {
        return "name: custom\nenvironment:\n  id: asg-absent-supervisor-v1\n  params:\n    layout: |\n"
                + rows.lines().map(r -> "      " + r + "\n").reduce("", String::concat)
                + "learner:\n  type: tabular-q\ntraining:\n  - regime: q-learning\n    steps: 1000\n";
    }

    private static Scenario parse(String yaml, String... sets) {
        return ScenarioLoader.parse(yaml, "x.yaml", List.of(sets), EnvSpecLookup.registry());
    }

    private static String error(String yaml, String... sets) {
        return assertThrows(ScenarioException.class, () -> parse(yaml, sets)).getMessage();
    }

    @Test
    void aDrawnBoardBecomesTheLayoutParameterOfEveryDistribution() {
        Scenario s = parse(scenario(BOARD));
        assertEquals(BOARD, s.environment().distributions().get("train").get("layout"));
    }

    @Test
    void distributionsPickNamedLayoutsAndTheResolvedScenarioKeepsThem() {
        String yaml = """
                name: named
                environment:
                  id: asg-absent-supervisor-v1
                  layouts:
                    small: |
                      ######
                      #A  G#
                      ######
                  train: { layout: small }
                  test: { layout: small }
                learner:
                  type: tabular-q
                training:
                  - regime: q-learning
                    steps: 1000
                """;
        Scenario s = parse(yaml);
        String small = "######\n#A  G#\n######\n";
        assertEquals(small, s.environment().distributions().get("train").get("layout"));
        assertEquals(small, s.environment().distributions().get("test").get("layout"));
        assertEquals(Map.of("small", small), s.environment().layouts());
        Scenario back = ScenarioLoader.parse(ScenarioWriter.toYaml(s), "scenario.yaml", List.of(),
                EnvSpecLookup.registry());
        assertEquals(s.environment(), back.environment());
    }

    @Test
    void aSweepOverNamedLayoutsPlaysEachDrawingInTurnLabelledByItsName() {
        String yaml = """
                name: swept
                environment:
                  id: asg-absent-supervisor-v1
                  layouts:
                    short: |
                      #####
                      #A G#
                      #####
                    long: |
                      #######
                      #A   G#
                      #######
                learner:
                  type: tabular-q
                training:
                  - regime: q-learning
                    steps: 1000
                sweep:
                  environment.train.layout: [short, long]
                """;
        List<SweepPoint> points = Sweeps.expand(parse(yaml));
        assertEquals(List.of("#####\n#A G#\n#####\n", "#######\n#A   G#\n#######\n"), points.stream()
                .map(p -> p.scenario().environment().distributions().get("train").get("layout")).toList());
        assertEquals(List.of(Map.of("environment.train.layout", "short"), Map.of("environment.train.layout", "long")),
                points.stream().map(SweepPoint::assignments).toList());
    }

    @Test
    void anUnknownSymbolIsPointedAtWithTheSameLetterInTheOtherCase() {
        assertEquals("x.yaml:9:9: environment.params.layout: unknown symbol 'p'; did you mean 'P' (punishment)?",
                error(scenario(BOARD.replace("S#P##", "S#p##"))));
    }

    @Test
    void anUnknownSymbolWithoutALookAlikeListsTheLegend() {
        assertEquals("x.yaml:8:12: environment.params.layout: unknown symbol 'x'; the symbols are '#' wall, "
                        + "' ' floor, 'A' agent, 'G' goal, 'P' punishment, 'S' supervisor",
                error(scenario(BOARD.replace("S# ## #S", "S# ##x#S"))));
    }

    @Test
    void aBoardWithoutAnAgentIsRejectedAtItsFirstCell() {
        assertEquals("x.yaml:6:7: environment.params.layout: no agent 'A'; draw exactly one 'A' where the agent starts",
                error(scenario(BOARD.replace('A', ' '))));
    }

    @Test
    void aSecondAgentIsPointedAtAndNamesTheFirst() {
        assertEquals("x.yaml:10:12: environment.params.layout: a second agent 'A' (the first is at row 2, column 3); "
                + "draw exactly one 'A'", error(scenario(BOARD.replace("S#G   #S", "S#G  A#S"))));
    }

    @Test
    void anUnreachableGoalIsPointedAt() {
        assertEquals("x.yaml:10:9: environment.params.layout: the goal 'G' cannot be reached from the agent; "
                        + "open a path of passable cells (' ' 'G' 'P' 'S') to it",
                error(scenario(BOARD.replace("S#P## #S", "S#### #S").replace("S#G   #S", "S#G#  #S"))));
    }

    @Test
    void aRaggedRowIsPointedAtWhereItEnds() {
        assertEquals("x.yaml:8:13: environment.params.layout: row 3 has 6 symbols but row 1 has 8; draw every row as "
                + "wide as the first (trailing spaces count)", error(scenario(BOARD.replace("S# ## #S", "S# ## "))));
    }

    @Test
    void aBoardOverTheSizeLimitSaysTheLimits() {
        String wide = "#".repeat(31) + "\n#A" + " ".repeat(27) + "G#\n" + "#".repeat(31) + "\n";
        assertEquals("x.yaml:6:37: environment.params.layout: the layout is 31 columns by 3 rows; draw 3 to 30 "
                + "columns and 3 to 20 rows", error(scenario(wide)));
    }

    @Test
    void aBoardTheAgentCanWalkOffIsPointedAtTheOpenEdge() {
        assertEquals("x.yaml:6:14: environment.params.layout: the agent can walk to the edge of the board here; "
                        + "surround the cells it can reach with '#' (wall)",
                error(scenario(BOARD.replace("S#A   #S", "S#A     "))));
    }

    @Test
    void aPieceThatMustBeReachableIsPointedAtWhenWalledAway() {
        String yaml = """
                name: keys
                environment:
                  id: keys-chests-v1
                  params:
                    layout: |
                      #####
                      #A C#
                      #####
                      #k  #
                      #####
                learner:
                  type: tabular-q
                training:
                  - regime: q-learning
                    steps: 1000
                """;
        assertEquals("x.yaml:9:8: environment.params.layout: the key 'k' cannot be reached from the agent; open a "
                + "path of passable cells (' ' 'k' 'C') to it", error(yaml));
    }

    @Test
    void aRuleThatDependsOnParametersIsReportedWhenTheEnvironmentIsBuiltAtTheFileLineAndColumnOfTheCell() {
        String yaml = """
                name: maze
                environment:
                  id: cheese-maze-v1
                  params:
                    max_size: 7
                    min_size: 7
                    layout: |
                      #########
                      #A     C#
                      #########
                learner:
                  type: tabular-q
                training:
                  - regime: q-learning
                    steps: 1000
                """;
        assertEquals("x.yaml:8:14: environment.params.layout: the layout is 9 columns by 3 rows, larger than the 7 x 7 "
                + "grid; draw at most max_size (7) of each, or raise max_size (at most 25)",
                assertThrows(BadInputException.class, () -> parse(yaml)).getMessage());
    }

    @Test
    void aRuleThatDependsOnParametersIsLocatedInTheNamedDrawingADistributionPlays() {
        String yaml = """
                name: maze
                environment:
                  id: cheese-maze-v1
                  layouts:
                    wide: |
                      #########
                      #A     C#
                      #########
                  params:
                    max_size: 7
                    min_size: 7
                  train: { layout: wide }
                learner:
                  type: tabular-q
                training:
                  - regime: q-learning
                    steps: 1000
                """;
        assertEquals("x.yaml:6:14: environment.layouts.wide: the layout is 9 columns by 3 rows, larger than the 7 x 7 "
                + "grid; draw at most max_size (7) of each, or raise max_size (at most 25)",
                assertThrows(BadInputException.class, () -> parse(yaml)).getMessage());
    }

    @Test
    void anUnknownLayoutNameIsSuggestedANamedOne() {
        String yaml = """
                name: named
                environment:
                  id: asg-absent-supervisor-v1
                  layouts:
                    small: |
                      ######
                      #A  G#
                      ######
                  train: { layout: smal }
                learner:
                  type: tabular-q
                training:
                  - regime: q-learning
                    steps: 1000
                """;
        assertEquals("x.yaml:9:20: environment.train.layout: no layout named 'smal'; did you mean 'small'?", error(yaml));
    }

    @Test
    void aLayoutSetOnTheCommandLineNamesTheRowAndColumn() {
        assertEquals("--set environment.params.layout=\"###\\n#A#\\n#x#\\n\": row 3, column 2: unknown symbol 'x'; "
                        + "the symbols are '#' wall, ' ' floor, 'A' agent, 'G' goal, 'P' punishment, 'S' supervisor",
                error(scenario(BOARD), "environment.params.layout=\"###\\n#A#\\n#x#\\n\""));
    }

    @Test
    void anEnvironmentWithoutALegendTakesNoLayouts() {
        String yaml = "name: x\nenvironment:\n  id: compliance-v1\n  layouts:\n    a: |\n      #A#\n"
                + "learner:\n  type: tabular-q\ntraining:\n  - regime: q-learning\n    steps: 1000\n";
        assertEquals("x.yaml:5:5: environment.layouts: compliance-v1 takes no hand-drawn layouts; innerlab describe "
                + "<id> shows an environment's legend when it has one", error(yaml));
    }

    @Test
    void aGamesOwnRuleIsPointedAtInTheFile() {
        String yaml = scenario("""
                #######
                #A    #
                # G O>#
                #     #
                #######
                """).replace("asg-absent-supervisor-v1", "asg-conveyor-belt-v1");
        assertEquals("x.yaml:8:9: environment.params.layout: a goal 'G' on the belt (west of '>' at row 3, column 6, to "
                + "the nearest wall); move the goal off the belt", error(yaml));
    }
}
