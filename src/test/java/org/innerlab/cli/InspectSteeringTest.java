package org.innerlab.cli;

import static org.innerlab.cli.CliRun.innerlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.report.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code innerlab inspect --steer} on a run of cheese-vector (smoke budget, one seed, policy saved),
 * trained once for the class: the steered numbers are the run's, bit for bit.
 */
class InspectSteeringTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path folder;
    /** The run's own metrics, by distribution/metric, as value bits. */
    private static final Map<String, Long> RECORDED = new HashMap<>();

    @BeforeAll
    static void runWithSavedPolicies() throws IOException {
        folder = tmp.resolve("run");
        CliRun run = innerlab("run", "scenarios/cheese-vector.yaml", "--smoke", "--seeds", "1", "--save-policies",
                "--quiet", "--out", folder.toString());
        assertEquals(0, run.exit(), run.err());
        for (RunResult r : RunFolder.read(folder).runs()) {
            for (MetricValue m : r.metrics()) {
                RECORDED.put(m.distribution() + "/" + m.metric(), Double.doubleToLongBits(m.value()));
            }
        }
    }

    /** Each printed row's value as bits, by distribution/metric (a NaN is printed as text). */
    private static Map<String, Long> inspected(CliRun run) throws IOException {
        assertEquals(0, run.exit(), run.err());
        Map<String, Long> rows = new HashMap<>();
        for (JsonNode row : JSON.readTree(run.out())) {
            assertEquals(0, row.get("point").asInt());
            double value = row.get("value").isTextual() ? Double.NaN : row.get("value").asDouble();
            rows.put(row.get("distribution").asText() + "/" + row.get("metric").asText(),
                    Double.doubleToLongBits(value));
        }
        return rows;
    }

    @Test
    void steeredMetricsOnTheSavedPolicyEqualTheRunsSteeredRowsBitForBit() throws IOException {
        Map<String, Long> rows = inspected(innerlab("inspect", folder.toString(), "--policy", "0/0", "--json",
                "--steer", "cheese@-8", "--steer", "cheese@1", "--steer", "top-right@4", "--steer", "both@4"));
        Set<String> distributions = new HashSet<>();
        for (Map.Entry<String, Long> row : rows.entrySet()) {
            assertEquals(RECORDED.get(row.getKey()), row.getValue(), row.getKey());
            distributions.add(row.getKey().substring(0, row.getKey().indexOf('/')));
        }
        assertEquals(Set.of("test", "test-steered-cheese@-8", "test-steered-cheese@1", "test-steered-top-right@4",
                "test-steered-both@4"), distributions);
        assertTrue(rows.containsKey("test-steered-cheese@-8/reached_top_right_corner"), rows.keySet().toString());
    }

    @Test
    void composingTwoVectorsOnTheCommandLineEqualsTheScenariosComposedVector() throws IOException {
        // The scenario's "both" is -1 x cheese + 1 x top-right.
        Map<String, Long> rows = inspected(innerlab("inspect", folder.toString(), "--json", "--steer",
                "cheese@-1+top-right@1"));
        int compared = 0;
        for (Map.Entry<String, Long> row : rows.entrySet()) {
            if (row.getKey().startsWith("test-steered-cheese@-1+top-right@1/")) {
                String metric = row.getKey().substring(row.getKey().indexOf('/') + 1);
                assertEquals(RECORDED.get("test-steered-both@1/" + metric), row.getValue(), metric);
                compared++;
            }
        }
        assertTrue(compared > 5, rows.keySet().toString());
    }

    @Test
    void aVectorDeclaredWithSetIsComputedOnTheSavedPolicy() throws IOException {
        Map<String, Long> rows = inspected(innerlab("inspect", folder.toString(), "--json", "--steer", "left@2",
                "--set", "evaluation.steering.vectors=[{name: left, plus: {distribution: test, where: "
                        + "{agent_x: [0, 0.2]}}, minus: {distribution: test}, coefficients: [1]}]"));
        assertTrue(rows.containsKey("test-steered-left@2/got_cheese"), rows.keySet().toString());
        assertEquals(RECORDED.get("test/got_cheese"), rows.get("test/got_cheese"));
    }

    @Test
    void anUnknownVectorIsRefusedWithTheClosestName() {
        CliRun run = innerlab("inspect", folder.toString(), "--steer", "chese@-1");
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: --steer chese@-1: the scenario has no steering vector 'chese'; did you mean "
                + "'cheese'?", run.err().strip());
    }

    @Test
    void aCoefficientThatIsNotANumberIsRefusedInOneLine() {
        CliRun run = innerlab("inspect", folder.toString(), "--steer", "cheese@x");
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: --steer cheese@x: coefficient 'x' is not a number; write VECTOR@COEFFICIENT "
                + "such as cheese@-1", run.err().strip());
    }

    @Test
    void aZeroCoefficientIsRefusedSinceItIsTheUnsteeredDistribution() {
        CliRun run = innerlab("inspect", folder.toString(), "--steer", "cheese@0");
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: --steer cheese@0: coefficient 0 is the unsteered distribution, which inspect "
                + "prints anyway; give a nonzero coefficient", run.err().strip());
    }

    @Test
    void aSteerWithoutCoefficientIsRefusedShowingTheForm() {
        CliRun run = innerlab("inspect", folder.toString(), "--steer", "cheese");
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: --steer cheese: 'cheese' is not VECTOR@COEFFICIENT; write e.g. cheese@-1, and "
                + "join vectors to compose with +, e.g. cheese@-1+top-right@1", run.err().strip());
    }

    @Test
    void aSetOutsideEvaluationSteeringIsRefusedSinceThePoliciesWereTrainedWithoutIt() {
        CliRun run = innerlab("inspect", folder.toString(), "--steer", "cheese@1", "--set", "training.0.steps=5");
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: --set training.0.steps=5: inspect changes only evaluation.steering, since the "
                + "saved policies were trained under the run's scenario; set a key under evaluation.steering",
                run.err().strip());
    }
}
