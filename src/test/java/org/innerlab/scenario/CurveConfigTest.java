package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code evaluation.curve} and {@code curve} charts: defaults, checks with located errors, round trip. */
class CurveConfigTest {
    private static final String BASE = """
            name: c
            environment:
              id: asg-absent-supervisor-v1
              distributions:
                unsupervised: { supervisor: absent }
            learner:
              type: linear-softmax
            training:
              - regime: reinforce
                steps: 1000
            evaluation:
              episodes: 10
              curve: %s
            """;

    private static Scenario parse(String curve, String charts) {
        return ScenarioLoader.parse(BASE.formatted(curve) + charts, "x.yaml", List.of(), EnvSpecLookup.registry());
    }

    private static String error(String curve, String charts) {
        return assertThrows(ScenarioException.class, () -> parse(curve, charts)).getMessage();
    }

    @Test
    void defaultsAreFiftyEpisodesOfTrainFromTheFirstStageWithoutBestOfN() {
        CurveConfig c = parse("{every: 500}", "").evaluation().curve();
        assertEquals(new CurveConfig(500, 50, List.of("train"), 0, 0, List.of()), c);
    }

    @Test
    void bestOfNMustFitItsPoolAndTheReferenceMustBeAStage() {
        assertEquals("x.yaml:13:53: evaluation.curve.best_of_n.n.1: must be an integer in [1, 100], got 200",
                error("{every: 500, best_of_n: {pool: 100, n: [1, 200]}}", ""));
        assertTrue(error("{every: 500, reference_stage: 1}", "").contains("evaluation.curve.reference_stage"));
        assertTrue(error("{every: 500, distributions: [test]}", "").contains("unknown distribution 'test'"));
    }

    @Test
    void curveChartsNeedACurveAndFitOnlyOverSqrtKl() {
        String chart = """
                charts:
                  - { kind: curve, name: k, x: %s, y: [%s]%s }
                """;
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                BASE.replace("  curve: %s\n", "") + chart.formatted("steps", "train/true_return", ""), "x.yaml",
                List.of(), EnvSpecLookup.registry())).getMessage().contains("a curve chart needs evaluation.curve"));
        assertTrue(error("{every: 500}", chart.formatted("steps", "train/true_return", ", fit: true"))
                .contains("fits are curves of d = sqrt(KL)"));
        assertTrue(error("{every: 500}", chart.formatted("steps", "train-bon/true_return", ""))
                .contains("unknown curve 'train-bon'"));
        assertTrue(error("{every: 500}", chart.formatted("sqrt_kl", "train/rated_retrun", ""))
                .contains("unknown metric 'rated_retrun'"));
        ChartConfig ok = parse("{every: 500, best_of_n: {pool: 10, n: [2]}}",
                chart.formatted("sqrt_kl", "train-bon/kl_to_initial", ", fit: true")).charts().get(0);
        assertEquals("curve", ok.kind());
        assertTrue(ok.fit());
    }

    @Test
    void theResolvedScenarioLoadsBackEqual() {
        Scenario s = parse("{every: 500, episodes: 7, distributions: [unsupervised, train], reference_stage: 0, "
                + "best_of_n: {pool: 40, n: [1, 8]}}", """
                charts:
                  - { kind: curve, name: k, x: sqrt_kl, y: [unsupervised-bon/true_return], fit: true }
                """);
        Scenario again = ScenarioLoader.parse(ScenarioWriter.toYaml(s), "x.yaml", List.of(), EnvSpecLookup.registry());
        assertEquals(s.evaluation(), again.evaluation());
        assertEquals(s.charts(), again.charts());
    }

    @Test
    void onlineIsOffByDefaultAndLoadsBackWhenOn() {
        assertFalse(parse("{every: 500}", "").evaluation().curve().online());
        Scenario s = parse("{every: 500, online: true}", """
                charts:
                  - { kind: curve, name: k, x: steps, y: [online/true_return] }
                """);
        assertTrue(s.evaluation().curve().online());
        Scenario again = ScenarioLoader.parse(ScenarioWriter.toYaml(s), "x.yaml", List.of(), EnvSpecLookup.registry());
        assertEquals(s.evaluation(), again.evaluation());
        assertTrue(error("{every: 500}", """
                charts:
                  - { kind: curve, name: k, x: steps, y: [online/true_return] }
                """).contains("unknown curve 'online'"));
    }

    @Test
    void onlineRefusesADistributionItWouldShareItsNameWith() {
        String scenario = BASE.replace("unsupervised:", "online:").formatted("{every: 500, online: true}");
        String message = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenario, "x.yaml",
                List.of(), EnvSpecLookup.registry())).getMessage();
        assertTrue(message.contains("evaluation.curve.online") && message.contains("rename that distribution"),
                message);
    }
}
