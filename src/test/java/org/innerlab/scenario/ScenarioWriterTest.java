package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.FULL;
import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.innerlab.scenario.TestScenarios.SPECS;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioWriterTest {

    /** Writes, reads back, and checks equality (apart from source) and that writing again is identical. */
    private static void assertRoundTrip(Scenario s) {
        String yaml = ScenarioWriter.toYaml(s);
        Scenario back = ScenarioLoader.parse(yaml, "scenario.yaml", List.of(), SPECS);
        assertEquals(s.withSource(null), back, yaml);
        assertEquals(yaml, ScenarioWriter.toYaml(back));
    }

    private static Scenario withDescription(Scenario s, String description) {
        return new Scenario(s.name(), description, s.seed(), s.seeds(), s.environment(), s.learner(), s.training(),
                s.evaluation(), s.sweep(), s.charts(), s.report(), s.source());
    }

    @Test
    void fullScenarioRoundTrips() {
        assertRoundTrip(parse(FULL));
    }

    @Test
    void aSweepChartsXScaleIsReadWrittenAndRoundTrips() {
        String labelled = "    y_label: fraction of episodes\n";
        Scenario s = parse(FULL.replace(labelled, labelled + "    x_scale: sqrt\n"));
        assertEquals(AxisScale.SQRT, s.charts().get(0).xScale());
        assertRoundTrip(s);
        assertEquals(AxisScale.LINEAR, parse(FULL).charts().get(0).xScale(), "linear unless asked");
        assertFalse(ScenarioWriter.toYaml(parse(FULL)).contains("x_scale"), "the default is not written");
    }

    @Test
    void refusesAnUnknownXScaleAndOneOnBars() {
        String labelled = "    y_label: fraction of episodes\n";
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse(FULL.replace(labelled, labelled + "    x_scale: log\n")));
        assertTrue(e.getMessage().contains("charts.0.x_scale") && e.getMessage().contains("'log'"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> parse(FULL.replace(labelled,
                labelled + "    x_scale: sqrt\n").replace("  - kind: sweep\n", "  - kind: bars\n")));
        assertTrue(e.getMessage().contains("only a sweep chart has a scaled x axis"), e.getMessage());
    }

    @Test
    void minimalScenarioRoundTripsWithEveryDefaultWritten() {
        Scenario s = parse(MINIMAL);
        assertRoundTrip(s);
        assertEquals("""
                # Resolved by innerlab: every default is written out; loading this file reproduces the scenario.
                name: minimal
                description: ""
                seed: 0
                seeds: 1
                environment:
                  id: test-grid-v1
                  params: {}
                  train: {}
                learner:
                  type: linear-softmax
                  observation:
                    view_radius: 2
                    global_features: []
                    control_tags: false
                    full_board: false
                  params:
                    init_std: 0.0
                    tag_head: false
                training:
                  - regime: reinforce
                    steps: 1000
                    rater: environment
                    params:
                      learning_rate: 0.05
                      baseline_learning_rate: 0.05
                      gamma: 0.99
                      entropy_bonus: 0.01
                      batch_episodes: 8
                      kl_penalty: 0.0
                evaluation:
                  episodes: 500
                  distributions: [train]
                  policy: sampled
                sweep: {}
                charts: []
                """, ScenarioWriter.toYaml(s));
    }

    @Test
    void smokeScenarioRoundTripsEvenWithRepeatedSweepValues() {
        String rates = "  training[0].params.learning_rate: [0.05, 1]\n";
        Scenario smoke = parse(FULL.replace(rates, rates + "  training.0.steps: [10000, 20000]\n")).smoke();
        assertEquals(List.of(5000L, 5000L), smoke.sweep().get("training.0.steps"));
        assertRoundTrip(smoke);
    }

    @Test
    void stringsThatLookLikeOtherYamlStayStrings() {
        Scenario s = parse(MINIMAL + """
                sweep:
                  seed: [1, 2]
                charts:
                  - name: c
                    title: "1e-6"
                    x: seed
                    y: [train/got_coin, train/reached_end, train/steps, train/observed_return, train/true_return,
                        train/intended_success, train/competence, train/goal_misgeneralization, train/goodhart_gap,
                        1-train/got_coin, 1-train/reached_end, 1-train/intended_success, 1-train/competence]
                    labels: ["0x1F", "null", "~", "a: b", "x #y", "'q'", "\\"dq\\"", " lead", "trail ", "é ü", "true",
                             "", "[x, y]"]
                    x_label: "line1\\nline2"
                    y_label: "tab\\there \\u2028 \\\\ end"
                """);
        assertEquals("1e-6", s.charts().get(0).title());
        assertEquals("\"dq\"", s.charts().get(0).labels().get(6));
        assertEquals("line1\nline2", s.charts().get(0).xLabel());
        assertRoundTrip(s);
    }

    @Test
    void descriptionsKeepTheirExactLineBreaks() {
        Scenario s = parse(MINIMAL);
        for (String description : List.of("one line", "two\nlines", "ends with a newline\n", "two newlines\n\n",
                "blank\n\nline inside\n", " leading space\nand more", "yes", "colon: inside", "- dash", "# hash",
                "\nstarts with a newline")) {
            assertRoundTrip(withDescription(s, description));
        }
    }

    @Test
    void sourceIsNotWritten() {
        Scenario s = parse(MINIMAL);
        assertEquals(ScenarioWriter.toYaml(s), ScenarioWriter.toYaml(s.withSource(Path.of("elsewhere.yaml"))));
    }

    @Test
    void extremeNumbersRoundTrip() {
        assertRoundTrip(parse(MINIMAL.replace("steps: 1000", "steps: 10000000000\n    params: {learning_rate: 1e-6}")
                + "seed: -9223372036854775808\nseeds: 10000\n"));
        assertRoundTrip(parse(MINIMAL.replace("type: linear-softmax", "type: tabular-q\n  params: {initial_q: -1e6}")
                .replace("regime: reinforce", "regime: q-learning")).withSeed(Long.MAX_VALUE));
    }
}
