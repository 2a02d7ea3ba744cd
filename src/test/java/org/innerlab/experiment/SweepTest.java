package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    private static final String SCENARIO = """
            name: sweep-check
            seed: 3
            environment: { id: coinrun-lite-v1, params: { width: 8 } }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 200 } ]
            evaluation: { episodes: 2 }
            sweep: { environment.train.random_coin_percent: [0, 100] }
            """;

    private static List<SweepPoint> points(Path tmp) throws Exception {
        return ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of()).points();
    }

    @Test
    void tasksAreMadeAsWorkersFreeUpSoAHugeSweepStartsAtOnce(@TempDir Path tmp) throws Exception {
        // A billion runs: made up front, their tasks alone would not fit in memory.
        Sweep sweep = new Sweep(points(tmp), 500_000_000);
        AtomicInteger finished = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> assertThrows(IllegalStateException.class,
                () -> sweep.execute(2, Map.of(), (r, f, t) -> {
                    finished.incrementAndGet();
                    throw new IllegalStateException("enough");
                })));
        assertTrue(finished.get() <= 4, "at most two tasks per worker are ever in flight, got " + finished.get());
    }

    @Test
    void resultsAreInPointAndRunOrderWhateverTheThreadCount(@TempDir Path tmp) throws Exception {
        List<SweepPoint> points = points(tmp);
        List<RunResult> one = new Sweep(points, 3).execute(1);
        List<RunResult> three = new Sweep(points, 3).execute(3);
        assertEquals(one, three);
        for (int i = 0; i < one.size(); i++) {
            assertEquals(i / 3, one.get(i).point());
            assertEquals(i % 3, one.get(i).run());
        }
    }

    @Test
    void aResultDrawsOnlyTheSeedOfItsOwnRun(@TempDir Path tmp) throws Exception {
        Sweep sweep = new Sweep(points(tmp), 2);
        List<RunResult> runs = sweep.execute(2);
        for (RunResult r : runs) {
            assertTrue(sweep.draws(r), r.toString());
            assertFalse(sweep.draws(new RunResult(r.point(), r.run(), r.seed() + 1, r.metrics())));
        }
        assertFalse(sweep.draws(new RunResult(0, 2, runs.get(0).seed(), List.of())), "run 2 of a 2-seed sweep");
        assertFalse(sweep.draws(new RunResult(7, 0, runs.get(0).seed(), List.of())), "no point 7");
    }
}
