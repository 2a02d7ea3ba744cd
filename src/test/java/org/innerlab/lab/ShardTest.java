package org.innerlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Sweep;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static List<SweepPoint> points(int n) {
        List<SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new SweepPoint(i, Map.of(), null));
        }
        return points;
    }

    @Test
    void theShardsOfOneCountPartitionTheSweepInCanonicalOrder() {
        List<SweepPoint> points = points(3);
        List<Sweep.RunKey> all = new Shard(0, 1).runs(points, 4);
        assertEquals(12, all.size());
        for (int n : new int[] {1, 2, 3, 5, 7, 12, 20}) {
            List<Sweep.RunKey> union = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                List<Sweep.RunKey> mine = new Shard(k, n).runs(points, 4);
                for (Sweep.RunKey key : mine) {
                    assertEquals(k, all.indexOf(key) % n, "run " + key + " belongs to shard i mod " + n);
                }
                union.addAll(mine);
            }
            union.sort(Comparator.comparingInt(all::indexOf));
            assertEquals(all, union, "the " + n + " shards hold every run exactly once");
        }
    }

    @Test
    void shardOneOfThreeHoldsEveryThirdRunFromTheSecond() {
        // 2 points × 3 seeds: runs 0..5 in canonical order; 1 mod 3 and 4 mod 3 are 1.
        assertEquals(List.of(new Sweep.RunKey(0, 1), new Sweep.RunKey(1, 1)),
                new Shard(1, 3).runs(points(2), 3));
    }

    @Test
    void parsesKOverNAndRefusesAnythingElseNamingIt() {
        assertEquals(new Shard(3, 8), Shard.parse("3/8"));
        assertEquals("3/8", new Shard(3, 8).toString());
        for (String bad : List.of("8/8", "1/0", "-1/4", "1", "a/b", "1/2/3", "")) {
            BadInputException e = assertThrows(BadInputException.class, () -> Shard.parse(bad));
            assertEquals("--shard " + bad + " is not a shard; write k/N with N at least 1 and k from 0 to N-1 "
                    + "(e.g. --shard 0/4)", e.getMessage());
        }
    }
}
