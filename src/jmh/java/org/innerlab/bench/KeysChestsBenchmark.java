package org.innerlab.bench;

import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.openjdk.jmh.annotations.Param;

/**
 * keys-chests-v1 throughput with uniformly random actions, one core: environment steps per second,
 * resets included (fresh placements every episode), in the shipped scenario's 5 x 5 room with its
 * training layout (2 keys, 4 chests) and its test layout (4 keys, 2 chests).
 *
 * <pre>mvn -B -o -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar KeysChests -f 1 -wi 2 -i 3 -r 1</pre>
 */
public class KeysChestsBenchmark extends RandomActionBenchmark {
    /** Keys per episode: 2 (training, chests = 2 x keys) or 4 (test, keys = 2 x chests). */
    @Param({"2", "4"})
    public int keys;

    @Override
    protected Environment environment() {
        return EnvRegistry.create("keys-chests-v1", Map.of("size", 5, "keys", keys, "chests", keys == 2 ? 4 : 2));
    }
}
