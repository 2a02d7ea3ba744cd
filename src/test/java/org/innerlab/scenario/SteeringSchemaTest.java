package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code evaluation.steering} is checked against the learner, the environment and itself before any run. */
class SteeringSchemaTest {
    private static final String CHEESE_PLUS = "plus:  { distribution: test, states: start }";
    private static final String SUM = "sum: { cheese: -1, top-right: 1 }";

    private static String shipped() throws IOException {
        String text = Files.readString(Path.of("scenarios", "cheese-vector.yaml"));
        assertTrue(text.contains(CHEESE_PLUS) && text.contains(SUM), "the shipped file has what this test edits");
        return text;
    }

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "cv.yaml", List.of(), EnvSpecLookup.registry());
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void eachVectorAndCoefficientIsReportedAsASteeredTwinOfEachSteeredDistribution() throws IOException {
        List<String> reported = parse(shipped()).evaluation().reported();
        assertEquals(List.of("train", "test", "test-steered-cheese@-8", "test-steered-cheese@-4",
                "test-steered-cheese@-2", "test-steered-cheese@-1", "test-steered-cheese@1", "test-steered-cheese@2",
                "test-steered-cheese@4", "test-steered-top-right@-4", "test-steered-top-right@-1",
                "test-steered-top-right@1", "test-steered-top-right@2", "test-steered-top-right@4",
                "test-steered-top-right@8", "test-steered-both@1", "test-steered-both@4"), reported);
    }

    @Test
    void theResolvedScenarioReadsBackToTheSameSteering() throws IOException {
        Scenario s = parse(shipped());
        Scenario again = parse(ScenarioWriter.toYaml(s));
        assertEquals(s.evaluation().steering(), again.evaluation().steering());
    }

    @Test
    void aMisspeltDistributionGetsASuggestionAtItsLocation() throws IOException {
        String e = error(shipped().replace(CHEESE_PLUS, "plus:  { distribution: tset, states: start }"));
        assertTrue(e.contains("cv.yaml:65:") && e.contains("evaluation.steering.vectors.0.plus.distribution: unknown "
                + "distribution 'tset'") && e.contains("test"), e);
    }

    @Test
    void aWhereRangeMustNameAGlobalFeature() throws IOException {
        String e = error(shipped().replace("agent_x: [0.8, 1]", "agent_xx: [0.8, 1]"));
        assertTrue(e.contains("evaluation.steering.vectors.1.plus.where.agent_xx: unknown global feature 'agent_xx'"), e);
        assertTrue(e.contains("agent_x"), e);
    }

    @Test
    void aComposedVectorNamesOnlyVectorsAboveIt() throws IOException {
        String e = error(shipped().replace(SUM, "sum: { cheese: -1, top-rigth: 1 }"));
        assertTrue(e.contains("evaluation.steering.vectors.2.sum.top-rigth: unknown vector 'top-rigth'"), e);
        assertTrue(e.contains("top-right"), e);
    }

    @Test
    void aZeroCoefficientIsRefusedSinceItIsTheDistributionItself() throws IOException {
        String e = error(shipped().replace("coefficients: [1, 4]", "coefficients: [0, 4]"));
        assertTrue(e.contains("evaluation.steering.vectors.2.coefficients.0: coefficient 0 is the unsteered "
                + "distribution"), e);
    }

    @Test
    void aLearnerWithoutHiddenLayersCannotBeSteered() throws IOException {
        String text = shipped();
        String linear = text.substring(0, text.indexOf("learner:")) + """
                learner:
                  type: linear-softmax
                training:
                  - { regime: reinforce, steps: 1000, rater: environment }
                """ + text.substring(text.indexOf("evaluation:"));
        String e = error(linear);
        assertTrue(e.contains("evaluation.steering: steering adds vectors to a hidden layer, and learner type "
                + "'linear-softmax' has none"), e);
    }

    @Test
    void aSteeringChartNamesAVectorOfTheScenario() throws IOException {
        String e = error(shipped().replace("x: top-right\n", "x: top-left\n"));
        assertTrue(e.contains("charts.1.x: unknown steering vector 'top-left'"), e);
    }
}
