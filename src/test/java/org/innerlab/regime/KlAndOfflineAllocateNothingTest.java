package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.data.DatasetGenerator;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearQ;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.rater.Rater;
import org.junit.jupiter.api.Test;

/**
 * As {@code TrainingAllocatesNothingTest}, for the KL-penalised REINFORCE and for fitted Q-iteration:
 * measured with the JVM's per-thread allocation counter after a warm-up.
 */
class KlAndOfflineAllocateNothingTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBy(Regime regime, int units) {
        long tid = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        for (int i = 0; i < units; i++) {
            regime.trainUnit();
        }
        return THREADS.getThreadAllocatedBytes(tid) - before;
    }

    @Test
    void reinforceWithAKlPenaltyAllocatesNothingPerUnit() {
        Seeds s = new Seeds(3);
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, List.of());
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(enc.dimension(), env.actionCount(), 0.1, s.stream("init"));
        Regime regime = new Reinforce(env, enc, policy, Rater.named("true"), new Reinforce.Hyper(0.1, 0.1, 0.99, 0, 8),
                Long.MAX_VALUE, s.stream("levels"), s.stream("actions"), EpisodeListener.NONE,
                new KlPenalty(policy.snapshot(), 0.5));
        allocatedBy(regime, 300);
        assertEquals(0, allocatedBy(regime, 100));
    }

    @Test
    void fittedQIterationOnALinearQAllocatesNothingPerIteration() {
        Seeds s = new Seeds(4);
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, List.of("supervisor_present"));
        Dataset data = new DatasetGenerator(env, enc, Personas.forEnvironment(env.spec()),
                List.of(new DatasetGenerator.Share("aligned", 1)), 0.2).generate(100, s);
        RatedTransitions rated = RatedTransitions.rate(data, EnvRegistry.create("asg-absent-supervisor-v1", Map.of()),
                Rater.named("true"));
        LinearQ q = new LinearQ(enc.dimension(), env.actionCount(), 0, 0, s.stream("init"));
        Regime regime = new OfflineQ(data, rated, q, new OfflineQ.Hyper(0.1, 0.95, 2), Long.MAX_VALUE,
                s.stream("fitting"));
        allocatedBy(regime, 60);
        assertEquals(0, allocatedBy(regime, 40));
    }
}
