package org.innerlab.bench;

import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.openjdk.jmh.annotations.Param;

/**
 * monster-world-v1 throughput with uniformly random actions, one core: environment steps per second,
 * resets included (fresh placements every episode). Every episode runs to its time limit; the
 * training (25) and test (200) limits show the cost of a reset against that of a step (monster
 * moves, respawn scans and contact checks).
 *
 * <pre>mvn -B -o -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar MonsterWorld -f 1 -wi 2 -i 3</pre>
 */
public class MonsterWorldBenchmark extends RandomActionBenchmark {
    /** The scenario's training and test limits. */
    @Param({"25", "200"})
    public int timeLimit;

    @Override
    protected Environment environment() {
        return EnvRegistry.create("monster-world-v1", Map.of("time_limit", timeLimit));
    }
}
