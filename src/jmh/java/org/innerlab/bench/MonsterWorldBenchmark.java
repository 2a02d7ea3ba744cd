package org.innerlab.bench;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * monster-world-v1 throughput with uniformly random actions, one core: environment steps per second,
 * resets included (fresh placements every episode). Every episode runs to its time limit; the
 * training (25) and test (200) limits show the cost of a reset against that of a step (monster
 * moves, respawn scans and contact checks).
 *
 * <pre>mvn -B -o -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar MonsterWorld -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MonsterWorldBenchmark {
    private static final int STEPS = 10_000;
    private static final int ACTION_TABLE = 1 << 16;

    /** The scenario's training and test limits. */
    @Param({"25", "200"})
    public int timeLimit;

    private Environment env;
    private MersenneTwisterFast rng;
    private final StepResult out = new StepResult();
    private final int[] actions = new int[ACTION_TABLE];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        env = EnvRegistry.create("monster-world-v1", Map.of("time_limit", timeLimit));
        rng = new MersenneTwisterFast(20261123L);
        for (int i = 0; i < ACTION_TABLE; i++) {
            actions[i] = rng.nextInt(env.actionCount());
        }
        env.reset(rng);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long randomSteps() {
        long events = 0;
        for (int i = 0; i < STEPS; i++) {
            env.step(actions[next++ & (ACTION_TABLE - 1)], out);
            events += out.events;
            if (out.done()) {
                env.reset(rng);
            }
        }
        return events;
    }
}
