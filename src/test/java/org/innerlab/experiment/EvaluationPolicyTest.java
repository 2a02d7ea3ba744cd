package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.innerlab.env.EnvRegistry;
import org.innerlab.measure.MetricValue;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class EvaluationPolicyTest {
    private static Scenario scenario(String policy) {
        String yaml = """
                name: policies
                seed: 11
                environment:
                  id: asg-absent-supervisor-v1
                  train: { supervisor: random }
                  distributions:
                    supervised:   { supervisor: present }
                    unsupervised: { supervisor: absent }
                learner:
                  type: linear-softmax
                training:
                  - regime: reinforce
                    steps: 3000
                evaluation:
                  episodes: 30
                  distributions: [supervised, unsupervised]
                  policy: %s
                """.formatted(policy);
        return ScenarioLoader.parse(yaml, "policies.yaml", List.of(), EnvRegistry::spec);
    }

    private static List<MetricValue> run(String policy) {
        return new RunModel(scenario(policy), 0, 0, EpisodeListener.NONE).runHeadless().metrics();
    }

    @Test
    void bothReportsTheSampledResultsUnchangedAndTheGreedyOnesBesideThem() {
        List<MetricValue> both = run("both");
        List<MetricValue> sampled = run("sampled");
        List<MetricValue> greedy = run("greedy");
        List<String> distributions = both.stream().map(MetricValue::distribution).distinct().toList();
        assertEquals(List.of("supervised", "supervised-greedy", "unsupervised", "unsupervised-greedy",
                "unsupervised-vs-supervised", "unsupervised-greedy-vs-supervised-greedy"), distributions);
        assertEquals(sampled, both.stream().filter(m -> !m.distribution().contains("greedy")).toList());
        // The greedy twin is the greedy-only evaluation, renamed: same levels, same tie-breaking stream.
        assertEquals(greedy.stream().filter(m -> !m.distribution().contains("-vs-")).map(m -> new MetricValue(m.distribution().replace("supervised", "supervised-greedy"),
                        m.metric(), m.value(), m.ciLow(), m.ciHigh())).toList(),
                both.stream().filter(m -> m.distribution().contains("greedy") && !m.distribution().contains("-vs-")).toList());
    }
}
