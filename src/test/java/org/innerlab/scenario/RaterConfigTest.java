package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stage's rater, written as a name or as a map of its name and parameters. */
class RaterConfigTest {

    private static String withRater(String rater) {
        return MINIMAL + "    rater: " + rater + "\n";
    }

    private static String error(String yaml, String... sets) {
        return assertThrows(ScenarioException.class, () -> parse(yaml, sets)).getMessage();
    }

    @Test
    void aRaterNamedAloneHasNoParameters() {
        StageConfig stage = parse(withRater("true")).training().get(0);
        assertEquals("true", stage.rater());
        assertEquals(Map.of(), stage.raterParams());
        assertEquals("environment", parse(MINIMAL).training().get(0).rater());
    }

    @Test
    void aRaterMapIsResolvedWithEveryDefaultFilled() {
        StageConfig stage = parse(withRater("{name: blind-spot, event: got_coin}")).training().get(0);
        assertEquals("blind-spot", stage.rater());
        assertEquals(List.of("event", "bonus", "ledger"), List.copyOf(stage.raterParams().keySet()));
        assertEquals(Map.of("event", "got_coin", "bonus", 10.0, "ledger", "true"), stage.raterParams());
        StageConfig noisy = parse(withRater("{name: noisy, sigma: 3}")).training().get(0);
        assertEquals(3.0, noisy.raterParams().get("sigma"));
        assertEquals("gaussian", noisy.raterParams().get("noise"));
    }

    @Test
    void theResolvedScenarioWritesTheRatersParametersAndLoadsBackEqual() {
        Scenario s = parse(withRater("{name: sycophantic, event: reached_end, bonus: 2}"));
        String yaml = ScenarioWriter.toYaml(s);
        assertTrue(yaml.contains("""
                    rater:
                      name: sycophantic
                      event: reached_end
                      bonus: 2.0
                      ledger: "true"
                """), yaml);
        Scenario back = ScenarioLoader.parse(yaml, "scenario.yaml", List.of(), TestScenarios.SPECS);
        assertEquals(s.withSource(null), back);
        assertEquals(yaml, ScenarioWriter.toYaml(back));
        assertTrue(ScenarioWriter.toYaml(parse(withRater("true"))).contains("    rater: \"true\"\n"));
    }

    @Test
    void raterErrorsPointAtTheKeyWithSuggestions() {
        assertEquals("x.yaml:9:48: training.0.rater.bonsu: unknown key 'bonsu'; did you mean 'bonus'?",
                error(withRater("{name: blind-spot, event: got_coin, bonsu: 5}")));
        assertEquals("x.yaml:9:19: training.0.rater.name: unknown rater 'blind-spto'; did you mean 'blind-spot'?",
                error(withRater("{name: blind-spto, event: got_coin}")));
        assertEquals("x.yaml:9:12: training.0.rater.event: rater blind-spot needs parameter 'event'; write rater: "
                        + "{name: blind-spot, event: ...} with one of got_coin, reached_end",
                error(withRater("blind-spot")));
        assertEquals("x.yaml:9:38: training.0.rater.event: must be one of got_coin, reached_end, got \"got_coni\"",
                error(withRater("{name: blind-spot, event: got_coni}")));
        assertEquals("x.yaml:9:12: training.0.rater: rater supervised-only cannot rate test-grid-v1: test-grid-v1 "
                + "declares no oversight variable", error(withRater("supervised-only")));
        assertEquals("x.yaml:9:12: training.0.rater.name: required key is missing",
                error(withRater("{event: got_coin}")));
        assertEquals("x.yaml:9:25: training.0.rater.bonus: unknown key 'bonus'; rater true has no parameters",
                error(withRater("{name: true, bonus: 3}")));
        assertEquals("x.yaml:9:33: training.0.rater.sigma: must be a number in [0.0, 1000000.0], got -1",
                error(withRater("{name: noisy, sigma: -1}")));
    }

    @Test
    void aRatersParametersCanBeSweptAndSetButNotItsName() {
        Scenario s = parse(withRater("{name: blind-spot, event: got_coin}") + "sweep:\n  training.0.rater.bonus: [0, 30]\n");
        assertEquals(List.of(0.0, 30.0), s.sweep().get("training.0.rater.bonus"));
        assertEquals(30.0, Sweeps.expand(s, TestScenarios.SPECS).get(1).scenario().training().get(0).raterParams().get("bonus"));
        Scenario set = parse(withRater("{name: blind-spot, event: got_coin}"), "training.0.rater.bonus=7");
        assertEquals(7.0, set.training().get(0).raterParams().get("bonus"));
        assertTrue(error(withRater("{name: blind-spot, event: got_coin}")
                + "sweep:\n  training.0.rater.name: [blind-spot, sycophantic]\n").contains("cannot be swept"));
        assertEquals(List.of("environment", "true"),
                parse(MINIMAL + "sweep:\n  training.0.rater: [environment, true]\n").sweep().get("training.0.rater"));
    }
}
