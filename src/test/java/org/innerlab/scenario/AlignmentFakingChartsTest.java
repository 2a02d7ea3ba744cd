package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.innerlab.env.EnvRegistry;
import org.junit.jupiter.api.Test;

class AlignmentFakingChartsTest {
    private static final String YAML = """
            name: faking
            environment:
              id: %s
              distributions:
                watched: { %s }
                unwatched: { %s }
            learner:
              type: %s
              observation: { view_radius: 0, global_features: [%s] }
            training: [ { regime: %s, steps: 10 } ]
            evaluation: { episodes: 5, distributions: [watched, unwatched] }
            sweep: { learner.observation.view_radius: [0, 1] }
            charts:
              - name: c
                x: learner.observation.view_radius
                y: [%s]
            """;

    private static Scenario planner(String series) {
        return ScenarioLoader.parse(YAML.formatted("compliance-v1", "monitored: \"yes\"", "monitored: \"no\"",
                "alignment-faking-planner", "harmful, cue_monitored", "monitored-training", series), "f.yaml",
                List.of(), EnvRegistry::spec);
    }

    @Test
    void plannerChartsMayPlotTheComplianceGapFakingRateAndGoalDrift() {
        Scenario s = planner("watched-vs-unwatched/compliance_gap, watched/faking_rate, learner/goal_drift");
        assertEquals(List.of("watched-vs-unwatched/compliance_gap", "watched/faking_rate", "learner/goal_drift"),
                s.charts().get(0).y());
    }

    @Test
    void complianceGapIsRejectedWhereTheObservedRewardDiffersBetweenConditions() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                YAML.formatted("asg-absent-supervisor-v1", "supervisor: present", "supervisor: absent",
                        "linear-softmax", "supervisor_present", "reinforce", "unwatched-vs-watched/compliance_gap"),
                "f.yaml", List.of(), EnvRegistry::spec));
        assertTrue(e.getMessage().contains("compliance_gap"), e.getMessage());
    }

    @Test
    void learnerSeriesBelongToThePlannerOnly() {
        assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                YAML.formatted("asg-absent-supervisor-v1", "supervisor: present", "supervisor: absent",
                        "linear-softmax", "supervisor_present", "reinforce", "learner/goal_drift"),
                "f.yaml", List.of(), EnvRegistry::spec));
    }
}
