package org.innerlab.bench;

import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.openjdk.jmh.annotations.Param;

/**
 * cheese-maze-v1 throughput with uniformly random actions, one core: environment steps per second,
 * resets included (a fresh Kruskal maze, cheese placement and path search every episode). Random
 * walks rarely find the cheese, so most episodes run to the time limit; {@code time_limit} is
 * varied to show the cost of a reset against that of a step.
 *
 * <pre>mvn -B -o -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar CheeseMaze -f 1 -wi 2 -i 3</pre>
 */
public class CheeseMazeBenchmark extends RandomActionBenchmark {
    /** 0 is the default limit, max_size² = 169 steps. */
    @Param({"0", "100"})
    public int timeLimit;

    @Override
    protected Environment environment() {
        return EnvRegistry.create("cheese-maze-v1", Map.of("time_limit", timeLimit));
    }
}
