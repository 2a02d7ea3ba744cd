package org.innerlab.bench;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.rater.BradleyTerry;
import org.innerlab.rater.ComparisonSet;
import org.innerlab.rater.RewardModel;
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
 * The learned rater's costs, one core, on 256 comparisons of uniformly random episodes of
 * asg-absent-supervisor-v1 seen through the 5×5 egocentric window (the {@code learned} rater's
 * defaults): Bradley–Terry training throughput (read the {@code comparisons} counter: comparisons
 * per second, one epoch of minibatch 32 per call) and scoring throughput (the {@code steps} counter:
 * r_ψ(s, a) evaluations per second), for the linear model and the MLP with 32 hidden units.
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar RewardModelBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RewardModelBenchmark {
    /** Work done, reported by JMH as throughputs. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Work {
        public long comparisons;
        public long steps;
    }

    @Param({"linear", "mlp"})
    public String model;

    private RewardModel rewardModel;
    private ComparisonSet set;
    private MersenneTwisterFast rng;
    private final BradleyTerry.Hyper oneEpoch = new BradleyTerry.Hyper(1, 32, 0.01);

    @Setup(Level.Trial)
    public void setUp() {
        Seeds seeds = new Seeds(20261123L);
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Encoder encoder = new EgocentricEncoder(env.spec(), env.view(), 2, env.spec().features());
        rng = seeds.stream("rater");
        rewardModel = new RewardModel(encoder.dimension(), encoder.maxActive(), env.actionCount(),
                model.equals("mlp") ? 32 : 0, rng);
        set = ComparisonSet.collect(env, encoder, null, 256, rng);
    }

    @Benchmark
    public double trainEpoch(Work work) {
        work.comparisons += set.size();
        return BradleyTerry.train(rewardModel, set, oneEpoch, rng);
    }

    @Benchmark
    public double scoreTrajectories(Work work) {
        double sum = 0;
        for (int t = 0; t < set.trajectories().size(); t++) {
            sum += rewardModel.score(set.trajectories(), t);
        }
        work.steps += set.trajectories().totalSteps();
        return sum;
    }
}
