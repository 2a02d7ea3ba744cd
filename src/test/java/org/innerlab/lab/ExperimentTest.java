package org.innerlab.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.SavedPolicy;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {
    /** Two points × two seeds of a few hundred steps: seconds, and enough runs to interrupt. */
    private static final String SCENARIO = """
            name: folder-check
            seed: 5
            seeds: 2
            environment:
              id: coinrun-lite-v1
              params: { width: 8 }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 300 } ]
            evaluation: { episodes: 4 }
            sweep: { environment.train.random_coin_percent: [0, 100] }
            """;

    private static Scenario scenario(Path tmp) throws Exception {
        return ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of());
    }

    private static Experiment.Options options(Path tmp, Path out, boolean savePolicies) {
        return new Experiment.Options(2, tmp, out, List.of("test"), savePolicies, null);
    }

    /** Runs until {@code runs} runs are finished, then dies as a killed process would (its lock let go). */
    private static void interruptAfter(int runs, Scenario scenario, Experiment.Options options) {
        AtomicInteger finished = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> Experiment.run(scenario, options,
                (sweep, done) -> (r, f, t) -> {
                    if (finished.incrementAndGet() == runs) {
                        throw new IllegalStateException("simulated crash");
                    }
                }, quiet()));
    }

    /** Runs to the end, telling nobody of progress. */
    private static Path run(Scenario scenario, Experiment.Options options, PrintStream log) throws Exception {
        return Experiment.run(scenario, options, (sweep, done) -> (r, f, t) -> { }, log);
    }

    /** The partial folder of an interrupted run into {@code --out out}. */
    private static Path partialOf(Path out) throws Exception {
        try (var siblings = Files.list(out.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".partial-"))
                    .findFirst().orElseThrow();
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Test
    void aSecondRunIntoTheSameOutWhileTheFirstWritesIsRefusedAndTheFirstFinishes(@TempDir Path tmp) throws Exception {
        Scenario scenario = scenario(tmp);
        Path out = tmp.resolve("x");
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        CountDownLatch secondWasRefused = new CountDownLatch(1);
        CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> {
            try {
                return Experiment.run(scenario, options(tmp, out, false), (sweep, done) -> (r, f, t) -> {
                    firstIsWriting.countDown();
                    try {
                        secondWasRefused.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, quiet());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(firstIsWriting.await(2, TimeUnit.MINUTES), "the first run finishes a run");
        AtomicInteger secondRuns = new AtomicInteger();
        BadInputException refused = assertThrows(BadInputException.class, () -> Experiment.run(scenario,
                options(tmp, out, false), (sweep, done) -> (r, f, t) -> secondRuns.incrementAndGet(), quiet()));
        secondWasRefused.countDown();
        assertTrue(refused.getMessage().startsWith("--out " + out + " is being written by another run (pid "
                + ProcessHandle.current().pid()), refused.getMessage());
        assertEquals(0, secondRuns.get(), "the second run trains nothing");
        assertEquals(out, first.get(2, TimeUnit.MINUTES));
        assertTrue(Files.isRegularFile(out.resolve("runs.csv")));
        assertFalse(Files.exists(out.resolve(RunLock.FILE)));
    }

    @Test
    void aSmokeRunIsMarkedInItsFolderNameAndManifest(@TempDir Path tmp) throws Exception {
        Path folder = run(scenario(tmp).smoke(), new Experiment.Options(2, tmp, null, List.of("test"),
                false, null, true, null), quiet());
        assertTrue(folder.getFileName().toString().matches("\\d{8}-\\d{6}-smoke"), folder.toString());
        assertEquals(tmp.resolve("folder-check"), folder.getParent());
        assertTrue(new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).get("smoke").asBoolean());
    }

    @Test
    void aResumeThatAddsSavePoliciesRunsAgainEveryRunWithoutItsPolicy(@TempDir Path tmp) throws Exception {
        Scenario scenario = scenario(tmp);
        Path reference = run(scenario, options(tmp, tmp.resolve("reference"), true), quiet());
        Path out = tmp.resolve("resumed");
        interruptAfter(3, scenario, options(tmp, out, false));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path resumed = run(scenario, options(tmp, out, true), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(" have no saved policy (the interrupted run had no "
                + "--save-policies); running them again"), err.toString(StandardCharsets.UTF_8));
        for (int point = 0; point < 2; point++) {
            for (int run = 0; run < 2; run++) {
                String name = SavedPolicy.fileName(point, run);
                assertArrayEquals(Files.readAllBytes(reference.resolve("policies").resolve(name)),
                        Files.readAllBytes(resumed.resolve("policies").resolve(name)), name);
            }
        }
        assertArrayEquals(Files.readAllBytes(reference.resolve("runs.csv")), Files.readAllBytes(resumed.resolve("runs.csv")));
    }

    @Test
    void aResumeThatDropsSavePoliciesIsRefusedSayingHow(@TempDir Path tmp) throws Exception {
        Scenario scenario = scenario(tmp);
        Path out = tmp.resolve("resumed");
        interruptAfter(2, scenario, options(tmp, out, true));
        BadInputException e = assertThrows(BadInputException.class, () -> run(scenario,
                options(tmp, out, false), quiet()));
        Path partial = partialOf(out);
        assertEquals(partial + " holds policies saved by an interrupted run with --save-policies; resume with "
                + "--save-policies, or delete " + partial + " to start afresh", e.getMessage());
        assertTrue(Files.notExists(out));
        Path resumed = run(scenario, options(tmp, out, true), quiet());
        try (var policies = Files.list(resumed.resolve("policies"))) {
            assertEquals(4, policies.count());
        }
    }

    @Test
    void aTamperedRunFileIsRunAgainAndTheResultIsUnchanged(@TempDir Path tmp) throws Exception {
        Scenario scenario = scenario(tmp);
        Path reference = run(scenario, options(tmp, tmp.resolve("reference"), false), quiet());
        Path out = tmp.resolve("resumed");
        interruptAfter(3, scenario, options(tmp, out, false));
        Path partial = partialOf(out);
        Path runFile;
        try (var runs = Files.list(partial.resolve("runs"))) {
            runFile = runs.filter(p -> p.toString().endsWith(".run")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(runFile, "garbage\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path resumed = run(scenario, options(tmp, out, false), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("innerlab: " + runFile + " is not a finished run of "
                + "this sweep"), err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(reference.resolve("runs.csv")), Files.readAllBytes(resumed.resolve("runs.csv")));
        assertArrayEquals(Files.readAllBytes(reference.resolve("summary.csv")),
                Files.readAllBytes(resumed.resolve("summary.csv")));
    }
}
