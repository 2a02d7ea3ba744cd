package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.innerlab.env.EnvRegistry;
import org.junit.jupiter.api.Test;

class PersonaSelectionChartsTest {
    private static final String YAML = """
            name: personas
            environment:
              id: %s
            learner:
              type: %s
            training: [ { regime: %s, steps: 10, rater: environment } ]
            evaluation: { episodes: 5, distributions: [train] }
            sweep: { learner.params.capability: [0.5, 1.0] }
            charts:
              - name: c
                x: learner.params.capability
                y: [%s]
            """;

    private static Scenario parse(String env, String learner, String regime, String series) {
        return ScenarioLoader.parse(YAML.formatted(env, learner, regime, series), "f.yaml", List.of(),
                EnvRegistry::spec);
    }

    @Test
    void aPersonaMixtureMayPlotTheShareOfEachOfItsEnvironmentsPersonas() {
        Scenario s = parse("asg-tomato-watering-v1", "persona-mixture", "persona-selection",
                "learner/persona_share/transformer-strong, learner/persona_share/aligned-weak, learner/misaligned_share, "
                        + "learner/strong_share, train/used_observation_transformer");
        assertEquals(List.of("learner/persona_share/transformer-strong", "learner/persona_share/aligned-weak",
                "learner/misaligned_share", "learner/strong_share", "train/used_observation_transformer"),
                s.charts().get(0).y());
    }

    @Test
    void aShareOfAPersonaTheEnvironmentLacksIsRejectedNamingTheKnownOnes() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("asg-tomato-watering-v1",
                "persona-mixture", "persona-selection", "learner/persona_share/sneaky-strong"));
        assertTrue(e.getMessage().contains("persona_share/transformer-strong"), e.getMessage());
    }

    @Test
    void thePersonaSelectionRegimeTrainsOnlyAPersonaMixture() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(YAML.formatted(
                        "asg-tomato-watering-v1", "linear-softmax", "persona-selection", "train/true_return")
                .replace("learner.params.capability", "learner.params.init_std"), "f.yaml", List.of(),
                EnvRegistry::spec));
        assertTrue(e.getMessage().contains("persona-mixture"), e.getMessage());
    }
}
