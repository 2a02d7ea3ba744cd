package org.innerlab.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptedSweepTest {
    private static final String SCENARIO = """
            name: resume-check
            seed: 11
            seeds: 4
            environment:
              id: coinrun-lite-v1
              params: { width: 8 }
              test: { random_coin_percent: 100 }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 1000 } ]
            evaluation: { episodes: 10 }
            sweep: { environment.train.random_coin_percent: [0, 100] }
            """;

    @Test
    void aResumedSweepLosesNoRunDuplicatesNoneAndMatchesAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), SCENARIO);
        Scenario scenario = ScenarioLoader.load(file, List.of());
        PrintStream log = new PrintStream(new ByteArrayOutputStream());

        Path reference = Experiment.run(scenario, new Experiment.Options(2, tmp, tmp.resolve("reference"), List.of("test")),
                (sweep, done) -> (r, f, t) -> { }, log);

        AtomicInteger reported = new AtomicInteger();
        Experiment.Options options = new Experiment.Options(2, tmp, tmp.resolve("resumed"), List.of("test"));
        assertThrows(IllegalStateException.class, () -> Experiment.run(scenario, options,
                (sweep, done) -> (r, f, t) -> {
                    if (reported.incrementAndGet() == 3) {
                        throw new IllegalStateException("simulated crash after the third run");
                    }
                }, log));
        assertTrue(Files.notExists(tmp.resolve("resumed")), "an interrupted sweep leaves no run folder");

        AtomicInteger rerun = new AtomicInteger();
        int[] alreadyDone = new int[1];
        Path resumed = Experiment.run(scenario, options, (sweep, done) -> {
            done.forEach(k -> alreadyDone[0]++);
            return (r, f, t) -> rerun.incrementAndGet();
        }, log);
        assertTrue(alreadyDone[0] >= 3, "the runs saved before the crash are kept");
        assertEquals(8, alreadyDone[0] + rerun.get(), "every run done exactly once across the two attempts");
        assertArrayEquals(Files.readAllBytes(reference.resolve("runs.csv")), Files.readAllBytes(resumed.resolve("runs.csv")));
        assertArrayEquals(Files.readAllBytes(reference.resolve("summary.csv")),
                Files.readAllBytes(resumed.resolve("summary.csv")));
    }
}
