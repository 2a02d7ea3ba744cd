package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.FULL;
import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @Test
    void fullFileResolvesEveryKey() {
        Scenario s = parse(FULL);
        assertEquals("coin-goal-misgeneralization", s.name());
        assertEquals("Does the agent learn to go right instead of to the coin?\n", s.description());
        assertEquals(20261123L, s.seed());
        assertEquals(20, s.seeds());
        assertEquals("test-grid-v1", s.environment().id());
        assertEquals(Map.of("width", 16), s.environment().params());
        assertEquals(List.of("train", "test", "diag"), List.copyOf(s.environment().distributions().keySet()));
        assertEquals(new ObservationConfig(3, List.of("agent_x")), s.learner().observation());
        assertEquals(Map.of("init_std", 0.0, "tag_head", false), s.learner().params());
        assertEquals(new StageConfig("reinforce", 200_000, "environment", Map.of("learning_rate", 0.05,
                "baseline_learning_rate", 0.05, "gamma", 0.99, "entropy_bonus", 0.01, "batch_episodes", 8)),
                s.training().get(0));
        assertEquals(new EvaluationConfig(500, List.of("train", "test", "diag"), "greedy"), s.evaluation());
        assertEquals(List.of("environment.train.random_coin_percent", "training.0.params.learning_rate"),
                List.copyOf(s.sweep().keySet()));
        assertEquals(List.of(0, 1, 2, 5, 10, 25), s.sweep().get("environment.train.random_coin_percent"));
        assertEquals(List.of(0.05, 1.0), s.sweep().get("training.0.params.learning_rate"));
        assertEquals(new ChartConfig("sweep", "goal-misgeneralization", "Goal misgeneralization: coin vs. end",
                "environment.train.random_coin_percent", List.of("test/reached_end", "test/got_coin", "1-train/got_coin"),
                List.of("reached end (test)", "got coin (test)", "missed coin (train)"),
                "% of training levels with a random coin", "fraction of episodes"), s.charts().get(0));
        assertNull(s.source());
    }

    @Test
    void minimalFileFillsEveryDefault() {
        Scenario s = parse(MINIMAL);
        assertEquals("", s.description());
        assertEquals(0L, s.seed());
        assertEquals(1, s.seeds());
        assertEquals(Map.of(), s.environment().params());
        assertEquals(Map.of("train", Map.of()), s.environment().distributions());
        assertEquals(new ObservationConfig(2, List.of()), s.learner().observation());
        assertEquals(Map.of("init_std", 0.0, "tag_head", false), s.learner().params());
        assertEquals("environment", s.training().get(0).rater());
        assertEquals(0.05, s.training().get(0).params().get("learning_rate"));
        assertEquals(new EvaluationConfig(500, List.of("train"), "sampled"), s.evaluation());
        assertEquals(Map.of(), s.sweep());
        assertEquals(List.of(), s.charts());
    }

    @Test
    void distributionsAreSharedParamsWithTheirOwnKeysOnTop() {
        Scenario s = parse(FULL);
        assertEquals(Map.of("width", 16, "random_coin_percent", 0), s.environment().distributions().get("train"));
        assertEquals(Map.of("width", 16, "random_coin_percent", 100), s.environment().distributions().get("test"));
        assertEquals(Map.of("width", 8, "random_coin_percent", 100, "walls", false),
                s.environment().distributions().get("diag"));
        assertEquals(Map.of("random_coin_percent", 100, "width", 8, "walls", false),
                s.environment().overrides().get("diag"));
    }

    @Test
    void trainAndTestMayBeWrittenUnderDistributions() {
        Scenario shorthand = parse(MINIMAL.replace("  id: test-grid-v1\n",
                "  id: test-grid-v1\n  train: {width: 9}\n  test: {width: 10}\n"));
        Scenario longhand = parse(MINIMAL.replace("  id: test-grid-v1\n",
                "  id: test-grid-v1\n  distributions: {test: {width: 10}, train: {width: 9}}\n"));
        assertEquals(shorthand, longhand);
    }

    @Test
    void paramValuesAreCanonicalTypes() {
        Scenario s = parse(MINIMAL.replace("  id: test-grid-v1\n",
                "  id: test-grid-v1\n  params: {width: 2e1, slip: 0, walls: false, layout: room}\n"));
        assertEquals(Map.of("width", 20, "slip", 0.0, "walls", false, "layout", "room"), s.environment().params());
        assertEquals(20_000L, parse(MINIMAL.replace("steps: 1000", "steps: 2e4")).training().get(0).steps());
    }

    @Test
    void setOverridesScalarsListsAndMaps() {
        Scenario s = parse(FULL, "seeds=3", "evaluation.distributions=[test, train]", "training[0].params.gamma=0.9",
                "environment.test.width=20", "learner.observation={view_radius: 0}", "description=short");
        assertEquals(3, s.seeds());
        assertEquals(List.of("test", "train"), s.evaluation().distributions());
        assertEquals(0.9, s.training().get(0).params().get("gamma"));
        assertEquals(Map.of("width", 20, "random_coin_percent", 100), s.environment().distributions().get("test"));
        assertEquals(new ObservationConfig(0, List.of()), s.learner().observation());
        assertEquals("short", s.description());
    }

    @Test
    void setCanAddAStageAndASweep() {
        Scenario s = parse(MINIMAL, "training.1={regime: reinforce, steps: 50}",
                "sweep.environment.params.width=[8, 32]");
        assertEquals(2, s.training().size());
        assertEquals(50L, s.training().get(1).steps());
        assertEquals(Map.of("environment.params.width", List.of(8, 32)), s.sweep());
    }

    @Test
    void setReplacesASweepWrittenAnotherWay() {
        Scenario s = parse(FULL, "sweep.training.0.params.learning_rate=[0.5]");
        assertEquals(List.of(0.5), s.sweep().get("training.0.params.learning_rate"));
        assertEquals(2, s.sweep().size());
    }

    @Test
    void setOfTheTrainShorthandReachesTrainWrittenUnderDistributions() {
        Scenario s = parse(MINIMAL.replace("  id: test-grid-v1\n",
                "  id: test-grid-v1\n  distributions: {train: {width: 9}}\n"), "environment.train.slip=0.5");
        assertEquals(Map.of("width", 9, "slip", 0.5), s.environment().distributions().get("train"));
    }

    @Test
    void setsApplyInOrder() {
        assertEquals(7, parse(MINIMAL, "seeds=5", "seeds=7").seeds());
    }

    @Test
    void loadReadsTheFileWritesNothingAndNamesTheFileInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, MINIMAL.replace("steps: 1000", "steps: -1"));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(file, List.of(), TestScenarios.SPECS));
        assertEquals(file + ":8:12: training.0.steps: must be an integer in [1, 10000000000], got -1", e.getMessage());
        assertEquals(8, e.line());
        assertEquals(12, e.column());
        assertEquals("training.0.steps", e.field());

        Files.writeString(file, MINIMAL);
        Scenario s = ScenarioLoader.load(file, List.of("seeds=4"), TestScenarios.SPECS);
        assertEquals(4, s.seeds());
        assertEquals(file, s.source());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void unreadableFileIsAScenarioError(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(missing, List.of(), TestScenarios.SPECS));
        assertEquals(missing + ": (document): cannot read the file (NoSuchFileException: " + missing + ")",
                e.getMessage());
    }

    @Test
    void withSeedAndWithSeedsReplaceOnlyThoseFields() {
        Scenario s = parse(FULL);
        assertEquals(7L, s.withSeed(7).seed());
        assertEquals(s, s.withSeed(7).withSeed(s.seed()));
        assertEquals(3, s.withSeeds(3).seeds());
        assertEquals(10_000, s.withSeeds(10_000).seeds());
        ScenarioException e = assertThrows(ScenarioException.class, () -> s.withSeeds(10_001));
        assertEquals("--seeds 10001: must be an integer in [1, 10000], got 10001", e.getMessage());
    }

    @Test
    void chartsMayNameADeclaredProxysMetrics() {
        String yaml = """
                name: proxies
                environment: { id: cheese-maze-v1, train: { cheese_region: 1 }, test: { cheese_region: 0 } }
                learner: { type: tabular-q }
                training: [ { regime: q-learning, steps: 10 } ]
                sweep: { environment.train.cheese_region: [1, 3] }
                charts:
                  - name: corner
                    x: environment.train.cheese_region
                    y: [test/proxy_pursuit/top_right_corner, test/proxy_margin_low/top_right_corner]
                """;
        Scenario s = ScenarioLoader.parse(yaml, "x.yaml", List.of(), org.innerlab.env.EnvRegistry::spec);
        assertEquals(List.of("test/proxy_pursuit/top_right_corner", "test/proxy_margin_low/top_right_corner"),
                s.charts().get(0).y());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                yaml.replace("proxy_pursuit/top_right_corner", "proxy_pursuit/end_of_level"), "x.yaml", List.of(),
                org.innerlab.env.EnvRegistry::spec));
        assertTrue(e.getMessage().contains("proxy_pursuit/end_of_level"), e.getMessage());
    }

    @Test
    void barsMayGroupByASweptKeyWithSeriesAsY() {
        Scenario s = parse(MINIMAL + """
                sweep:
                  environment.params.layout: [corridor, room]
                charts:
                  - kind: bars
                    name: by-layout
                    x: environment.params.layout
                    y: [train/got_coin, 1-train/got_coin]
                """);
        ChartConfig chart = s.charts().get(0);
        assertEquals("environment.params.layout", chart.x());
        assertEquals(List.of("train/got_coin", "1-train/got_coin"), chart.y());
        assertEquals(List.of(), chart.categories());
    }
}
