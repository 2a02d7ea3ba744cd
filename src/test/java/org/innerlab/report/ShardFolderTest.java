package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardFolderTest {
    @Test
    void aShardFolderReadsBackItsManifestAndEveryRunValueExactly(@TempDir Path dir) throws Exception {
        List<SweepPoint> points = List.of(new SweepPoint(0, Map.of("x", 1), null), new SweepPoint(1, Map.of("x", 2.5), null));
        // Values whose shortest decimals are long, a value without an interval over episodes, and negative zero.
        List<RunResult> runs = List.of(
                new RunResult(0, 1, -5910780327963539453L, List.of(new MetricValue("test", "a", 0.1 + 0.2, 1e-300, 0.7),
                        new MetricValue("test", "b", -0.0))),
                new RunResult(1, 0, 7028339773811377126L, List.of(new MetricValue("test", "a", 2.0 / 3, 0.5, 1))));
        Manifest manifest = new Manifest("0.1.0", null, new Manifest.Jdk("17", "v", "vm"), new Manifest.Os("L", "6", "x"),
                "demo", "demo.yaml", 42L, 2, 3, false, List.of("innerlab", "run", "demo.yaml", "--shard", "1/4"),
                Instant.parse("2026-01-02T03:04:05.123456789Z"), 1.25, "node7", 4.5, Manifest.points(points, runs));
        Files.writeString(dir.resolve("scenario.yaml"), "name: demo\n");
        ShardFolder.write(dir, points, runs, manifest, 1, 4);

        ShardFolder read = ShardFolder.read(dir);
        assertEquals(1, read.index());
        assertEquals(4, read.count());
        assertEquals("name: demo\n", read.yaml());
        assertEquals(runs, read.runs());
        assertEquals(manifest, read.manifest());
    }

    @Test
    void aRunFolderIsNotAShardFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), "name: demo\n");
        Files.writeString(dir.resolve("runs.csv"), "point,seed,distribution,metric,value,ci_low,ci_high,label\n");
        Files.writeString(dir.resolve("manifest.json"), "{}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ShardFolder.read(dir));
        assertEquals(dir + " is not a shard folder (its manifest has no shard entry); give the folders innerlab run "
                + "--shard k/N wrote", e.getMessage());
    }
}
