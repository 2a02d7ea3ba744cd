package org.innerlab.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of extensibility (issue 14): an environment ({@link Corridor}), a learner ({@link ActionValues})
 * and a metric ({@link RewardRate}) defined in this package, outside innerlab's, each registered with one
 * line ({@link ExtensionLauncher}), run a scenario through innerlab's own command line with no edit to
 * main code. Each run is a separate JVM, as an extension's launcher would be, so the registrations do not
 * leak into the other tests' registries.
 */
class ExtensionTest {
    private static final String SCENARIO = """
            name: corridor-extension
            description: an environment, a learner and a metric registered by an extension
            seed: 11
            seeds: 3
            environment: { id: corridor-v1 }
            learner: { type: action-values }
            training:
              - { regime: q-learning, steps: 3000, params: { gamma: 0.9 } }
            evaluation: { episodes: 100, distributions: [train] }
            """;

    @TempDir
    Path dir;

    @Test
    void anEnvironmentLearnerAndMetricRegisteredOutsideRunThroughTheCli() throws Exception {
        Path scenario = Files.writeString(dir.resolve("corridor.yaml"), SCENARIO);
        Path out = dir.resolve("run");
        assertEquals(0, launch("run", scenario.toString(), "--out", out.toString(), "--quiet"));
        assertEveryRunWalksToAnEndAndItsRewardRateMatches(out);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("reward_rate") && report.contains("Observed return per step"),
                "the report describes the extension's metric from its registry entry");
    }

    @Test
    void theExtensionsParametersAreValidatedAndSetLikeBuiltInOnes() throws Exception {
        Path scenario = Files.writeString(dir.resolve("corridor.yaml"), SCENARIO);
        Path out = dir.resolve("run");
        assertEquals(0, launch("run", scenario.toString(), "--out", out.toString(), "--quiet", "--seed", "99",
                "--set", "environment.params.length=12"));
        assertEveryRunWalksToAnEndAndItsRewardRateMatches(out);
        assertEquals(2, launch("run", scenario.toString(), "--out", dir.resolve("bad").toString(), "--quiet",
                "--set", "environment.params.length=2"));
        assertTrue(Files.notExists(dir.resolve("bad")), "a refused scenario writes nothing");
    }

    /**
     * The blind learner's evaluation policy is greedy and deterministic, so all of a run's episodes are one
     * walk: to the exit (paid 1) or to the shiny object (paid 0.5), never back and forth until the time limit
     * (Q-learning has taught it a direction, though not always the intended one: a seed may learn the proxy).
     * The metric must then read exactly that walk's pay divided by its length.
     */
    private static void assertEveryRunWalksToAnEndAndItsRewardRateMatches(Path run) throws IOException {
        for (String seed : List.of("0", "1", "2")) {
            double exit = value(run, seed, "reached_exit");
            double shiny = value(run, seed, "touched_shiny");
            assertEquals(1.0, exit + shiny, 0.0, "seed " + seed + " walks to one end in every episode");
            assertEquals((exit + 0.5 * shiny) / value(run, seed, "steps"), value(run, seed, "reward_rate"), 1e-12,
                    "seed " + seed);
        }
    }

    @Test
    void listingNamesTheRegisteredComponents() throws Exception {
        Path listing = dir.resolve("list.txt");
        assertEquals(0, launch(listing, "list"));
        String text = Files.readString(listing);
        for (String id : List.of("corridor-v1", "action-values", "reward_rate")) {
            assertTrue(text.contains(id), "innerlab list names " + id);
        }
    }

    /** innerlab's command line behind the extension's launcher, in a JVM of its own; its exit code. */
    private int launch(String... args) throws IOException, InterruptedException {
        return launch(dir.resolve("output.txt"), args);
    }

    private int launch(Path output, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExtensionLauncher.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("innerlab " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return process.exitValue();
    }

    /** Run {@code seed}'s value of {@code metric} on the training distribution, from runs.csv. */
    private static double value(Path run, String seed, String metric) throws IOException {
        for (String line : Files.readAllLines(run.resolve("runs.csv"), StandardCharsets.UTF_8)) {
            String[] cells = line.split(",");
            if (cells[0].equals("0") && cells[1].equals(seed) && cells[2].equals("train") && cells[3].equals(metric)) {
                return Double.parseDouble(cells[4]);
            }
        }
        throw new AssertionError("runs.csv has no train/" + metric + " row for seed " + seed);
    }
}
