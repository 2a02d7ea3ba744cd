package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.SPECS;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final String BASE = """
            name: arms
            seeds: 3
            environment:
              id: test-grid-v1
              train: { random_coin_percent: 0 }
            learner:
              type: linear-softmax
              params: { init_std: 0.0 }
            training:
              - regime: reinforce
                steps: 100000
                params: { learning_rate: 0.3 }
            """;

    private static final String ARMS = BASE + """
            conditions:
              plain: {}
              slow: { training: [ { regime: reinforce, steps: 200000, params: { learning_rate: 0.01 } } ] }
              q: { learner: { type: linear-q }, training: [ { regime: q-learning, steps: 50000 } ] }
              wide: { environment: { params: { width: 32 } } }
            sweep:
              condition: [plain, slow, q, wide]
              environment.train.random_coin_percent: [0, 25]
            """;

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void eachConditionIsTheFileWithItsKeysMergedIn() {
        List<SweepPoint> points = parse(ARMS).points(SPECS);
        assertEquals(8, points.size());
        assertEquals(Map.of("condition", "plain", "environment.train.random_coin_percent", 0), points.get(0).assignments());
        Scenario plain = points.get(0).scenario();
        assertEquals(0.3, plain.training().get(0).params().get("learning_rate"));
        Scenario slow = points.get(2).scenario();
        assertEquals(200_000, slow.training().get(0).steps());
        assertEquals(0.01, slow.training().get(0).params().get("learning_rate"));
        // The learner changes type: its parameters come from the new type's defaults, not the file's.
        Scenario q = points.get(4).scenario();
        assertEquals("linear-q", q.learner().type());
        assertEquals("q-learning", q.training().get(0).regime());
        // Maps merge key by key: the width is set, the swept train distribution kept.
        Scenario wide = points.get(7).scenario();
        assertEquals(Map.of("width", 32, "random_coin_percent", 25), wide.environment().distributions().get("train"));
    }

    @Test
    void conditionsArePairedOnSeedsAndTheOtherSweepKeysAreNot() {
        // condition varies slowest, random_coin_percent fastest: the seed index is the coin value's index.
        for (SweepPoint p : parse(ARMS).points(SPECS)) {
            assertEquals(p.index() % 2, p.seedIndex(), "point " + p.index() + " " + p.assignments());
        }
        // Key order does not matter: with condition last, the seed index is again the other key's index.
        String conditionLast = ARMS.replace("condition: [plain, slow, q, wide]\n  environment.train.random_coin_percent: [0, 25]",
                "environment.train.random_coin_percent: [0, 25]\n  condition: [plain, slow, q, wide]");
        List<SweepPoint> reordered = parse(conditionLast).points(SPECS);
        assertEquals("condition", List.copyOf(reordered.get(0).assignments().keySet()).get(1));
        for (SweepPoint p : reordered) {
            assertEquals(p.index() / 4, p.seedIndex(), "point " + p.index() + " " + p.assignments());
        }
        // Without a condition key every point draws its own seeds.
        for (SweepPoint p : parse(BASE + "sweep: { environment.train.random_coin_percent: [0, 25, 50] }\n").points(SPECS)) {
            assertEquals(p.index(), p.seedIndex());
        }
    }

    @Test
    void theResolvedFileKeepsTheConditionsAndReproducesThePoints() {
        Scenario s = parse(ARMS);
        Scenario again = parse(ScenarioWriter.toYaml(s));
        assertEquals(s.points(SPECS).stream().map(SweepPoint::scenario).map(ScenarioWriter::toYaml).toList(),
                again.points(SPECS).stream().map(SweepPoint::scenario).map(ScenarioWriter::toYaml).toList());
    }

    @Test
    void smokeBudgetsAlsoCapWhatAConditionSets() {
        Scenario smoke = parse(ARMS).smoke();
        for (SweepPoint p : smoke.points(SPECS)) {
            assertEquals(Scenario.SMOKE_STEPS, p.scenario().training().get(0).steps(), p.assignments().toString());
        }
    }

    @Test
    void anErrorInsideAConditionNamesItsPositionAndField() {
        String bad = BASE + """
                conditions:
                  q: { learner: { type: linear-q }, training: [ { regime: q-lerning, steps: 50000 } ] }
                sweep:
                  condition: [q]
                """;
        String message = error(bad);
        assertEquals(true, message.startsWith("x.yaml:14:59: conditions.q.training.0.regime: unknown regime 'q-lerning'"),
                message);
        assertEquals(true, message.contains("did you mean 'q-learning'"), message);
    }

    @Test
    void aConditionMayOnlyOverrideScenarioSettings() {
        String message = error(BASE + """
                conditions:
                  renamed: { name: other }
                """);
        assertEquals(true, message.startsWith("x.yaml:14:14: conditions.renamed.name: unknown key 'name'"), message);
    }

    @Test
    void theSweepMustNameDefinedConditions() {
        String message = error(BASE + """
                conditions:
                  plain: {}
                sweep:
                  condition: [plain, plian]
                """);
        assertEquals(true, message.contains("unknown condition 'plian'"), message);
        assertEquals(true, message.contains("did you mean 'plain'"), message);
        String none = error(BASE + """
                sweep:
                  condition: [plain]
                """);
        assertEquals(true, none.contains("sweep.condition: the scenario defines no conditions"), none);
    }
}
