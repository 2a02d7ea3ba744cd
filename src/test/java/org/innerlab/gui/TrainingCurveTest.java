package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.experiment.RunModel;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The live training curve: fed by the training the watch does, smoothed, painted by a plain Swing panel. */
class TrainingCurveTest {
    @Test
    void theMovingAverageIsOverTheLastWindowEpisodes() {
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5, 4.5},
                TrainingCurve.smoothed(new double[] {1, 2, 3, 4, 5}, 2), 1e-12);
        assertArrayEquals(new double[] {3, 2, 3}, TrainingCurve.smoothed(new double[] {3, 1, 5}, 5), 1e-12);
    }

    @Test
    void theCurveReceivesEveryTrainingEpisodeAndChangesNothing() {
        SweepPoint point = ScenarioLoader.load(Path.of("scenarios", "coinrun-goal-misgeneralization.yaml"),
                List.of("training.0.steps=60000", "evaluation.episodes=20")).points().get(0);
        Scenario s = point.scenario();
        long[] counted = new long[1];
        RunResult plain = new RunModel(s, 0, 0, (steps, rated, observed, tru, events) -> counted[0]++).runHeadless();
        TrainingCurve curve = new TrainingCurve();
        WatchModel.Trained trained = WatchModel.train(point, 0, null, curve);
        assertEquals(plain, trained.result(), "a listening curve changes no metric");
        assertEquals(counted[0], curve.episodes(), "one point per training episode");
        assertTrue(curve.episodes() > 100, "episodes: " + curve.episodes());
        // Seed fixed (scenario seed, point 0, run 0), so this is a fixed fact of the run, not a statistic:
        // the smoothed true return ends above where it started (the linear policy learns to reach the coin).
        double[] tru = TrainingCurve.smoothed(curve.snapshot().trueReturn(), TrainingCurvePanel.window(curve.episodes()));
        assertTrue(tru[tru.length - 1] > tru[TrainingCurvePanel.window(curve.episodes()) - 1],
                "smoothed true return, first window " + tru[0] + " vs last " + tru[tru.length - 1]);
    }

    private static long pixels(BufferedImage image, Color color) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += image.getRGB(x, y) == color.getRGB() ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void thePanelPaintsBothLinesAndNoLineBeforeTraining() {
        TrainingCurve curve = new TrainingCurve();
        TrainingCurvePanel panel = new TrainingCurvePanel(curve);
        panel.setSize(460, 260);
        BufferedImage empty = new BufferedImage(460, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = empty.createGraphics();
        panel.paint(g);
        g.dispose();
        // Only the legend's two short strokes (20 × 3 pixels each) carry the line colours.
        assertTrue(pixels(empty, TrainingCurvePanel.OBSERVED) <= 80);
        for (int i = 0; i < 400; i++) {
            curve.episodeEnded(i, 0, i % 2 == 0 ? 1 : 0, i / 400.0, 0);
        }
        BufferedImage drawn = new BufferedImage(460, 260, BufferedImage.TYPE_INT_RGB);
        g = drawn.createGraphics();
        panel.paint(g);
        g.dispose();
        assertTrue(pixels(drawn, TrainingCurvePanel.OBSERVED) > 300, "observed line");
        assertTrue(pixels(drawn, TrainingCurvePanel.TRUE) > 300, "true line");
    }
}
