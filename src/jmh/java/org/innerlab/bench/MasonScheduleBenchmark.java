package org.innerlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * What one MASON schedule step costs against the same work in a plain loop: the measurement behind
 * scheduling coarse units (a training update) rather than single moves in headless runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MasonScheduleBenchmark {
    private static final int STEPS = 10_000;

    private SimState state;
    private long counter;
    private final Steppable agent = s -> counter = counter * 6364136223846793005L + 1442695040888963407L;

    @Setup(Level.Invocation)
    public void setUp() {
        state = new SimState(1);
        state.start();
        state.schedule.scheduleRepeating(agent);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long scheduleStep() {
        for (int i = 0; i < STEPS; i++) {
            state.schedule.step(state);
        }
        return counter;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long plainLoop() {
        for (int i = 0; i < STEPS; i++) {
            agent.step(state);
        }
        return counter;
    }
}
