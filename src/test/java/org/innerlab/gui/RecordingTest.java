package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.innerlab.core.Seeds;
import org.innerlab.env.GridView;
import org.innerlab.experiment.Organism;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless export: PNG frames and a looping animated GIF, drawn without a display. */
class RecordingTest {
    @TempDir
    Path tmp;

    private static Watch untrainedWatch(String file, String distribution) {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", file), List.of()).points().get(0).scenario();
        Seeds seeds = new Seeds(s.seed()).forRun(0, 0);
        return new Watch(Organism.assemble(s, seeds), distribution, seeds);
    }

    @Test
    void framesAndALoopingGifAreWrittenWithoutADisplay() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "surefire runs with java.awt.headless=true");
        Watch watch = untrainedWatch("coinrun-goal-misgeneralization.yaml", "test");
        Path gif = tmp.resolve("episode.gif");
        List<BufferedImage> frames = Recording.record(watch, 12, gif, tmp.resolve("frames"));
        assertEquals(12, frames.size());
        try (Stream<Path> pngs = Files.list(tmp.resolve("frames"))) {
            assertEquals(12, pngs.count());
        }
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(12, reader.getNumImages(true));
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(0, loop[1] | loop[2], "loop count 0 = forever");
            IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals(Integer.toString(Recording.FRAME_MILLIS / 10), control.getAttribute("delayTime"));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void theFrameShowsTheAgentWhereItStandsAndAnArrowInOpenCells() {
        Watch watch = untrainedWatch("coinrun-goal-misgeneralization.yaml", "train");
        BufferedImage frame = BoardPainter.frame(watch, 32);
        GridView view = watch.environment().view();
        // The board is centred horizontally and starts below the title line (8 + 18 + 4 pixels).
        int left = (frame.getWidth() - view.width() * 32) / 2;
        int top = 30;
        int agent = frame.getRGB(left + view.agentX() * 32 + 16, top + view.agentY() * 32 + 8);
        assertEquals(Palette.AGENT.getRGB(), agent, "agent disc at its cell");
        PolicyMap map = watch.policyMap();
        int arrows = 0;
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                int centre = frame.getRGB(left + x * 32 + 16, top + y * 32 + 16);
                boolean agentCell = x == view.agentX() && y == view.agentY();
                if (map.action(x, y) >= 0 && !agentCell) {
                    arrows++;
                    assertNotEquals(Palette.OPEN.getRGB(), centre, "arrow over open cell " + x + "," + y);
                } else if (map.action(x, y) < 0) {
                    assertEquals(Palette.of(view.cell(x, y), view.cellTypeName(view.cell(x, y))).getRGB(), centre,
                            "no arrow on cell " + x + "," + y);
                }
            }
        }
        assertTrue(arrows > 20, "arrows drawn: " + arrows);
    }
}
