package org.innerlab.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.innerlab.core.BadInputException;
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
    /** Most frames one recording makes: every frame is held in memory until the GIF is written. */
    public static final int MAX_FRAMES = 600;
    private static final Pattern FRAME_FILE = Pattern.compile("frame-\\d{4,}\\.png");

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
     * Refuses, before any work, a recording that would destroy something it did not write or could not
     * be made: {@code frames} outside 1..{@value #MAX_FRAMES}; a {@code gif} path that is a folder or an
     * existing file that is not a GIF (a GIF is replaced: it is what an earlier recording wrote); a
     * {@code pngFolder} that is a file or holds anything but {@code frame-NNNN.png} files.
     *
     * @throws BadInputException one line naming the option, the path and what to do
     */
    public static void checkTargets(Path gif, int frames, Path pngFolder) throws IOException {
        if (frames < 1 || frames > MAX_FRAMES) {
            throw new BadInputException("--frames must be in 1.." + MAX_FRAMES + ", got " + frames);
        }
        if (Files.isDirectory(gif)) {
            throw new BadInputException("--record " + gif + " is a folder; give the GIF file to write, "
                    + "e.g. " + gif.resolve("episode.gif"));
        }
        if (Files.exists(gif, LinkOption.NOFOLLOW_LINKS) && !isGif(gif)) {
            throw new BadInputException("--record " + gif + " exists and is not a GIF; innerlab replaces "
                    + "only a GIF: choose another file name");
        }
        if (pngFolder == null || !Files.exists(pngFolder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(pngFolder)) {
            throw new BadInputException("--png-dir " + pngFolder + " is a file; give a folder for the frames");
        }
        try (Stream<Path> entries = Files.list(pngFolder)) {
            Path foreign = entries.filter(f -> !FRAME_FILE.matcher(f.getFileName().toString()).matches())
                    .findFirst().orElse(null);
            if (foreign != null) {
                throw new BadInputException("--png-dir " + pngFolder + " holds " + foreign.getFileName()
                        + ", which a recording did not write; give an empty or new folder");
            }
        }
    }

    private static boolean isGif(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[6];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            String magic = new String(head, 0, read, StandardCharsets.US_ASCII);
            return magic.equals("GIF87a") || magic.equals("GIF89a");
        }
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
