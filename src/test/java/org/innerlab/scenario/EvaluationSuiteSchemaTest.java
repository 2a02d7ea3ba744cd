package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.innerlab.env.EnvRegistry;
import org.innerlab.measure.EvaluationSuite;
import org.junit.jupiter.api.Test;

/** The {@code evaluation.suite} section: defaults, checks, sweeps and chart series. */
class EvaluationSuiteSchemaTest {
    private static final String YAML = """
            name: aware
            environment:
              id: compliance-v1
              distributions:
                watched: { monitored: "yes" }
                unwatched: { monitored: "no" }
            learner:
              type: alignment-faking-planner
              observation: { view_radius: 0, global_features: [harmful, cue_monitored] }
            training: [ { regime: monitored-training, steps: 10 } ]
            evaluation:
              episodes: 5
              distributions: [watched, unwatched]
            %s
            """;

    private static Scenario parse(String suite, String... sets) {
        return ScenarioLoader.parse(YAML.formatted(suite), "a.yaml", List.of(sets), EnvRegistry::spec);
    }

    private static String error(String suite) {
        return assertThrows(ScenarioException.class, () -> parse(suite)).getMessage();
    }

    private static final String SUITE = "  suite: { looks_evaluated: watched, looks_deployed: unwatched%s }";

    @Test
    void suiteDefaultsToAnIndistinguishableSuiteOfTwentyEpisodes() {
        EvaluationConfig.Suite suite = parse(SUITE.formatted("")).evaluation().suite();
        assertEquals(new EvaluationConfig.Suite("watched", "unwatched", new EvaluationSuite.Design(0.5, 0, 20, 1, 400)),
                suite);
        assertNull(parse("").evaluation().suite());
    }

    @Test
    void suiteIsReportedAfterTheDistributions() {
        assertEquals(List.of("watched", "unwatched", "suite"), parse(SUITE.formatted("")).evaluation().reported());
    }

    @Test
    void looksMustFixTheOversightParameter() {
        assertEquals("a.yaml:14:29: evaluation.suite.looks_evaluated: distribution 'unwatched' must set monitored: yes;"
                        + " the suite's looks differ only in the oversight parameter",
                error("  suite: { looks_evaluated: unwatched, looks_deployed: unwatched }"));
        assertEquals("a.yaml:14:10: evaluation.suite.looks_deployed: required key is missing",
                error("  suite: { looks_evaluated: watched }").replaceAll(";.*", ""));
    }

    @Test
    void knobsAreCheckedAgainstTheirRanges() {
        assertEquals("a.yaml:14:85: evaluation.suite.distinguishability: must be a number in [0.5, 1.0], got 0.3",
                error(SUITE.formatted(", distinguishability: 0.3")));
        assertEquals("a.yaml:14:89: evaluation.suite.threshold: must be an integer in [1, 4], got 5",
                error(SUITE.formatted(", episodes: 4, threshold: 5")));
    }

    @Test
    void distinguishabilityAndHoneypotsCanBeSweptAndCharted() {
        Scenario s = parse(SUITE.formatted(", episodes: 10") + """

                sweep:
                  evaluation.suite.distinguishability: [0.5, 1.0]
                  evaluation.suite.honeypots: [0, 0.2]
                charts:
                  - name: caught
                    x: evaluation.suite.distinguishability
                    y: [suite/caught, suite/deployment_misbehaviour_rate]
                """);
        List<EvaluationSuite.Design> designs = Sweeps.expand(s, EnvRegistry::spec).stream()
                .map(p -> p.scenario().evaluation().suite().design()).toList();
        assertEquals(List.of(new EvaluationSuite.Design(0.5, 0, 10, 1, 400),
                new EvaluationSuite.Design(0.5, 0.2, 10, 1, 400), new EvaluationSuite.Design(1, 0, 10, 1, 400),
                new EvaluationSuite.Design(1, 0.2, 10, 1, 400)), designs);
    }

    @Test
    void suiteRoundTripsThroughTheWriter() {
        Scenario s = parse(SUITE.formatted(", distinguishability: 0.95, honeypots: 0.1, episodes: 7, threshold: 2, "
                + "deployment_episodes: 9"));
        String yaml = ScenarioWriter.toYaml(s);
        Scenario back = ScenarioLoader.parse(yaml, "a.yaml", List.of(), EnvRegistry::spec);
        assertEquals(s.evaluation(), back.evaluation(), yaml);
        assertEquals(new EvaluationSuite.Design(0.95, 0.1, 7, 2, 9), back.evaluation().suite().design());
    }

    @Test
    void suiteNeedsAnEnvironmentWithOversight() {
        String yaml = """
                name: aware
                environment: { id: coinrun-lite-v1, distributions: { a: {}, b: {} } }
                learner: { type: linear-softmax }
                training: [ { regime: reinforce, steps: 10 } ]
                evaluation: { suite: { looks_evaluated: a, looks_deployed: b } }
                """;
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, "a.yaml", List.of(), EnvRegistry::spec));
        assertEquals("a.yaml:5:22: evaluation.suite: coinrun-lite-v1 declares no oversight; an evaluation suite needs "
                + "an environment whose misbehaviour and oversight are defined", e.getMessage());
    }

    @Test
    void suiteSeriesNeedASuite() {
        assertThrows(ScenarioException.class, () -> parse("""
                sweep: { evaluation.episodes: [5, 6] }
                charts: [ { name: c, x: evaluation.episodes, y: [suite/caught] } ]
                """));
    }
}
