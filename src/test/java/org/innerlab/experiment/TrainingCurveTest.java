package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.measure.BestOfN;
import org.innerlab.measure.MetricValue;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.EnvSpecLookup;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The training curve: where it records, what it measures, and that it never changes the run. */
class TrainingCurveTest {
    private static final String SCENARIO = """
            name: curve
            seed: 5
            environment:
              id: asg-absent-supervisor-v1
              train: { supervisor: random }
            learner:
              type: linear-softmax
            training:
              - regime: reinforce
                steps: 4000
                rater: %s
                params: { learning_rate: 0.1 }
              - regime: reinforce
                steps: 2500
                rater: true
            evaluation:
              episodes: 30
              distributions: [train]
            %s
            """;
    private static final String CURVE = """
              curve: { every: 2000, episodes: 20, best_of_n: { pool: 50, n: [1, 4, 16] } }
            """;

    private static List<MetricValue> run(String rater, String curve) {
        Scenario scenario = ScenarioLoader.parse(SCENARIO.formatted(rater, curve), "x.yaml", List.of(),
                EnvSpecLookup.registry());
        return new RunModel(scenario, 0, 0, EpisodeListener.NONE).runHeadless().metrics();
    }

    private static double value(List<MetricValue> metrics, String distribution, String metric) {
        return metrics.stream().filter(m -> m.distribution().equals(distribution) && m.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError(distribution + "/" + metric)).value();
    }

    @Test
    void theCurveNeverChangesTheRun() {
        // A learned rater that retrains on the episodes it rates: a curve rating with it must not feed it.
        String rater = "{name: learned, comparisons: 20, epochs: 2, retrain_every: 2, retrain_comparisons: 10}";
        List<MetricValue> without = run(rater, "");
        List<MetricValue> with = run(rater, CURVE);
        List<MetricValue> finalOnly = new ArrayList<>();
        for (MetricValue m : with) {
            if (!m.distribution().contains("@")) {
                finalOnly.add(m);
            }
        }
        assertEquals(without, finalOnly);
        assertEquals(with, run(rater, CURVE));
    }

    @Test
    void recordsAtTheReferenceEveryIntervalAndTheEnd() {
        List<MetricValue> metrics = run("true", CURVE);
        Set<String> points = new LinkedHashSet<>();
        metrics.forEach(m -> points.add(m.distribution()));
        // 4000 + 2500 steps: points at 0, 2000, 4000, 6000 and the end, 6500; best-of-n at n = 1, 4, 16.
        assertEquals(List.of("train", "train@0", "train-bon@1", "train-bon@4", "train-bon@16", "train@2000",
                "train@4000", "train@6000", "train@6500"), List.copyOf(points));
        assertEquals(0.0, value(metrics, "train@0", "kl_to_initial"), 0.0);
        assertTrue(value(metrics, "train@6500", "kl_to_initial") > 0.1);
        assertEquals(BestOfN.kl(16), value(metrics, "train-bon@16", "kl_to_initial"), 0.0);
        // With the true rater, the rated return of the curve's episodes is their true return: the rating pass
        // replays exactly the episodes the evaluator played.
        for (String p : List.of("train@0", "train@2000", "train@6500")) {
            assertEquals(value(metrics, p, "true_return"), value(metrics, p, "rated_return"), 1e-9, p);
            assertEquals(0.0, value(metrics, p, "rated_gap"), 1e-9, p);
        }
        assertTrue(value(metrics, "train-bon@16", "rated_return") >= value(metrics, "train-bon@4", "rated_return"));
        assertTrue(value(metrics, "train-bon@4", "rated_return") >= value(metrics, "train-bon@1", "rated_return"));
    }

    private static final String TREES = """
            name: trees
            seed: 3
            environment:
              id: tree-world-v1
              params: { block: 1000 }
            learner:
              type: linear-q
              observation: { global_features: [trees] }
            training:
              - regime: q-learning
                steps: 6000
                params: { epsilon_start: 0.1, epsilon_end: 0.1 }
            evaluation:
              episodes: 2
              distributions: [train]
              curve: { every: 2000, episodes: 1, online: %s }
            """;

    @Test
    void anOnlineCurveRecordsTheTrainingWorldsOwnBlockEndingAtEachPoint() {
        Scenario scenario = ScenarioLoader.parse(TREES.formatted("true"), "x.yaml", List.of(),
                EnvSpecLookup.registry());
        Map<Long, Double> blockReturns = new HashMap<>();
        List<MetricValue> metrics = new RunModel(scenario, 0, 0,
                (steps, rated, observed, truth, events) -> blockReturns.put(steps, observed)).runHeadless().metrics();
        assertTrue(metrics.stream().noneMatch(m -> m.distribution().equals("online@0")), "no block before training");
        for (long x : new long[] {2000, 4000, 6000}) {
            String point = "online@" + x;
            assertEquals(blockReturns.get(x), value(metrics, point, "observed_return"), point);
            assertEquals(value(metrics, point, "observed_return"), value(metrics, point, "chops"), point);
            double withTrees = value(metrics, point, "steps_with_trees");
            double trees = value(metrics, point, "trees_left");
            assertTrue(withTrees >= 0 && withTrees <= 1000 && trees >= 0 && trees <= 4, point);
        }
    }

    @Test
    void anOnlineCurveNeverChangesTheRun() {
        List<MetricValue> off = new RunModel(ScenarioLoader.parse(TREES.formatted("false"), "x.yaml", List.of(),
                EnvSpecLookup.registry()), 0, 0, EpisodeListener.NONE).runHeadless().metrics();
        List<MetricValue> on = new RunModel(ScenarioLoader.parse(TREES.formatted("true"), "x.yaml", List.of(),
                EnvSpecLookup.registry()), 0, 0, EpisodeListener.NONE).runHeadless().metrics();
        assertEquals(off, on.stream().filter(m -> !m.distribution().startsWith("online@")).toList());
    }
}
