package org.innerlab.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.innerlab.lab.Experiment;

/**
 * Headless export of a watched organism: {@code frames} moves rendered by {@link BoardPainter} to
 * numbered PNGs and one looping animated GIF. Frame 0 is the first level before any move; an episode's
 * last frame is followed by the next level's first. Needs no display ({@code java.awt.headless=true}).
 */
public final class Recording {
    /** Milliseconds each frame is shown in the GIF: slow enough to follow one move at a time. */
    public static final int FRAME_MILLIS = 250;
    /** Cell side in pixels. */
    public static final int CELL_PIXELS = 32;

    private Recording() {
    }

    /**
     * The recorder {@code innerlab run} uses for a scenario's {@code report.animations}: {@code frames}
     * frames of the organism playing the distribution, drawn from its {@code gui/...} streams only.
     */
    public static Experiment.Animator animator() {
        return (organism, distribution, frames, gif) ->
                record(new Watch(organism, distribution, organism.seeds()), frames, gif, null);
    }

    /**
     * Plays {@code frames - 1} moves of {@code watch} and writes {@code gif} plus, when
     * {@code pngFolder} is not null, {@code frame-0000.png}, {@code frame-0001.png}, ... into it.
     *
     * @return the frames, in order
     */
    public static List<BufferedImage> record(Watch watch, int frames, Path gif, Path pngFolder) throws IOException {
        if (frames < 1) {
            throw new IllegalArgumentException("--frames must be at least 1, got " + frames);
        }
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            if (i > 0) {
                watch.step();
            }
            images.add(BoardPainter.frame(watch, CELL_PIXELS));
        }
        if (pngFolder != null) {
            Files.createDirectories(pngFolder);
            for (int i = 0; i < images.size(); i++) {
                ImageIO.write(images.get(i), "png", pngFolder.resolve(String.format("frame-%04d.png", i)).toFile());
            }
        }
        Path parent = gif.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AnimatedGif.write(images, FRAME_MILLIS, gif);
        return images;
    }
}
