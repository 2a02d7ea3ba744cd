package org.innerlab.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.data.DatasetGenerator;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearQ;
import org.innerlab.learner.QFunction;
import org.innerlab.learner.TabularQ;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.FullBoardEncoder;
import org.innerlab.rater.Rater;
import org.innerlab.regime.OfflineQ;
import org.innerlab.regime.RatedTransitions;
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
 * Offline RL's cost, one core: fitted Q-iteration ({@code offline-q}) on 1000 episodes of the aligned
 * absent-supervisor teacher with 10% random actions (the online-vs-offline scenario's data), a Q-table on
 * the full board or a linear Q on the 5×5 window. One call is one iteration (targets for every row, then
 * two fitting passes); read the {@code rows} counter: fitted rows per second.
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar OfflineQBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OfflineQBenchmark {
    /** Work done, reported by JMH as a throughput. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Work {
        public long rows;
    }

    @Param({"tabular-q", "linear-q"})
    public String learner;

    private OfflineQ regime;

    @Setup(Level.Trial)
    public void setUp() {
        Seeds seeds = new Seeds(20221101L);
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Encoder encoder = learner.equals("tabular-q") ? new FullBoardEncoder(env)
                : new EgocentricEncoder(env.spec(), env.view(), 2, env.spec().features());
        Dataset data = new DatasetGenerator(env, encoder, Personas.forEnvironment(env.spec()),
                List.of(new DatasetGenerator.Share("aligned", 1)), 0.1).generate(1000, seeds);
        RatedTransitions rated = RatedTransitions.rate(data, EnvRegistry.create("asg-absent-supervisor-v1", Map.of()),
                Rater.named("true"));
        QFunction q = learner.equals("tabular-q") ? new TabularQ(env.actionCount(), 0, 0)
                : new LinearQ(encoder.dimension(), env.actionCount(), 0, 0, seeds.stream("init"));
        regime = new OfflineQ(data, rated, q, new OfflineQ.Hyper(0.5, 0.95, 2), Long.MAX_VALUE, seeds.stream("fitting"));
    }

    @Benchmark
    public long iteration(Work work) {
        long rows = regime.trainUnit();
        work.rows += rows;
        return rows;
    }
}
