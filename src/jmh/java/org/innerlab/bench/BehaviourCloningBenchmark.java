package org.innerlab.bench;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.Learner;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.observe.ControlTagEncoder;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.regime.BehaviourCloning;
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
 * Behaviour-cloning throughput, one core: samples per second of minibatch training (64 rows per
 * Adam step) on 20,000 steps of random-action episodes in asg-absent-supervisor-v1 seen through the
 * 5×5 egocentric window (the dataset a safety-pretraining scenario trains on), for the linear learner
 * and a 64-unit tanh MLP, without control tags and with tag inputs plus the auxiliary tag head
 * (weight 0.5; a third of the rows tagged good, a third bad). Read the {@code samples} counter.
 *
 * <pre>mvn -q -o -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar BehaviourCloning -f 1 -wi 2 -i 3 -r 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BehaviourCloningBenchmark {
    private static final int ROWS = 20_000;

    /** Samples trained on, reported by JMH as a throughput. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Samples {
        public long samples;
    }

    @Param({"linear-softmax", "mlp"})
    public String learner;

    @Param({"plain", "tags+head"})
    public String tagging;

    private BehaviourCloning regime;

    @Setup(Level.Trial)
    public void setUp() {
        Seeds seeds = new Seeds(20261123L);
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        EgocentricEncoder encoder = new EgocentricEncoder(env.spec(), env.view(), 2, List.of());
        Dataset data = randomWalks(env, encoder, seeds.stream("data"));
        boolean tagged = tagging.equals("tags+head");
        ControlTagEncoder tags = tagged ? new ControlTagEncoder(encoder) : null;
        int inputs = tagged ? tags.dimension() : encoder.dimension();
        int active = tagged ? tags.maxActive() : encoder.maxActive();
        Learner model = learner.equals("mlp")
                ? new MlpPolicy(inputs, active, env.actionCount(), new int[] {64}, MlpPolicy.Activation.TANH, tagged,
                        seeds.stream("init"))
                : new LinearSoftmaxPolicy(inputs, env.actionCount(), 0, seeds.stream("init"), tagged);
        regime = new BehaviourCloning(data, tags, model,
                new BehaviourCloning.Hyper(1_000_000, 64, BehaviourCloning.Optimiser.ADAM, 1e-3, 0,
                        tagged ? 0.5 : 0, false),
                seeds.stream("shuffle"));
    }

    private static Dataset randomWalks(Environment env, EgocentricEncoder encoder, MersenneTwisterFast rng) {
        Dataset.Builder b = new Dataset.Builder(encoder.dimension(), env.actionCount(), List.of("random"));
        SparseVector x = new SparseVector(encoder.dimension(), encoder.maxActive());
        StepResult step = new StepResult();
        int rows = 0;
        long episode = 0;
        while (rows < ROWS) {
            env.reset(Seeds.generator(episode));
            b.startEpisode(episode++);
            do {
                encoder.encode(env, x);
                int a = rng.nextInt(env.actionCount());
                env.step(a, step);
                byte tag = (byte) (rng.nextInt(3) - 1);
                b.add(x, a, 0, 0, tag, step.observedReward, step.trueReward, step.events);
                rows++;
            } while (!step.done() && rows < ROWS);
        }
        return b.build();
    }

    @Benchmark
    public void trainUnit(Samples counter) {
        counter.samples += regime.trainUnit();
    }
}
