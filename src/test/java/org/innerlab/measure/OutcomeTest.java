package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.innerlab.scenario.EvaluationConfig;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    @Test
    void greedyPlayOfTheTrainingDistributionIsNotAShift() {
        assertEquals(Outcome.GREEDY_SUFFIX, EvaluationConfig.GREEDY_SUFFIX, "measure spells the scenario's suffix");
        // Mastered training; its greedy twin alone would have read as a "shift" where the goal failed.
        List<MetricValue> onlyTraining = List.of(new MetricValue("train", "intended_success", 0.95),
                new MetricValue("train-greedy", "intended_success", 0.0),
                new MetricValue("train-greedy", "competence", 1.0),
                new MetricValue("train-greedy", "goal_misgeneralization", 1.0));
        assertEquals(List.of("unclassified"), Outcome.labels(onlyTraining));
    }

    @Test
    void aShiftedDistributionsGreedyTwinIsStillAShift() {
        List<MetricValue> metrics = List.of(new MetricValue("train", "intended_success", 0.95),
                new MetricValue("test", "intended_success", 0.9), new MetricValue("test", "competence", 1.0),
                new MetricValue("test", "goal_misgeneralization", 0.1),
                new MetricValue("test-greedy", "intended_success", 0.0),
                new MetricValue("test-greedy", "competence", 1.0),
                new MetricValue("test-greedy", "goal_misgeneralization", 1.0));
        assertEquals(List.of("goal-misgeneralized"), Outcome.labels(metrics));
    }
}
