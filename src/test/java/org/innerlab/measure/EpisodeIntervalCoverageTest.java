package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.junit.jupiter.api.Test;

/**
 * The per-run intervals over episodes are 95% intervals in fact, not only in name: a uniformly random
 * policy in absent supervisor is evaluated 400 times on 40 episodes each; the share of intervals that
 * contain the value measured on 20,000 episodes must lie in [0.90, 0.99] (at a true coverage of 0.95 the
 * share's standard deviation over 400 repetitions is 0.011, so the band is about ±4 sd; the reference
 * value's own error, ±0.007 for a fraction, is small beside the 40-episode interval's ±0.15).
 */
class EpisodeIntervalCoverageTest {
    private static final List<String> CHECKED = List.of("reached_goal", "steps", "true_return");

    @Test
    void intervalsCoverTheLongRunValueAboutNinetyFivePercentOfTheTime() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", "present"));
        EgocentricEncoder encoder = new EgocentricEncoder(env.spec(), env.view(), 1, List.of());
        Seeds seeds = new Seeds(20261123);
        LinearSoftmaxPolicy uniform = new LinearSoftmaxPolicy(encoder.dimension(), env.actionCount(), 0,
                seeds.stream("init"));
        List<MetricValue> reference = Evaluator.evaluate("train", env, encoder, uniform, Evaluator.Mode.SAMPLED,
                20_000, seeds.stream("reference/levels"), seeds.stream("reference/actions"));
        int repetitions = 400;
        for (String metric : CHECKED) {
            double truth = find(reference, metric).value();
            int covered = 0;
            for (int r = 0; r < repetitions; r++) {
                MetricValue v = find(Evaluator.evaluate("train", env, encoder, uniform, Evaluator.Mode.SAMPLED, 40,
                        seeds.stream(r + "/levels"), seeds.stream(r + "/actions")), metric);
                covered += v.ciLow() <= truth && truth <= v.ciHigh() ? 1 : 0;
            }
            double coverage = (double) covered / repetitions;
            assertTrue(coverage >= 0.90 && coverage <= 0.99, metric + ": coverage " + coverage + " around " + truth);
        }
    }

    private static MetricValue find(List<MetricValue> metrics, String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst().orElseThrow();
    }
}
