package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.experiment.Organism;
import org.innerlab.experiment.RunModel;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.MetricValue;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The GUI only watches: the run it trains measures exactly what the same run measures headless, and
 * after hundreds of watched moves (switching distribution, new levels) the organism still measures the
 * same on the run's own evaluation streams.
 */
class WatchingNeverChangesAResultTest {
    private static SweepPoint point() {
        return ScenarioLoader.load(Path.of("scenarios", "coinrun-goal-misgeneralization.yaml"),
                List.of("training.0.steps=60000", "evaluation.episodes=100")).points().get(1);
    }

    @Test
    void aRunWithTheGuiAttachedMeasuresExactlyWhatItMeasuresHeadless() {
        SweepPoint point = point();
        Scenario scenario = point.scenario();
        RunResult headless = new RunModel(point, 2, EpisodeListener.NONE).runHeadless();

        WatchModel.Trained trained = WatchModel.train(point, 2, null);
        assertEquals(headless, trained.result());

        WatchModel model = new WatchModel(trained, "test");
        model.start();
        for (int i = 0; i < 300; i++) {
            model.schedule.step(model);
            if (i == 100) {
                model.setDistribution(0);
            }
            if (i == 200) {
                model.setNewLevel(true);
            }
        }
        model.finish();
        assertTrue(model.getEpisode() > 3, "watched episodes: " + model.getEpisode());

        List<MetricValue> again = new ArrayList<>();
        Organism o = trained.organism();
        for (String d : scenario.evaluation().distributions()) {
            again.addAll(Evaluator.evaluate(d, Organism.environment(scenario, d), o.encoder(),
                    o.learner().evaluationPolicy(), Evaluator.Mode.SAMPLED, scenario.evaluation().episodes(),
                    trained.seeds().stream("eval/" + d + "/levels"), trained.seeds().stream("eval/" + d + "/actions")));
        }
        assertEquals(headless.metrics().subList(0, again.size()), again);
    }
}
