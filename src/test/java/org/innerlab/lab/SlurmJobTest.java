package org.innerlab.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts {@code innerlab slurm} writes, run by {@code sh} as Slurm would run them (one process per
 * array task, with {@code $SLURM_ARRAY_TASK_ID} set, in the job folder); {@code .ci/slurm} runs them under
 * a real Slurm.
 */
class SlurmJobTest {
    private static final String SCENARIO = """
            name: slurm-check
            seed: 3
            seeds: 2
            environment: { id: coinrun-lite-v1, params: { width: 8 }, test: { random_coin_percent: 100 } }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 300 } ]
            evaluation: { episodes: 5 }
            sweep: { environment.train.random_coin_percent: [0, 100] }
            """;

    /** This JVM with innerlab's classes (the test class path), as the scripts' java command. */
    private static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.innerlab.cli.Main");
    }

    private static String sh(Path folder, String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", script).directory(folder.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), script + " " + env + ":\n" + out);
        return out;
    }

    @Test
    void tasksThenMergeMakeTheUnshardedRunsAndARerunDoesOnlyTheMissingShard(@TempDir Path tmp) throws Exception {
        Path scenario = Files.writeString(tmp.resolve("s.yaml"), SCENARIO);
        SlurmJob job = new SlurmJob(tmp.resolve("job"), scenario, List.of(), 2, Map.of(), 1, java());
        job.write();
        Path folder = tmp.resolve("job");
        for (int k = 0; k < 2; k++) {
            sh(folder, "array.sbatch", Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(k)));
        }
        sh(folder, "merge.sbatch", Map.of());
        Experiment.run(ScenarioLoader.load(scenario, List.of()),
                new Experiment.Options(1, tmp, tmp.resolve("whole"), List.of("test")), (s, d) -> (r, f, t) -> { },
                System.err);
        assertSameResults(tmp.resolve("whole"), folder.resolve(SlurmJob.RESULT));

        // A lost shard: the resubmitted array skips the finished ones and the merge runs again.
        deleteTree(folder.resolve("shards/shard-1"));
        deleteTree(folder.resolve(SlurmJob.RESULT));
        assertTrue(sh(folder, "array.sbatch", Map.of("SLURM_ARRAY_TASK_ID", "0")).contains("shard 0/2 is done already"));
        assertEquals("shards/shard-1", sh(folder, "array.sbatch", Map.of("SLURM_ARRAY_TASK_ID", "1")).strip(),
                "the lost shard runs again into its folder");
        sh(folder, "merge.sbatch", Map.of());
        assertSameResults(tmp.resolve("whole"), folder.resolve(SlurmJob.RESULT));
    }

    private static void assertSameResults(Path expected, Path actual) throws IOException {
        for (String f : List.of("runs.csv", "summary.csv", "labels.csv", "scenario.yaml")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
