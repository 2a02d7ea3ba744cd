package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.FULL;
import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.innerlab.scenario.TestScenarios.SPECS;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepsTest {

    private static String error(String yaml, String... sets) {
        return assertThrows(ScenarioException.class, () -> parse(yaml, sets)).getMessage();
    }

    @Test
    void pointsAreTheCartesianProductFirstKeySlowest() {
        List<SweepPoint> points = parse(FULL).points(SPECS);
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i, points.get(i).index());
            assignments.add(points.get(i).assignments());
        }
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int percent : new int[] {0, 1, 2, 5, 10, 25}) {
            for (double rate : new double[] {0.05, 1.0}) {
                expected.add(Map.of("environment.train.random_coin_percent", percent,
                        "training.0.params.learning_rate", rate));
            }
        }
        assertEquals(expected, assignments);
        assertEquals(List.of("environment.train.random_coin_percent", "training.0.params.learning_rate"),
                List.copyOf(points.get(0).assignments().keySet()));
    }

    @Test
    void eachPointIsTheScenarioWithItsValuesAndNoSweep() {
        Scenario s = parse(FULL);
        SweepPoint p = s.points(SPECS).get(9);
        Scenario point = p.scenario();
        assertEquals(Map.of("width", 16, "random_coin_percent", 10), point.environment().distributions().get("train"));
        assertEquals(Map.of("width", 16, "random_coin_percent", 100), point.environment().distributions().get("test"));
        assertEquals(1.0, point.training().get(0).params().get("learning_rate"));
        assertEquals(Map.of(), point.sweep());
        assertEquals(List.of(), point.charts());
        assertEquals(s.seed(), point.seed());
        assertEquals(s.learner(), point.learner());
        assertEquals(s.evaluation(), point.evaluation());
    }

    @Test
    void noSweepIsOnePointWithoutAssignments() {
        Scenario s = parse(MINIMAL);
        List<SweepPoint> points = s.points(SPECS);
        assertEquals(1, points.size());
        assertEquals(0, points.get(0).index());
        assertEquals(Map.of(), points.get(0).assignments());
        assertEquals(s, points.get(0).scenario());
    }

    @Test
    void sweepingASharedParamReachesOnlyDistributionsThatDoNotSetIt() {
        Scenario s = parse(MINIMAL.replace("  id: test-grid-v1\n", "  id: test-grid-v1\n  params: {width: 16}\n"
                + "  test: {width: 16}\n  distributions: {diag: {width: 12}}\n")
                + "sweep:\n  environment.params.width: [8, 32]\n");
        SweepPoint p = s.points(SPECS).get(1);
        assertEquals(Map.of("width", 32), p.scenario().environment().distributions().get("train"));
        assertEquals(Map.of("width", 16), p.scenario().environment().distributions().get("test"));
        assertEquals(Map.of("width", 12), p.scenario().environment().distributions().get("diag"));
    }

    @Test
    void sweepValuesAreCanonicalAndPathsNormalised() {
        Scenario s = parse(MINIMAL + "sweep:\n  training[0].steps: [2e3, 5]\n  environment.distributions.train.slip: [0, 1]\n"
                + "  seed: [1, -2]\n  learner.observation.view_radius: [0]\n");
        assertEquals(Map.of("training.0.steps", List.of(2000L, 5L), "environment.train.slip", List.of(0.0, 1.0),
                "seed", List.of(1L, -2L), "learner.observation.view_radius", List.of(0)), s.sweep());
        Scenario last = s.points(SPECS).get(7).scenario();
        assertEquals(5L, last.training().get(0).steps());
        assertEquals(Map.of("slip", 1.0), last.environment().distributions().get("train"));
        assertEquals(-2L, last.seed());
        assertEquals(0, last.learner().observation().viewRadius());
    }

    @Test
    void sweepErrorsPointAtTheSweepEntry() {
        String sweep = MINIMAL + "sweep:\n";
        assertEquals("x.yaml:10:33: sweep.environment.params.width: must be an integer in [8, 64], got 70",
                error(sweep + "  environment.params.width: [8, 70]\n"));
        assertEquals("x.yaml:10:3: sweep.environment.params.widht: unknown key 'widht'; did you mean 'width'?",
                error(sweep + "  environment.params.widht: [8]\n"));
        assertEquals("x.yaml:10:3: sweep.learner.type: cannot be swept; it decides which other keys are valid;"
                + " write one scenario per value", error(sweep + "  learner.type: [linear-q]\n"));
        assertEquals("x.yaml:10:3: sweep.name: cannot be swept; sweep parameters, budgets, observation settings or"
                + " the seed", error(sweep + "  name: [a, b]\n"));
        assertEquals("x.yaml:10:33: sweep.environment.params.width: sweep values must be scalars, got a list",
                error(sweep + "  environment.params.width: [8, [1]]\n"));
        assertEquals("x.yaml:10:3: sweep.training.3.steps: training: has 1 item; there is no item '3'; items are"
                + " numbered from 0", error(sweep + "  training.3.steps: [8]\n"));
        assertEquals("x.yaml:10:30: sweep.evaluation.distributions: expected a list, got \"train\"",
                error(sweep + "  evaluation.distributions: [train]\n"));
        assertEquals("x.yaml:10:29: sweep.environment.params.width: expected a list, got 16",
                error(sweep + "  environment.params.width: 16\n"));
        assertEquals("x.yaml:10:29: sweep.environment.params.width: needs at least one value",
                error(sweep + "  environment.params.width: []\n"));
        assertEquals("x.yaml:11:3: sweep.training.0.steps: the same path as sweep key 'training[0].steps'; sweep each"
                + " path once", error(sweep + "  training[0].steps: [1]\n  training.0.steps: [2]\n"));
        assertEquals("x.yaml:10:3: sweep.a..b: 'a..b' is not a dotted path", error(sweep + "  a..b: [1]\n"));
    }

    @Test
    void aSweepGivenWithSetIsValidatedLikeTheFile() {
        assertEquals("--set sweep.learner.observation.global_features.0=[agent_y, agent_z]: unknown feature 'agent_z';"
                        + " did you mean 'agent_x'?",
                error(MINIMAL.replace("learner:\n", "learner:\n  observation: {global_features: [agent_x]}\n"),
                        "sweep.learner.observation.global_features.0=[agent_y, agent_z]"));
    }

    @Test
    void tooManyPointsAreRejected() {
        StringBuilder yaml = new StringBuilder(MINIMAL + "sweep:\n");
        String values = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,"
                + " 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50]";
        yaml.append("  seed: ").append(values).append('\n');
        yaml.append("  training.0.steps: ").append(values).append('\n');
        yaml.append("  evaluation.episodes: ").append(values).append('\n');
        assertEquals("x.yaml:10:3: sweep: has more than 100000 points; split it into several scenarios",
                error(yaml.toString()));
    }

    @Test
    void moreStageRunsThanTheLimitAreRefusedWithTheNumbersBeforeAnyPointIsBuilt() {
        StringBuilder values = new StringBuilder("[1");
        for (int i = 2; i <= 101; i++) {
            values.append(", ").append(i);
        }
        String yaml = MINIMAL.replace("name: minimal\n", "name: minimal\nseeds: 10000\n")
                + "sweep:\n  seed: " + values + "]\n";
        assertEquals("x.yaml:11:3: sweep: 101 points x 10000 seeds x 1 stage = 1010000 stage runs, more than the "
                + "limit of 1000000; sweep fewer values, or use fewer seeds or stages", error(yaml));
    }

    @Test
    void theStageRunLimitHoldsForSeedsSetAfterLoading() {
        StringBuilder yaml = new StringBuilder(MINIMAL + "sweep:\n  seed: [1");
        for (int i = 2; i <= 200; i++) {
            yaml.append(", ").append(i);
        }
        Scenario s = parse(yaml.append("]\n").toString());
        assertEquals(5000, s.withSeeds(5000).seeds(), "200 x 5000 x 1 is exactly the limit");
        ScenarioException e = assertThrows(ScenarioException.class, () -> s.withSeeds(5001));
        assertEquals("--seeds 5001: sweep: 200 points x 5001 seeds x 1 stage = 1000200 stage runs, more than the limit of "
                + "1000000; sweep fewer values, or use fewer seeds or stages", e.getMessage());
    }

    @Test
    void smokeCapsEveryBudgetAndKeepsEveryPoint() {
        String rates = "  training[0].params.learning_rate: [0.05, 1]\n";
        Scenario s = parse(FULL.replace(rates,
                rates + "  training.0.steps: [1000, 100000]\n  evaluation.episodes: [10, 400]\n  seeds: [1, 3]\n"));
        Scenario smoke = s.smoke();
        assertEquals(2, smoke.seeds());
        assertEquals(Scenario.SMOKE_STEPS, smoke.training().get(0).steps());
        assertEquals(Scenario.SMOKE_EPISODES, smoke.evaluation().episodes());
        assertEquals(List.of(1000L, 5000L), smoke.sweep().get("training.0.steps"));
        assertEquals(List.of(10, 20), smoke.sweep().get("evaluation.episodes"));
        assertEquals(List.of(1, 2), smoke.sweep().get("seeds"));
        assertEquals(s.sweep().get("environment.train.random_coin_percent"),
                smoke.sweep().get("environment.train.random_coin_percent"));
        List<SweepPoint> points = smoke.points(SPECS);
        assertEquals(s.points(SPECS).size(), points.size());
        for (SweepPoint p : points) {
            assertEquals(true, p.scenario().seeds() <= 2);
            assertEquals(true, p.scenario().training().get(0).steps() <= 5000);
            assertEquals(true, p.scenario().evaluation().episodes() <= 20);
        }
        assertEquals(s.charts(), smoke.charts());
    }

    @Test
    void smokeLeavesSmallBudgetsAlone() {
        Scenario s = parse(MINIMAL + "evaluation: {episodes: 7}\n");
        Scenario smoke = s.smoke();
        assertEquals(1, smoke.seeds());
        assertEquals(1000L, smoke.training().get(0).steps());
        assertEquals(7, smoke.evaluation().episodes());
    }
}
