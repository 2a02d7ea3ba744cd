package org.innerlab.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearQ;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.rater.Rater;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.regime.QLearning;
import org.innerlab.regime.Regime;
import org.innerlab.regime.Reinforce;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Training throughput on coinrun-lite-v1 (fresh levels, the shipped scenarios' settings), one core:
 * environment steps per second of the whole training loop — encode the 5×5 view, act, step, score,
 * and the learner's update. Read the {@code steps} counter (training steps/s), not the call rate.
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar LearnerBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LearnerBenchmark {
    /** Environment steps consumed, reported by JMH as a throughput. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Steps {
        public long steps;
    }

    @Param({"reinforce-linear-softmax", "q-lambda-linear-q"})
    public String learner;

    private Regime regime;

    @Setup(Level.Trial)
    public void setUp() {
        Seeds seeds = new Seeds(20261123L);
        Environment env = EnvRegistry.create("coinrun-lite-v1", Map.of("time_limit", 100));
        Encoder encoder = new EgocentricEncoder(env.spec(), env.view(), 2, List.of());
        if (learner.equals("reinforce-linear-softmax")) {
            LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(encoder.dimension(), env.actionCount(), 0,
                    seeds.stream("init"));
            regime = new Reinforce(env, encoder, policy, Rater.named("environment"),
                    new Reinforce.Hyper(0.3, 0.3, 0.99, 0.001, 8), Long.MAX_VALUE, seeds.stream("levels"),
                    seeds.stream("actions"), EpisodeListener.NONE);
        } else {
            LinearQ q = new LinearQ(encoder.dimension(), env.actionCount(), 0, 0, seeds.stream("init"));
            regime = new QLearning(env, encoder, q, Rater.named("environment"),
                    new QLearning.Hyper(0.02, 0.99, 0.2, 0.2, 0.5, 0.8, 64), Long.MAX_VALUE,
                    seeds.stream("levels"), seeds.stream("actions"), EpisodeListener.NONE);
        }
    }

    @Benchmark
    public void trainUnit(Steps counter) {
        counter.steps += regime.trainUnit();
    }
}
