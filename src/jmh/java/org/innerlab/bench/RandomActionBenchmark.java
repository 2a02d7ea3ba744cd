package org.innerlab.bench;

import ec.util.MersenneTwisterFast;
import java.util.concurrent.TimeUnit;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
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
 * Environment throughput with uniformly random actions, one core: steps per second, resets included
 * (an episode that ends is reset at once). Actions come from a precomputed table so the benchmark
 * measures the environment, not the action generator. A subclass names the environment to build.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class RandomActionBenchmark {
    private static final int STEPS = 10_000;
    private static final int ACTION_TABLE = 1 << 16;

    private Environment env;
    private MersenneTwisterFast rng;
    private final StepResult out = new StepResult();
    private final int[] actions = new int[ACTION_TABLE];
    private int next;

    /** The environment to step, built from the subclass's parameters. */
    protected abstract Environment environment();

    @Setup(Level.Trial)
    public void setUp() {
        env = environment();
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
