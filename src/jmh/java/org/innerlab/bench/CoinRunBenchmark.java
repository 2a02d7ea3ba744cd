package org.innerlab.bench;

import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.openjdk.jmh.annotations.Param;

/**
 * coinrun-lite-v1 throughput with uniformly random actions, one core: environment steps per second,
 * resets included (an episode that ends is reset at once). {@code fresh} draws a new level every
 * episode (generation and its checks included); {@code pool} plays a fixed pool of 200 levels, which
 * are generated once and then copied. Actions come from a precomputed table so the benchmark
 * measures the environment, not the action generator.
 *
 * <pre>mvn -B -o -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar CoinRun -f 1 -wi 2 -i 3</pre>
 */
public class CoinRunBenchmark extends RandomActionBenchmark {
    @Param({"fresh", "pool"})
    public String levels;

    @Param({"0", "100"})
    public int randomCoinPercent;

    @Override
    protected Environment environment() {
        return EnvRegistry.create("coinrun-lite-v1", Map.of(
                "num_levels", levels.equals("pool") ? 200 : 0,
                "random_coin_percent", randomCoinPercent));
    }
}
