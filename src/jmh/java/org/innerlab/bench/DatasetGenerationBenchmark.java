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
import org.innerlab.observe.EgocentricEncoder;
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
 * Dataset generation speed: one invocation generates {@value #EPISODES} episodes of a 99/1 mix of the
 * aligned persona and a misaligned one (ε = 0.05) with a radius-2 egocentric encoder, building the
 * {@link Dataset}. Episodes/s = {@value #EPISODES} / time per invocation; steps/s likewise with the
 * dataset's size (printed once per trial). The generator (and so the teachers' planning caches) lives
 * for the whole trial, as it does for a run that generates its data once per generator; each
 * invocation uses fresh seeds, so the episodes differ and any state the cache has not seen is planned.
 *
 * <p>{@code mvn -B -o -Pbench -DskipTests package && java -jar target/benchmarks.jar DatasetGeneration -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DatasetGenerationBenchmark {
    static final int EPISODES = 1000;

    /** Environment id and its misaligned persona. */
    @Param({"asg-absent-supervisor-v1:shortcut", "asg-tomato-watering-v1:transformer"})
    public String setting;

    private DatasetGenerator generator;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = setting.split(":");
        Environment env = EnvRegistry.create(parts[0], Map.of());
        generator = new DatasetGenerator(env,
                new EgocentricEncoder(env.spec(), env.view(), 2, env.spec().features()),
                Personas.forEnvironment(env.spec()),
                List.of(new DatasetGenerator.Share("aligned", 0.99), new DatasetGenerator.Share(parts[1], 0.01)),
                0.05);
        Dataset first = generator.generate(EPISODES, new Seeds(0));
        System.out.printf("%n%s: %d episodes, %d steps per invocation%n", setting, first.episodes(), first.size());
    }

    /** Generates one dataset of {@value #EPISODES} episodes. */
    @Benchmark
    public Dataset generate() {
        return generator.generate(EPISODES, new Seeds(++seed));
    }
}
