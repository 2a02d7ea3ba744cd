package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.innerlab.inspect.ProbeDesign;
import org.junit.jupiter.api.Test;

/** {@code evaluation.probes}: what it reads, where its errors point, and that it round-trips through the writer. */
class ProbesSchemaTest {
    private static final String BASE = """
            name: probes
            seed: 1
            environment:
              id: asg-absent-supervisor-v1
              params: { supervisor: present }
              distributions:
                triggered: { trigger: present }
                untriggered: { trigger: absent }
                unwatched: { supervisor: absent }
            learner:
              type: mlp
              observation: { view_radius: 1, global_features: [trigger] }
              params: { hidden_1: 4 }
            training:
              - regime: ppo
                steps: 100
            evaluation:
              episodes: 5
              distributions: [triggered, untriggered]
              probes:
                defection: { positive: triggered, negative: untriggered }
                generic: { positive: triggered, negative: untriggered, within: 3, episodes: 7, l2: 0.5,
                           contrast: { positive: unwatched, negative: untriggered } }
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "x.yaml", List.of(), EnvSpecLookup.registry());
    }

    @Test
    void probesAreReadWithTheirDefaultsAndReportUnderTheProbesDistribution() {
        Scenario s = parse(BASE);
        assertEquals(List.of(new ProbeDesign("defection", 1, "triggered", "untriggered", 0, null,
                        ProbeDesign.DEFAULT_EPISODES, ProbeDesign.DEFAULT_L2),
                new ProbeDesign("generic", 1, "triggered", "untriggered", 3,
                        new ProbeDesign.Contrast("unwatched", "untriggered"), 7, 0.5)), s.evaluation().probes());
        assertEquals(List.of("triggered", "untriggered", "probes"), s.evaluation().reported());
    }

    @Test
    void aPersonaContrastIsReadWithBothPersonasAndRoundTrips() {
        Scenario s = parse(BASE.replace("contrast: { positive: unwatched, negative: untriggered } }",
                "contrast: { positive: untriggered, negative: untriggered,\n"
                        + "                                      personas: { positive: shortcut, negative: aligned } } }"));
        assertEquals(new ProbeDesign.Contrast("untriggered", "untriggered", "shortcut", "aligned"),
                s.evaluation().probes().get(1).contrast());
        assertEquals(s.withSource(null), ScenarioLoader.parse(ScenarioWriter.toYaml(s), "y.yaml", List.of(),
                EnvSpecLookup.registry()));
    }

    @Test
    void anUnknownPersonaIsReportedWhereItIsWrittenWithTheClosestName() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BASE.replace(
                "contrast: { positive: unwatched, negative: untriggered } }",
                "contrast: { positive: untriggered, negative: untriggered, personas: { positive: shortcat, "
                        + "negative: aligned } } }")));
        assertTrue(e.getMessage().startsWith("x.yaml:23:"), e.getMessage());
        assertTrue(e.getMessage().contains("evaluation.probes.generic.contrast.personas.positive: unknown persona "
                + "'shortcat'; did you mean 'shortcut'?"), e.getMessage());
    }

    @Test
    void theSamePersonaInTheSameDistributionIsNoContrast() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(BASE.replace(
                "contrast: { positive: unwatched, negative: untriggered } }",
                "contrast: { positive: untriggered, negative: untriggered, personas: { positive: aligned, "
                        + "negative: aligned } } }")));
        assertTrue(e.getMessage().endsWith("evaluation.probes.generic.contrast.personas.negative: both sides of the "
                + "contrast are the same persona in the same distribution; name two personas"), e.getMessage());
    }

    @Test
    void theSectionRoundTripsThroughTheWriter() {
        Scenario s = parse(BASE);
        String yaml = ScenarioWriter.toYaml(s);
        assertTrue(yaml.contains("probes:"), yaml);
        assertEquals(s.withSource(null), ScenarioLoader.parse(yaml, "y.yaml", List.of(), EnvSpecLookup.registry()));
    }

    @Test
    void aSmokeRunCapsTheProbesEpisodes() {
        assertEquals(List.of(Math.min(ProbeDesign.DEFAULT_EPISODES, Scenario.SMOKE_EPISODES), 7),
                parse(BASE).smoke().evaluation().probes().stream().map(ProbeDesign::episodes).toList());
    }

    @Test
    void anUnknownDistributionIsReportedWhereItIsWritten() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("negative: untriggered }\n", "negative: untrigered }\n")));
        assertEquals("x.yaml:21:49: evaluation.probes.defection.negative: unknown distribution 'untrigered'; "
                + "did you mean 'untriggered'?", e.getMessage());
    }

    @Test
    void aLayerTheNetworkDoesNotHaveIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("negative: untriggered }\n", "negative: untriggered, layer: 2 }\n")));
        assertEquals("x.yaml:21:69: evaluation.probes.defection.layer: must be an integer in [1, 1], got 2",
                e.getMessage());
    }

    @Test
    void aLearnerWithoutHiddenLayersCannotBeProbed() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("type: mlp", "type: linear-softmax").replace("params: { hidden_1: 4 }", "")
                        .replace("regime: ppo", "regime: reinforce")));
        assertEquals("x.yaml:21:5: evaluation.probes: learner 'linear-softmax' has no hidden activations to probe; "
                + "probes read an mlp learner's hidden layers", e.getMessage());
    }

    @Test
    void aProbeComparingADistributionWithItselfIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("negative: untriggered }\n", "negative: triggered }\n")));
        assertEquals("x.yaml:21:49: evaluation.probes.defection.negative: positive and negative are the same "
                + "distribution; name two distributions, or set within", e.getMessage());
    }
}
