package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kind of invalid scenario, each with the exact message a researcher would see. */
class ScenarioErrorsTest {

    private static String error(String yaml, String... sets) {
        return assertThrows(ScenarioException.class, () -> TestScenarios.parse(yaml, sets)).getMessage();
    }

    /** MINIMAL with {@code lines} inserted after line {@code after} (1-based). */
    private static String insert(int after, String lines) {
        String[] split = MINIMAL.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < split.length; i++) {
            sb.append(split[i]);
            if (i < split.length - 1) {
                sb.append('\n');
            }
            if (i + 1 == after) {
                sb.append(lines);
            }
        }
        return sb.toString();
    }

    @Test
    void yamlSyntaxErrorNamesTheEnclosingKey() {
        assertEquals("x.yaml:5:8: environment.params: invalid YAML: expected ',' or '}', but got :;"
                        + " while parsing a flow mapping started at line 4, column 11",
                error("name: x\nenvironment:\n  id: test-grid-v1\n  params: { width: 16\nlearner:\n"));
    }

    @Test
    void yamlSyntaxErrorAtTheTopIsInTheDocument() {
        assertEquals("x.yaml:2:3: (document): invalid YAML: mapping values are not allowed here",
                error("name: x\n b: 2\n"));
    }

    @Test
    void exceptionExposesItsParts() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> TestScenarios.parse(insert(3, "  params: {widht: 20}\n")));
        assertEquals("x.yaml", e.file());
        assertEquals(4, e.line());
        assertEquals(12, e.column());
        assertEquals("environment.params.widht", e.field());
        assertEquals("unknown key 'widht'", e.problem());
        assertEquals(Optional.of("did you mean 'width'?"), e.hint());
        assertEquals("x.yaml:4:12: environment.params.widht: unknown key 'widht'; did you mean 'width'?", e.getMessage());
    }

    @Test
    void unknownKeysAreRejectedAtEveryLevel() {
        assertEquals("x.yaml:9:1: seeed: unknown key 'seeed'; did you mean 'seed'?", error(MINIMAL + "seeed: 3\n"));
        assertEquals("x.yaml:9:5: training.0.ratr: unknown key 'ratr'; did you mean 'rater'?",
                error(insert(8, "    ratr: environment\n")));
        assertEquals("x.yaml:9:14: training.0.params.learning_rat: unknown key 'learning_rat'; did you mean"
                + " 'learning_rate'?", error(insert(8, "    params: {learning_rat: 1}\n")));
        assertEquals("x.yaml:6:17: learner.observation.radius: unknown key 'radius'; known keys: view_radius,"
                + " global_features, control_tags, full_board", error(insert(5, "  observation: {radius: 1}\n")));
        assertEquals("x.yaml:9:5: training.0.zzzzzzzz: unknown key 'zzzzzzzz'; known keys: regime, steps, rater, params, data",
                error(insert(8, "    zzzzzzzz: environment\n")));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertEquals("x.yaml:9:1: name: duplicate key 'name'; first given at line 1, column 1",
                error(MINIMAL + "name: other\n"));
        assertEquals("x.yaml:4:22: environment.params.width: duplicate key 'width'; first given at line 4, column 12",
                error(insert(3, "  params: {width: 9, width: 10}\n")));
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertEquals("x.yaml:9:8: seeds: expected an integer in [1, 10000], got \"many\"",
                error(MINIMAL + "seeds: \"many\"\n"));
        assertEquals("x.yaml:8:12: training.0.steps: expected an integer in [1, 10000000000], got 2.5",
                error(MINIMAL.replace("steps: 1000", "steps: 2.5")));
        assertEquals("x.yaml:4:19: environment.params.width: expected an integer in [8, 64], got \"wide\"",
                error(insert(3, "  params: {width: wide}\n")));
        assertEquals("x.yaml:4:19: environment.params.walls: expected true or false, got 1",
                error(insert(3, "  params: {walls: 1}\n")));
        assertEquals("x.yaml:2:14: environment: expected a map, got 5",
                error("name: x\nenvironment: 5\n"));
        assertEquals("x.yaml:6:11: training: expected a list, got a map", error(MINIMAL.replace(
                "training:\n  - regime: reinforce\n    steps: 1000\n", "training: {regime: reinforce}\n")));
        assertEquals("x.yaml:1:1: (document): expected a map of scenario keys, got a list", error("- 1\n"));
    }

    @Test
    void aMessageQuotingAMultiLineValueStaysOnOneLine() {
        assertEquals("x.yaml:9:8: seeds: expected an integer in [1, 10000], got \"two\\nlines\\u0007\"",
                error(MINIMAL + "seeds: \"two\\nlines\\a\"\n"));
        assertEquals("--set name.sub=1: name: expected a map or a list to hold 'sub', got \"a\\nb\"",
                error(MINIMAL.replace("name: minimal", "name: \"a\\nb\""), "name.sub=1"));
    }

    @Test
    void outOfRangeValuesSayTheRange() {
        assertEquals("x.yaml:4:19: environment.params.width: must be an integer in [8, 64], got 70",
                error(insert(3, "  params: {width: 70}\n")));
        assertEquals("x.yaml:4:18: environment.params.slip: must be a number in [0.0, 1.0], got 2",
                error(insert(3, "  params: {slip: 2}\n")));
        assertEquals("x.yaml:4:20: environment.params.layout: must be one of corridor, room, got \"maze\"",
                error(insert(3, "  params: {layout: maze}\n")));
        assertEquals("x.yaml:9:8: seeds: must be an integer in [1, 10000], got 0", error(MINIMAL + "seeds: 0\n"));
        assertEquals("x.yaml:9:7: seed: must be a 64-bit integer, got 99999999999999999999",
                error(MINIMAL + "seed: 99999999999999999999\n"));
        assertEquals("x.yaml:6:30: learner.observation.view_radius: must be an integer in [0, 10], got 11",
                error(insert(5, "  observation: {view_radius: 11}\n")));
        assertEquals("x.yaml:1:7: name: must match [a-z0-9-]+, got \"Minimal Run\"",
                error(MINIMAL.replace("name: minimal", "name: Minimal Run")));
    }

    @Test
    void missingRequiredKeysAreLocatedAtTheirMap() {
        assertEquals("x.yaml:3:3: environment.id: required key is missing",
                error("name: x\nenvironment:\n  params: {width: 16}\n"));
        assertEquals("x.yaml:1:1: name: required key is missing", error(MINIMAL.replace("name: minimal\n", "")));
        assertEquals("x.yaml:7:5: training.0.steps: required key is missing",
                error(MINIMAL.replace("    steps: 1000\n", "")));
        assertEquals("x.yaml:1:1: learner: required key has no value",
                error("learner:\n" + MINIMAL.replace("learner:\n  type: linear-softmax\n", "")));
    }

    @Test
    void unknownNamesSuggestTheClosestKnownOne() {
        assertEquals("x.yaml:3:7: environment.id: unknown environment 'test-grid-v2'; did you mean 'test-grid-v1'?",
                error(MINIMAL.replace("test-grid-v1", "test-grid-v2")));
        assertEquals("x.yaml:3:7: environment.id: unknown environment 'coinrun-v1'; known: test-grid-v1",
                error(MINIMAL.replace("test-grid-v1", "coinrun-v1")));
        assertEquals("x.yaml:5:9: learner.type: unknown learner type 'linear-softmx'; did you mean 'linear-softmax'?",
                error(MINIMAL.replace("linear-softmax", "linear-softmx")));
        assertEquals("x.yaml:7:13: training.0.regime: unknown regime 'reinfroce'; did you mean 'reinforce'?",
                error(MINIMAL.replace("reinforce", "reinfroce")));
        assertEquals("x.yaml:9:12: training.0.rater: unknown rater 'enviroment'; did you mean 'environment'?",
                error(insert(8, "    rater: enviroment\n")));
        assertEquals("x.yaml:11:26: evaluation.distributions.1: unknown distribution 'tset'; did you mean 'test'?",
                error(insert(3, "  test: {}\n") + "evaluation:\n  distributions: [train, tset]\n"));
        assertEquals("x.yaml:9:22: evaluation.policy: unknown policy 'greedyy'; did you mean 'greedy'?",
                error(MINIMAL + "evaluation: {policy: greedyy}\n"));
        assertEquals("x.yaml:6:35: learner.observation.global_features.0: unknown feature 'agent_z'; did you mean"
                + " 'agent_x'?", error(insert(5, "  observation: {global_features: [agent_z]}\n")));
    }

    @Test
    void aRegimeMustBeAbleToTrainTheLearner() {
        assertEquals("x.yaml:7:13: training.0.regime: regime 'reinforce' cannot train learner type 'linear-q';"
                + " it trains linear-softmax", error(MINIMAL.replace("linear-softmax", "linear-q")));
    }

    @Test
    void aChartsXMustBeASweepKey() {
        assertEquals("x.yaml:11:8: charts.0.x: 'seed' is not a sweep key; the scenario has no sweep",
                error(MINIMAL + "charts:\n  - name: c\n    x: seed\n    y: [train/got_coin]\n"));
        assertEquals("x.yaml:13:8: charts.0.x: 'training.0.params.learning_rat' is not a sweep key; did you mean"
                + " 'training.0.params.learning_rate'?", error(MINIMAL + "sweep:\n  training.0.params.learning_rate: [0.1]\n"
                + "charts:\n  - name: c\n    x: training.0.params.learning_rat\n    y: [train/got_coin]\n"));
    }

    @Test
    void aScatterChartsXIsAMetricSeriesNotASweepKey() {
        String sweep = "sweep:\n  seed: [1, 2]\ncharts:\n  - kind: scatter\n    name: c\n";
        assertEquals("x.yaml:14:8: charts.0.x: expected distribution/metric, got \"seed\"; e.g. test/got_coin, "
                + "or 1-train/got_coin for one minus the metric",
                error(MINIMAL + sweep + "    x: seed\n    y: [train/got_coin]\n"));
        assertEquals("x.yaml:14:8: charts.0.x: unknown metric 'got_con'; did you mean 'got_coin'?",
                error(MINIMAL + sweep + "    x: train/got_con\n    y: [train/got_coin]\n"));
    }

    @Test
    void chartSeriesMustNameAMetricTheEnvironmentReports() {
        String sweep = "sweep:\n  seed: [1, 2]\ncharts:\n  - name: c\n    x: seed\n";
        assertEquals("x.yaml:14:25: charts.0.y.1: unknown metric 'got_con'; did you mean 'got_coin'?",
                error(MINIMAL + sweep + "    y: [train/got_coin, train/got_con]\n"));
    }

    @Test
    void chartSeriesMustNameAnEvaluatedDistribution() {
        String sweep = "sweep:\n  seed: [1, 2]\ncharts:\n  - name: c\n    x: seed\n";
        assertEquals("x.yaml:14:25: charts.0.y.1: unknown distribution 'tset'; evaluated: train",
                error(MINIMAL + sweep + "    y: [train/got_coin, tset/got_coin]\n"));
        assertEquals("x.yaml:14:25: charts.0.y.1: unknown distribution 'trian'; did you mean 'train'?",
                error(MINIMAL + sweep + "    y: [train/got_coin, trian/got_coin]\n"));
        assertEquals("x.yaml:16:9: charts.0.y.0: distribution 'test' is not evaluated; add it to evaluation.distributions",
                error(insert(3, "  test: {}\n") + "evaluation: {distributions: [train]}\n" + sweep + "    y: [test/x]\n"));
        assertEquals("x.yaml:14:9: charts.0.y.0: expected distribution/metric, got \"got_coin\"; e.g. test/got_coin,"
                + " or 1-train/got_coin for one minus the metric", error(MINIMAL + sweep + "    y: [got_coin]\n"));
        assertEquals("x.yaml:15:13: charts.0.labels: has 1 labels for 2 series; give one label per y series, in order",
                error(MINIMAL + sweep + "    y: [train/got_coin, train/steps]\n    labels: [one]\n"));
    }

    @Test
    void distributionsCannotBeGivenTwiceOrMisnamed() {
        assertEquals("x.yaml:5:19: environment.distributions.train: distribution 'train' is also given as"
                + " environment.train; write it once", error(insert(3, "  train: {}\n  distributions: {train: {}}\n")));
        assertEquals("x.yaml:4:19: environment.distributions.Diag: a distribution name must match [a-z0-9_-]+,"
                + " got \"Diag\"", error(insert(3, "  distributions: {Diag: {}}\n")));
    }

    @Test
    void yamlFeaturesThatWouldChangeMeaningAreRejected() {
        assertEquals("x.yaml:9:7: seed: YAML aliases (*x) are not supported; write the value out",
                error(MINIMAL.replace("steps: 1000", "steps: &x 1000") + "seed: *x\n"));
        assertEquals("x.yaml:10:1: (document): a second YAML document starts here; a scenario file holds exactly one"
                + " document", error(MINIMAL + "---\nname: y\n"));
        assertEquals("x.yaml:1:1: (document): the file is empty; a scenario is a YAML map", error(""));
    }

    @Test
    void badSetsNameTheArgument() {
        assertEquals("--set environment.params.widht=20: unknown key 'widht'; did you mean 'width'?",
                error(MINIMAL, "environment.params.widht=20"));
        assertEquals("--set seeds=0: must be an integer in [1, 10000], got 0", error(MINIMAL, "seeds=0"));
        assertEquals("--set seeds=many: expected an integer in [1, 10000], got \"many\"", error(MINIMAL, "seeds=many"));
        assertEquals("--set learner.observation={view_radius: 20}: learner.observation.view_radius: must be an integer"
                + " in [0, 10], got 20", error(MINIMAL, "learner.observation={view_radius: 20}"));
        assertEquals("--set foo: expected path=value; e.g. environment.params.width=20", error(MINIMAL, "foo"));
        assertEquals("--set a..b=1: 'a..b' is not a dotted path; e.g. training[0].params.learning_rate=0.1",
                error(MINIMAL, "a..b=1"));
        assertEquals("--set environment.params={width: [1,}: environment.params.width: invalid YAML: expected the node"
                + " content, but found '}'; while parsing a flow node", error(MINIMAL, "environment.params={width: [1,}"));
        assertEquals("--set training.2.steps=5: training: has 1 item; there is no item '2'; items are numbered from 0",
                error(MINIMAL, "training.2.steps=5"));
        assertEquals("--set seed.x=5: seed: expected a map or a list to hold 'x', got 0", error(MINIMAL + "seed: 0\n",
                "seed.x=5"));
    }

    @Test
    void aSweptPathCannotAlsoBeSet() {
        assertEquals("--set environment.params.width=9: is swept, so a single value would be overridden at every"
                        + " point; set sweep.environment.params.width=[...] instead",
                error(MINIMAL + "sweep:\n  environment.params.width: [8]\n", "environment.params.width=9"));
    }

    @Test
    void barsOverANonSweptKeyOrWithoutASweepAreRefused() {
        String chart = "charts:\n  - { kind: bars, name: b, x: environment.params.width, y: [test/got_coin] }\n";
        assertEquals("x.yaml:10:31: charts.0.x: a bars chart groups by distribution or by a sweep key, got "
                + "'environment.params.width'; the scenario has no sweep; write x: distribution", error(MINIMAL + chart));
        assertEquals("x.yaml:11:31: charts.0.x: 'environment.params.width' is not a sweep key; sweep keys: "
                        + "environment.params.layout",
                error(MINIMAL + "sweep: { environment.params.layout: [corridor, room] }\n" + chart));
    }

    @Test
    void parametersValidAloneButNotTogetherAreLocatedAtTheKeyTheEnvironmentNames() {
        String coinrun = """
                name: x
                environment:
                  id: coinrun-lite-v1
                  params: { width: 16, time_limit_per_column: 6.25 }
                  test: { time_limit: 100 }
                learner:
                  type: linear-softmax
                training:
                  - regime: reinforce
                    steps: 1000
                """;
        ScenarioException inFile = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(coinrun, "x.yaml", List.of(), EnvSpecLookup.registry()));
        assertEquals("x.yaml:5:23: environment.test.time_limit: coinrun-lite-v1 parameters 'time_limit' and"
                + " 'time_limit_per_column' exclude each other, got 100 and 6.25; set only one of them",
                inFile.getMessage());
        ScenarioException bySet = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(coinrun, "x.yaml",
                List.of("environment.params.time_limit_per_column=1.5"), EnvSpecLookup.registry()));
        assertEquals("--set environment.params.time_limit_per_column=1.5: coinrun-lite-v1 parameter"
                + " 'time_limit_per_column' must be 0 or at least 2 (levels are checked to be solvable within"
                + " 2 x width), got 1.5", bySet.getMessage());
    }
}
