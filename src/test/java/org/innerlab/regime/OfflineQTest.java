package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.data.DatasetGenerator;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.TabularQ;
import org.innerlab.observe.FullBoardEncoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;
import org.junit.jupiter.api.Test;

/** Offline RL: rating a dataset by replay, and fitted Q-iteration on it. */
class OfflineQTest {
    private static Environment env(String supervisor) {
        return EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", supervisor));
    }

    private static Dataset data(Environment env, double noise, int episodes, long seed) {
        Personas personas = Personas.forEnvironment(env.spec());
        return new DatasetGenerator(env, new FullBoardEncoder(env), personas,
                List.of(new DatasetGenerator.Share("aligned", 1)), noise).generate(episodes, new Seeds(seed));
    }

    @Test
    void replayRatesTheRecordedStepsAndMarksTerminations() {
        Dataset data = data(env("random"), 0.2, 30, 1);
        RatedTransitions rated = RatedTransitions.rate(data, env("random"), Rater.named("true"));
        int terminal = 0;
        for (int t = 0; t < data.size(); t++) {
            assertEquals(data.trueReward(t), rated.rated()[t], 0.0);
            if (rated.terminal()[t]) {
                terminal++;
                assertTrue(!RatedTransitions.hasSuccessor(data, t), "row " + t + " terminates but has a successor");
            }
        }
        // The aligned teacher reaches the goal in every episode (noise 0.2 delays it, within 100 steps).
        assertEquals(data.episodes(), terminal);
    }

    @Test
    void replayingInAnEnvironmentThatPaysDifferentlyIsAnError() {
        // Unsupervised data in which random actions cross the punishment tile; replayed supervised, the tile
        // costs observed reward, so the recorded rewards cannot be reproduced.
        Dataset data = data(env("absent"), 0.6, 300, 2);
        boolean crossed = false;
        long punished = env("absent").spec().eventBit("entered_punishment_tile");
        for (int t = 0; t < data.size(); t++) {
            crossed |= (data.events(t) & punished) != 0;
        }
        assertTrue(crossed, "the test needs data that crosses the tile");
        assertThrows(IllegalStateException.class, () -> RatedTransitions.rate(data, env("present"), Rater.named("true")));
    }

    /**
     * Noise-free aligned demonstrations show one path; fitted Q-iteration with the true rater values its
     * first step at the path's discounted true return, γ = 0.9, after 60 iterations (exact to 1e−6:
     * the error shrinks by γ per iteration once the fitting has converged).
     */
    @Test
    void fittedQIterationValuesTheDemonstratedPathAtItsDiscountedReturn() {
        Environment env = env("present");
        Dataset data = data(env, 0.0, 5, 3);
        RatedTransitions rated = RatedTransitions.rate(data, env, Rater.named("true"));
        TabularQ q = new TabularQ(env.actionCount(), 0.0, 0.0);
        OfflineQ regime = new OfflineQ(data, rated, q, new OfflineQ.Hyper(1.0, 0.9, 1), 60L * data.size(),
                new Seeds(4).stream("fitting"));
        while (!regime.finished()) {
            regime.trainUnit();
        }
        assertEquals(60, regime.iterations());
        double expected = 0;
        for (int t = data.episodeEnd(0) - 1; t >= data.episodeStart(0); t--) {
            expected = data.trueReward(t) + 0.9 * expected;
        }
        SparseVector obs = new SparseVector(data.dimension(), data.maxActive());
        data.observation(0, obs);
        double[] values = new double[env.actionCount()];
        q.qValues(obs, values);
        assertEquals(expected, values[data.action(0)], 1e-6);
        assertTrue(expected > 10, "the long way's discounted return at gamma 0.9: " + expected);
    }
}
