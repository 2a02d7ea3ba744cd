package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.junit.jupiter.api.Test;

/**
 * Charts are checked at load time against {@link Evaluator#metricNames}; this keeps that list equal,
 * in order, to what {@link Evaluator#evaluate} reports, for every registered environment.
 */
class EvaluatorMetricNamesTest {
    @Test
    void everyRegisteredEnvironmentReportsExactlyTheMetricsItsNameListDeclares() {
        Seeds seeds = new Seeds(5);
        for (String id : EnvRegistry.entries().keySet()) {
            Environment env = EnvRegistry.create(id, Map.of());
            EgocentricEncoder encoder = new EgocentricEncoder(env.spec(), env.view(), 1, List.of());
            LinearSoftmaxPolicy uniform = new LinearSoftmaxPolicy(encoder.dimension(), env.actionCount(), 0,
                    seeds.stream("init"));
            List<String> reported = Evaluator.evaluate("train", env, encoder, uniform, Evaluator.Mode.SAMPLED, 2,
                    seeds.stream(id + "/levels"), seeds.stream(id + "/actions")).stream()
                    .map(MetricValue::metric).toList();
            assertEquals(Evaluator.metricNames(env.spec()), reported, id);
        }
    }
}
