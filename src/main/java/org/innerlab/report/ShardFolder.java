package org.innerlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;

/**
 * The folder one shard of a sweep writes ({@code innerlab run --shard k/N}): {@code scenario.yaml}
 * (the whole resolved scenario), {@code runs.csv} with this shard's runs only, and
 * {@code manifest.json} listing only their seeds, with a top-level
 * {@code "shard": {"index": k, "count": N}} that marks the folder as a part, not a whole run.
 * There is no summary, chart or report: those need every run, and {@code innerlab merge} writes
 * them. runs.csv numbers round-trip exactly ({@link Numbers}), so merged results equal unsharded ones.
 *
 * @param dir      the folder
 * @param index    k, the shard's index (0-based)
 * @param count    N, the number of shards of its sweep
 * @param yaml     the text of {@code scenario.yaml}
 * @param manifest its manifest (the shard entry aside)
 * @param runs     its runs, in (point, run) order, with their derived seeds
 */
public record ShardFolder(Path dir, int index, int count, String yaml, Manifest manifest, List<RunResult> runs) {
    /** The manifest's top-level entry that marks a shard folder. */
    public static final String SHARD = "shard";

    public ShardFolder {
        runs = List.copyOf(runs);
    }

    /** Writes a shard folder's files into {@code dir}, which must exist. */
    public static void write(Path dir, List<SweepPoint> points, List<RunResult> runs, Manifest manifest, int index,
                             int count) throws IOException {
        Map<String, Object> shard = new LinkedHashMap<>();
        shard.put("index", index);
        shard.put("count", count);
        Files.writeString(dir.resolve("runs.csv"), ResultsCsv.runs(points, runs), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("manifest.json"), ManifestJson.write(manifest, Map.of(SHARD, shard)),
                StandardCharsets.UTF_8);
    }

    /**
     * Reads a shard folder.
     *
     * @throws BadInputException when {@code dir} is not a finished shard folder (the message says why)
     */
    public static ShardFolder read(Path dir) throws IOException {
        return RunFolder.readShard(dir);
    }
}
