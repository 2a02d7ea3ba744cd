package org.innerlab.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.innerlab.core.BadInputException;
import org.innerlab.report.HtmlReport;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {
    /** Two sweep points × three seeds: six runs, so seven shards leave one shard empty. */
    private static final String SCENARIO = """
            name: shard-check
            seed: 5
            seeds: 3
            environment:
              id: coinrun-lite-v1
              params: { width: 8 }
              test: { random_coin_percent: 100 }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 300 } ]
            evaluation: { episodes: 5 }
            sweep: { environment.train.random_coin_percent: [0, 100] }
            """;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void shardedAndMergedEqualsUnshardedByteForByteForOneTwoThreeAndSevenShards(@TempDir Path tmp) throws Exception {
        Scenario scenario = ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of());
        Path whole = unsharded(scenario, tmp);
        for (int n : new int[] {1, 2, 3, 7}) {
            Path merged = ShardMerge.merge(shards(scenario, tmp.resolve("n" + n), n), tmp.resolve("result"),
                    List.of("innerlab", "merge"));
            assertSameFolder(whole, merged, "N = " + n);
            Files.move(merged, tmp.resolve("merged-" + n));
        }
    }

    @Test
    void aScenarioWithConditionsMergesToTheUnshardedFolder(@TempDir Path tmp) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "online-vs-offline.yaml"), List.of()).smoke();
        assertTrue(scenario.points().size() > 1, "the scenario has several conditions");
        Path whole = unsharded(scenario, tmp);
        Path merged = ShardMerge.merge(shards(scenario, tmp.resolve("n3"), 3), tmp.resolve("result"),
                List.of("innerlab", "merge"));
        assertSameFolder(whole, merged, "online-vs-offline in 3 shards");
    }

    @Test
    void aMissingShardIsBadInputNamingIt(@TempDir Path tmp) throws Exception {
        Scenario scenario = ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of());
        List<Path> shards = shards(scenario, tmp, 3);
        BadInputException e = assertThrows(BadInputException.class,
                () -> ShardMerge.merge(List.of(shards.get(0), shards.get(2)), tmp.resolve("result"), List.of()));
        assertEquals("shard 1/3 is missing; run it (innerlab run <scenario> --shard k/3) and merge again with every "
                + "shard's folder", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("result")), "nothing is written");
    }

    @Test
    void aShardGivenTwiceIsBadInputNamingBothFolders(@TempDir Path tmp) throws Exception {
        Scenario scenario = ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of());
        List<Path> shards = shards(scenario, tmp.resolve("a"), 2);
        Path again = Experiment.run(scenario, options(tmp.resolve("b").resolve("shard-1"), new Shard(1, 2)),
                (sweep, done) -> (r, f, t) -> { }, QUIET);
        BadInputException e = assertThrows(BadInputException.class,
                () -> ShardMerge.merge(List.of(shards.get(0), shards.get(1), again), tmp.resolve("result"), List.of()));
        assertEquals("shard 1/2 is given 2 times (" + shards.get(1) + ", " + again + "); give each shard's folder once",
                e.getMessage());
    }

    @Test
    void shardsOfAnotherSeedOrShardCountAreNotMerged(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), SCENARIO);
        Scenario scenario = ScenarioLoader.load(file, List.of());
        Scenario otherSeed = ScenarioLoader.load(file, List.of("seed=6"));
        Path a = Experiment.run(scenario, options(tmp.resolve("a"), new Shard(0, 2)), (s, d) -> (r, f, t) -> { }, QUIET);
        Path b = Experiment.run(otherSeed, options(tmp.resolve("b"), new Shard(1, 2)), (s, d) -> (r, f, t) -> { }, QUIET);
        Path c = Experiment.run(scenario, options(tmp.resolve("c"), new Shard(1, 3)), (s, d) -> (r, f, t) -> { }, QUIET);
        String seedMessage = assertThrows(BadInputException.class,
                () -> ShardMerge.merge(List.of(a, b), tmp.resolve("result"), List.of())).getMessage();
        assertTrue(seedMessage.startsWith("shards of different runs: " + a + " has resolved scenario (sha256 "),
                seedMessage);
        assertTrue(seedMessage.contains(b + " has resolved scenario"), seedMessage);
        assertEquals("shards of different runs: " + a + " has shard count 2, " + c + " has shard count 3; merge only "
                        + "the shards of one sweep (same scenario, settings, seed and innerlab)",
                assertThrows(BadInputException.class,
                        () -> ShardMerge.merge(List.of(a, c), tmp.resolve("result"), List.of())).getMessage());
    }

    @Test
    void aShardFolderIsNotTakenForAWholeRunByTheReport(@TempDir Path tmp) throws Exception {
        Scenario scenario = ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of());
        Path shard = Experiment.run(scenario, options(tmp.resolve("shard"), new Shard(0, 2)),
                (s, d) -> (r, f, t) -> { }, QUIET);
        BadInputException e = assertThrows(BadInputException.class, () -> HtmlReport.write(shard));
        assertEquals(shard + " is shard 0/2 of a sweep, not a whole run; merge the shards first "
                + "(innerlab merge <shard folders> --out DIR)", e.getMessage());
        assertFalse(Files.exists(shard.resolve("summary.csv")), "a shard writes no summary of its part");
    }

    @Test
    void anInterruptedShardResumesWithOnlyItsMissingRuns(@TempDir Path tmp) throws Exception {
        Scenario scenario = ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of());
        Experiment.Options options = options(tmp.resolve("shard"), new Shard(1, 2));
        int[] reported = new int[1];
        assertThrows(IllegalStateException.class, () -> Experiment.run(scenario, options, (s, d) -> (r, f, t) -> {
            if (++reported[0] == 1) {
                throw new IllegalStateException("simulated crash after the first run");
            }
        }, QUIET));
        List<String> keptThenRun = new ArrayList<>();
        Path shard = Experiment.run(scenario, options, (sweep, done) -> {
            done.forEach(k -> keptThenRun.add("kept p" + k.point() + "-r" + k.run()));
            return (r, f, t) -> keptThenRun.add("ran p" + r.point() + "-r" + r.run() + " of " + t);
        }, QUIET);
        // Shard 1/2 of 2 points × 3 seeds holds runs 1, 3, 5 in canonical order: p0-r1, p1-r0, p1-r2.
        assertEquals(3, keptThenRun.size(), String.valueOf(keptThenRun));
        assertTrue(keptThenRun.get(0).startsWith("kept "), String.valueOf(keptThenRun));
        assertEquals(new TreeSet<>(List.of("p0-r1", "p1-r0", "p1-r2")), keptThenRun.stream()
                .map(s -> s.split(" ")[1]).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(keptThenRun.stream().filter(s -> s.startsWith("ran ")).allMatch(s -> s.endsWith(" of 3")),
                String.valueOf(keptThenRun));
        assertTrue(Files.isRegularFile(shard.resolve("runs.csv")));
    }

    private static Experiment.Options options(Path out, Shard shard) {
        return new Experiment.Options(2, out.getParent(), out, command(out, shard), false, null, false, shard);
    }

    /** The command line a user would type for this run: the same for every shard but for --shard and --out. */
    private static List<String> command(Path out, Shard shard) {
        List<String> words = new ArrayList<>(List.of("innerlab", "run", "s.yaml", "--threads", "2"));
        if (shard != null) {
            words.addAll(List.of("--shard", shard.toString()));
        }
        words.addAll(List.of("--out", out.toString()));
        return words;
    }

    /**
     * Runs {@code scenario} unsharded into {@code tmp/result}, then moves it to {@code tmp/whole}, so a merge
     * into {@code tmp/result} has the same one-machine command line.
     */
    private static Path unsharded(Scenario scenario, Path tmp) throws Exception {
        Path made = Experiment.run(scenario, options(tmp.resolve("result"), null),
                (sweep, done) -> (r, f, t) -> { }, QUIET);
        return Files.move(made, tmp.resolve("whole"));
    }

    private static List<Path> shards(Scenario scenario, Path dir, int n) throws Exception {
        List<Path> folders = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            folders.add(Experiment.run(scenario, options(dir.resolve("shard-" + k), new Shard(k, n)),
                    (sweep, done) -> (r, f, t) -> { }, QUIET));
        }
        return folders;
    }

    /**
     * Every file of {@code expected} is in {@code actual} with the same bytes, and nothing else is; the
     * manifests differ only in the documented fields.
     */
    private static void assertSameFolder(Path expected, Path actual, String what) throws IOException {
        assertEquals(files(expected), files(actual), what + ": the same files");
        for (String f : files(expected)) {
            if (!f.equals("manifest.json")) {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)),
                        what + ": " + f);
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode want = json.readTree(expected.resolve("manifest.json").toFile());
        JsonNode got = json.readTree(actual.resolve("manifest.json").toFile());
        assertEquals(List.of("innerlab", "merge"), json.convertValue(got.path(ShardMerge.MERGED_FROM)
                .path("command_line"), List.class), what + ": the merge's own command line is recorded");
        for (String timing : List.of("started_at", "wall_time_seconds", "cpu_time_seconds", ShardMerge.MERGED_FROM)) {
            ((ObjectNode) want).remove(timing);
            ((ObjectNode) got).remove(timing);
        }
        assertEquals(want, got, what + ": manifest.json apart from started_at, wall_time_seconds, cpu_time_seconds and merged_from");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
