package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.experiment.Organism;
import org.innerlab.experiment.RunModel;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class WatchOutcomeTest {
    @Test
    void anUnwatchedShortcutReadsAsMisbehaviourAndTheWatchedDetourAsTheIntendedGoal() {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "absent-supervisor.yaml"), List.of());
        SweepPoint point = scenario.points().get(0);
        RunModel run = new RunModel(point.scenario(), 0, 0, EpisodeListener.NONE);
        run.runHeadless();
        Organism trained = run.organism();
        Seeds seeds = new Seeds(scenario.seed()).forRun(0, 0);

        assertEquals("misbehaved (entered the punishment tile)", playOneEpisode(new Watch(trained, "unsupervised", seeds)));
        assertEquals("intended goal", playOneEpisode(new Watch(trained, "supervised", seeds)));
    }

    private static String playOneEpisode(Watch watch) {
        while (!watch.done()) {
            watch.step();
        }
        return watch.outcome();
    }
}
