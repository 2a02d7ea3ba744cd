package org.innerlab.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.rater.Rater;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.regime.KlPenalty;
import org.innerlab.regime.Ppo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PPO training end to end on cheese maze, as {@code scenarios/cheese-maze.yaml} trains it (7×7 view plus
 * four position features, one hidden layer of 32 ReLU units, rollouts of 1024 steps, 2 epochs of
 * minibatches of 128, Adam): collecting the rollout (encode, forward pass, sample, step) and the update,
 * in training steps per second on one core. One op is one environment step; an invocation is one
 * rollout and its update.
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar PpoBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PpoBenchmark {
    private static final int ROLLOUT = 1024;

    private Ppo ppo;

    @Setup(Level.Trial)
    public void setUp() {
        Seeds seeds = new Seeds(1);
        Environment env = EnvRegistry.create("cheese-maze-v1", Map.of("min_size", 5, "max_size", 7, "cheese_region", 1));
        Encoder encoder = new EgocentricEncoder(env.spec(), env.view(), 3,
                List.of("agent_x", "agent_y", "cheese_x", "cheese_y"));
        MlpPolicy net = new MlpPolicy(encoder.dimension(), encoder.maxActive(), env.actionCount(), new int[] {32},
                MlpPolicy.Activation.RELU, seeds.stream("init"));
        ppo = new Ppo(env, encoder, net, Rater.named("environment"),
                new Ppo.Hyper(0.003, 0.95, 0.9, 0.2, 0.5, 0.01, ROLLOUT, 2, 128, 0.5), Long.MAX_VALUE,
                seeds.stream("levels"), seeds.stream("actions"), EpisodeListener.NONE, KlPenalty.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(ROLLOUT)
    public long trainingSteps() {
        return ppo.trainUnit();
    }
}
