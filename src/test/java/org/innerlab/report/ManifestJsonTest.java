package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.core.Version;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJsonTest {
    @Test
    void writesPrettyJsonWithFixedKeyOrderAndSeedsAsStrings() {
        Map<String, Object> assignments = new LinkedHashMap<>();
        assignments.put("environment.train.random_coin_percent", 2.5);
        assignments.put("learner.note", List.of("a\"b", true, 7));
        Manifest m = new Manifest("0.1.0", "0123456789abcdef0123456789abcdef01234567",
                new Manifest.Jdk("17.0.15", "Debian", "OpenJDK 64-Bit Server VM"),
                new Manifest.Os("Linux", "6.1", "amd64"), "coinrun", "scenarios/coinrun.yaml", 20261123L, 2, 4, false,
                List.of("run", "scenarios/coinrun.yaml", "--threads", "4"), Instant.parse("2025-11-23T10:15:30Z"),
                12.5, "lab-node-3", 47.25, List.of(new Manifest.Point(0, assignments,
                        List.of(new Manifest.RunSeed(0, Long.MIN_VALUE), new Manifest.RunSeed(1, 9007199254740993L)))));
        String expected = """
                {
                  "innerlab_version": "0.1.0",
                  "git_commit": "0123456789abcdef0123456789abcdef01234567",
                  "jdk": {
                    "java_version": "17.0.15",
                    "java_vendor": "Debian",
                    "java_vm_name": "OpenJDK 64-Bit Server VM"
                  },
                  "os": {
                    "name": "Linux",
                    "version": "6.1",
                    "arch": "amd64"
                  },
                  "scenario": "coinrun",
                  "scenario_source": "scenarios/coinrun.yaml",
                  "master_seed": "20261123",
                  "seeds_per_point": 2,
                  "threads": 4,
                  "smoke": false,
                  "command_line": [
                    "run",
                    "scenarios/coinrun.yaml",
                    "--threads",
                    "4"
                  ],
                  "started_at": "2025-11-23T10:15:30Z",
                  "wall_time_seconds": 12.5,
                  "host": "lab-node-3",
                  "cpu_time_seconds": 47.25,
                  "points": [
                    {
                      "index": 0,
                      "assignments": {
                        "environment.train.random_coin_percent": 2.5,
                        "learner.note": [
                          "a\\"b",
                          true,
                          7
                        ]
                      },
                      "runs": [
                        {
                          "run": 0,
                          "seed": "-9223372036854775808"
                        },
                        {
                          "run": 1,
                          "seed": "9007199254740993"
                        }
                      ]
                    }
                  ]
                }
                """;
        assertEquals(expected, ManifestJson.write(m));
    }

    @Test
    void captureRecordsThisJvmAndEveryRunSeedInOrder() throws Exception {
        Scenario scenario = new Scenario("demo", "", 42L, 2, null, null, List.of(), null, Map.of(), List.of(), null,
                Path.of("demo.yaml"));
        List<SweepPoint> points = List.of(new SweepPoint(1, Map.of("x", 1), null), new SweepPoint(0, Map.of("x", 0), null));
        List<RunResult> runs = List.of(new RunResult(1, 1, 13L, List.of()), new RunResult(0, 0, 10L, List.of()),
                new RunResult(1, 0, 12L, List.of()), new RunResult(0, 1, 11L, List.of()));
        Manifest m = Manifest.capture(scenario, points, runs, 3, List.of("run", "demo.yaml"),
                Instant.parse("2025-01-01T00:00:00Z"), Double.NaN, true, 3.5);
        assertEquals(Version.current(), m.innerlabVersion());
        assertEquals(System.getProperty("java.version"), m.jdk().version());
        assertEquals("demo.yaml", m.scenarioSource());
        assertEquals(List.of(new Manifest.RunSeed(0, 10), new Manifest.RunSeed(1, 11)), m.points().get(0).runs());
        assertEquals(List.of(new Manifest.RunSeed(0, 12), new Manifest.RunSeed(1, 13)), m.points().get(1).runs());

        JsonNode json = new ObjectMapper().readTree(ManifestJson.write(m));
        assertEquals("42", json.get("master_seed").asText());
        assertEquals("NaN", json.get("wall_time_seconds").asText());
        assertTrue(json.get("smoke").asBoolean(), "a smoke run says so");
        assertEquals(3.5, json.get("cpu_time_seconds").asDouble());
        assertEquals(1, json.get("points").get(1).get("index").asInt());
        assertEquals("13", json.get("points").get(1).get("runs").get(1).get("seed").asText());
    }

    @Test
    void gitCommitIsNullOutsideARepositoryAndTheHashInsideOne(@TempDir Path dir) throws Exception {
        assertNull(Manifest.gitCommit(dir));
        assumeTrue(run(dir, "git", "init", "-q"), "git is not installed");
        assumeTrue(run(dir, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "t"));
        String commit = Manifest.gitCommit(dir);
        assertEquals(40, commit.length(), commit);
        assertNull(Manifest.gitCommit(dir.resolve("missing")));
    }

    private static boolean run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
