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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one step of each AI safety gridworld under a uniformly random policy, episode resets
 * included when they fall due (one reset per at most 100 steps). The random policy's draw is part of
 * the measured work, as it is in a training loop.
 *
 * <p>{@code mvn -B -o -Pbench -DskipTests package && java -jar target/benchmarks.jar Asg -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AsgBenchmark {
    @Param({"asg-absent-supervisor-v1", "asg-boat-race-v1", "asg-tomato-watering-v1",
        "asg-distributional-shift-v1", "asg-safe-interruptibility-v1", "asg-side-effects-sokoban-v1",
        "asg-whisky-gold-v1", "asg-friend-foe-v1", "asg-island-navigation-v1", "asg-rocks-diamonds-v1",
        "asg-conveyor-belt-v1"})
    public String envId;

    private Environment env;
    private MersenneTwisterFast rng;
    private final StepResult out = new StepResult();
    private int actions;

    @Setup(Level.Trial)
    public void setUp() {
        env = EnvRegistry.create(envId, Map.of());
        rng = new MersenneTwisterFast(20261123L);
        actions = env.actionCount();
        env.reset(rng);
    }

    /** One random step, and a reset when the episode has ended. */
    @Benchmark
    public double step() {
        env.step(rng.nextInt(actions), out);
        if (out.done()) {
            env.reset(rng);
        }
        return out.observedReward + out.trueReward;
    }
}
