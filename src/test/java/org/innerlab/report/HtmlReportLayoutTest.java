package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.lab.Experiment;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html of a tiny run on hand-drawn levels: each layout in play by name, drawn in a monospace block. */
class HtmlReportLayoutTest {
    private static final String SCENARIO = """
            name: drawn-levels
            seed: 3
            seeds: 1
            environment:
              id: coinrun-lite-v1
              layouts:
                end: |
                  ........
                  A......$
                  ########
                unused: |
                  ........
                  A$......
                  ########
              train: { layout: end }
              test:
                layout: |
                  ........
                  A..$....
                  ########
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 500 } ]
            evaluation: { episodes: 5 }
            """;

    @TempDir
    Path tmp;

    @Test
    void everyLayoutInPlayIsNamedInItsDistributionAndDrawnInAMonospaceBlock() throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), SCENARIO);
        Scenario scenario = ScenarioLoader.load(file, List.of());
        Path folder = Experiment.run(scenario, new Experiment.Options(1, tmp, tmp.resolve("out"),
                List.of("innerlab", "run", "s.yaml")), (sweep, done) -> (r, f, t) -> { },
                new PrintStream(new ByteArrayOutputStream()));
        String html = Files.readString(folder.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
        assertTrue(html.contains("layout = end (drawn below)"), html);
        assertTrue(html.contains("layout = drawn-1 (drawn below)"), html);
        assertTrue(html.contains("<dt>Layout end</dt><dd><pre class=\"layout\">........\nA......$\n########\n</pre>"), html);
        assertTrue(html.contains("<dt>Layout drawn-1</dt><dd><pre class=\"layout\">........\nA..$....\n########\n</pre>"),
                html);
        assertTrue(!html.contains("Layout unused"), "a named layout no distribution plays is not drawn");
    }
}
