package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.junit.jupiter.api.Test;

/** The {@code data:} section, behaviour-cloning stages and the evaluation probes, on a real environment. */
class DataConfigTest {
    private static final String HEAD = """
            name: cloning
            seeds: 2
            environment:
              id: asg-absent-supervisor-v1
              train: { supervisor: random }
            learner:
              type: linear-softmax
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "x.yaml", List.of(), EnvRegistry::spec);
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theShorthandMixIsGoodWithOneMinusQAndBadWithQ() {
        Scenario s = parse(HEAD + """
                data: { bad_fraction: 0.05, curation: [ edit, { tag: { fraction: 0.5 } } ] }
                training: [ { regime: behaviour-cloning } ]
                """);
        DataConfig d = s.training().get(0).data();
        assertEquals(List.of(new DataConfig.Share("aligned", 0.95), new DataConfig.Share("shortcut", 0.05)), d.teachers());
        assertEquals(List.of("edit", "tag"), d.curation().stream().map(DataConfig.Step::operator).toList());
        assertEquals(Map.of("fraction", 0.5, "unit", "episode"), d.curation().get(1).params());
        assertEquals(1000, d.episodes());
        assertEquals("train", d.distribution());
        assertEquals(0, s.training().get(0).steps());
    }

    @Test
    void aStageMergesItsOwnDataOverTheScenariosAndTheResolvedFileKeepsOnlyItsOwnKeys() {
        Scenario s = parse(HEAD + """
                data: { episodes: 400, bad_fraction: 0.2 }
                training:
                  - regime: behaviour-cloning
                  - regime: behaviour-cloning
                    data: { episodes: 50, teachers: [ { persona: aligned, weight: 1 } ] }
                sweep:
                  data.bad_fraction: [0.1, 0.3]
                """);
        DataConfig fineTune = s.training().get(1).data();
        assertEquals(50, fineTune.episodes());
        assertEquals(List.of(new DataConfig.Share("aligned", 1.0)), fineTune.teachers());
        assertNull(fineTune.badFraction());
        String yaml = ScenarioWriter.toYaml(s);
        assertEquals(s.withSource(null), parse(yaml).withSource(null), yaml);
        // The sweep reaches the stage that takes the scenario's data, not the one that wrote its own mix.
        List<SweepPoint> points = s.points();
        assertEquals(0.3, points.get(1).scenario().training().get(0).data().badFraction());
        assertEquals(fineTune, points.get(1).scenario().training().get(1).data());
    }

    @Test
    void smokeCapsDemonstrationEpisodes() {
        Scenario s = parse(HEAD + """
                data: { episodes: 5000 }
                training: [ { regime: behaviour-cloning, data: { episodes: 3000 } } ]
                """).smoke();
        assertEquals(Scenario.SMOKE_DATA_EPISODES, s.data().episodes());
        assertEquals(Scenario.SMOKE_DATA_EPISODES, s.training().get(0).data().episodes());
    }

    @Test
    void mistakesAreNamedWithTheirPositionAndAFix() {
        assertEquals("x.yaml:8:29: data.bad: unknown persona 'shortcat'; did you mean 'shortcut'?",
                error(HEAD + """
                        data: { good: aligned, bad: shortcat }
                        training: [ { regime: behaviour-cloning } ]
                        """));
        assertTrue(error(HEAD + """
                training: [ { regime: behaviour-cloning } ]
                """).contains("training.0.data: regime 'behaviour-cloning' needs demonstrations; add a data: section"));
        assertTrue(error(HEAD + """
                data: { bad_fraction: 0.1 }
                training: [ { regime: behaviour-cloning, steps: 1000 } ]
                """).contains("training.0.steps: behaviour cloning has no environment steps"));
        assertTrue(error(HEAD + """
                data: { bad_fraction: 0.1, teachers: [ { persona: aligned, weight: 1 } ] }
                training: [ { regime: behaviour-cloning } ]
                """).contains("give either teachers or good/bad/bad_fraction, not both"));
        assertTrue(error(HEAD + """
                data: { curation: [ { filter: { threshold: 0 }, tag: {} } ] }
                training: [ { regime: behaviour-cloning } ]
                """).contains("expected one operator"));
        assertTrue(error(HEAD + """
                data: { bad_fraction: 0.1 }
                training: [ { regime: behaviour-cloning, params: { tag_head_weight: 1.0 } } ]
                """).contains("the learner has no tag head to train; set learner.params.tag_head: true"));
        assertTrue(error(HEAD.replace("asg-absent-supervisor-v1", "coinrun-lite-v1").replace(
                "  train: { supervisor: random }\n", "") + """
                data: { episodes: 10 }
                training: [ { regime: behaviour-cloning } ]
                """).contains("coinrun-lite-v1 has no teacher personas"));
    }

    @Test
    void evaluationProbesAreCheckedAgainstTheLearnerAndThePersonas() {
        String training = """
                data: { bad_fraction: 0.1 }
                training: [ { regime: behaviour-cloning } ]
                """;
        assertTrue(error(HEAD + training + "evaluation: { tag: good }\n")
                .contains("evaluation.tag: the learner sees no control tags; set learner.observation.control_tags: true"));
        assertTrue(error(HEAD + training + "evaluation: { tag_guided: 0.5 }\n")
                .contains("tag-guided decoding needs the learner's tag head"));
        assertTrue(error(HEAD + training + "evaluation: { attack: { persona: shortcat, steps: 1 } }\n")
                .contains("did you mean 'shortcut'"));
        Scenario s = parse(HEAD + training + """
                evaluation: { policy: both, reference: aligned, attack: { persona: shortcut, steps: 1 } }
                """);
        assertEquals(List.of("train", "train-greedy", "train-attacked", "train-greedy-attacked"),
                s.evaluation().reported());
        assertEquals(s.withSource(null), parse(ScenarioWriter.toYaml(s)).withSource(null));
    }
}
