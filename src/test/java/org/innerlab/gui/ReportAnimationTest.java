package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.innerlab.lab.Experiment;
import org.innerlab.report.HtmlReport;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's {@code report.animations}: {@code innerlab run} records each asked-for distribution with
 * the GUI's recorder and report.html embeds the GIFs as data URIs; recording changes no number.
 */
class ReportAnimationTest {
    private static final String SCENARIO = """
            name: animated
            seed: 5
            seeds: 2
            environment:
              id: coinrun-lite-v1
              params: { width: 8 }
              test: { random_coin_percent: 100 }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 1000 } ]
            evaluation: { episodes: 10 }
            """;

    @TempDir
    Path tmp;

    private Path run(String yaml, String name) throws Exception {
        Path file = Files.writeString(tmp.resolve(name + ".yaml"), yaml);
        return Experiment.run(ScenarioLoader.load(file, List.of()), new Experiment.Options(2, tmp, tmp.resolve(name),
                List.of("test"), false, Recording.animator()), (sweep, done) -> (r, f, t) -> { },
                new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void theReportEmbedsOneGifPerAskedDistributionAndTheNumbersStayTheSame() throws Exception {
        Path plain = run(SCENARIO, "plain");
        Path animated = run(SCENARIO + "report: { animations: [test, train], frames: 5 }\n", "animated");

        for (String d : List.of("test", "train")) {
            Path gif = Experiment.animation(animated, d);
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
                reader.setInput(in);
                assertEquals(5, reader.getNumImages(true), d);
            } finally {
                reader.dispose();
            }
            String html = Files.readString(animated.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
            String uri = "data:image/gif;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(gif));
            assertTrue(html.contains("<img src=\"" + uri + "\""), "embedded " + d);
            assertTrue(html.contains("<section id=\"animations\">"));
        }
        assertFalse(Files.exists(plain.resolve("animations")));
        assertFalse(Files.readString(plain.resolve(HtmlReport.FILE)).contains("data:image/gif"));
        assertEquals(Files.readString(plain.resolve("runs.csv")), Files.readString(animated.resolve("runs.csv")),
                "recording an animation changes no measured number");
    }
}
