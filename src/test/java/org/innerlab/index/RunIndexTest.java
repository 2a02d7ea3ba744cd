package org.innerlab.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.innerlab.core.BadInputException;
import org.innerlab.lab.Experiment;
import org.innerlab.measure.SummaryRow;
import org.innerlab.report.RunFolder;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run index holds what the folders say and survives what happens to it: deletion, corruption,
 * deleted folders, runs recorded at once (threads and processes), and folders of an older innerlab.
 * One tiny real run is made once; the other folders are copies of it.
 */
class RunIndexTest {
    /** Two sweep points × 2 seeds, a few thousand steps: a second or so. */
    static final String TINY = """
            name: index-tiny
            seed: 3
            seeds: 2
            environment:
              id: coinrun-lite-v1
              params: { width: 8, time_limit: 40 }
              test: { random_coin_percent: 100 }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 2000 } ]
            evaluation: { episodes: 10 }
            sweep: { environment.train.random_coin_percent: [0, 25] }
            """;

    @TempDir
    static Path made;
    static Path original;

    @BeforeAll
    static void runOnce() throws Exception {
        original = run(made.resolve("output"), null);
    }

    /** Runs {@link #TINY} into {@code outputRoot} (or {@code out}) and returns the folder. */
    static Path run(Path outputRoot, Path out) throws Exception {
        Path file = Files.writeString(Files.createDirectories(made).resolve("tiny.yaml"), TINY);
        return Experiment.run(ScenarioLoader.load(file, List.of()), new Experiment.Options(1, outputRoot, out,
                List.of("test")), (sweep, done) -> (r, f, t) -> { }, new PrintStream(new ByteArrayOutputStream()));
    }

    /** A copy of the tiny run at {@code root/index-tiny/<name>}. */
    static Path copy(Path root, String name) throws IOException {
        Path to = Files.createDirectories(root.resolve("index-tiny")).resolve(name);
        try (Stream<Path> files = Files.walk(original)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(original.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static RunIndex index(Path root, List<String> log) {
        return RunIndex.at(root, log::add);
    }

    @Test
    void aCompletedRunIsRecordedWithWhatItsFolderSays() throws Exception {
        Path root = made.resolve("output");
        assertTrue(Files.isRegularFile(root.resolve(RunIndex.FILE)), "the run recorded itself beside the outputs");
        List<IndexedRun> runs = index(root, new ArrayList<>()).runs(null, null);
        assertEquals(1, runs.size());
        IndexedRun run = runs.get(0);
        RunFolder folder = RunFolder.read(original);
        assertEquals(original.toAbsolutePath().normalize(), run.folder());
        assertEquals(original.getFileName().toString(), run.id());
        assertEquals("index-tiny", run.scenario());
        assertEquals(3L, run.masterSeed());
        assertEquals(2, run.seedsPerPoint());
        assertEquals(folder.manifestText("host", null), run.host());
        assertNotNull(run.cpuTimeSeconds());
        assertNotNull(run.wallTimeSeconds());
        assertNotNull(run.startedAt());
        assertEquals(folder.manifestText("innerlab_version", null), run.innerlabVersion());
        assertEquals(folder.yaml(), run.resolvedYaml());
        assertEquals("coinrun-lite-v1", run.parameters().get("environment.id"));
        assertEquals(2, run.points().size());
        assertEquals("25", run.points().get(1).assignments().get("environment.train.random_coin_percent"));
        assertEquals(List.of(folder.runs().get(2).seed(), folder.runs().get(3).seed()), run.points().get(1).seeds());
        List<SummaryRow> summary = new ArrayList<>();
        run.points().forEach(p -> summary.addAll(p.summary()));
        assertEquals(folder.summary(), summary);
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheFoldersAndSaysSo(@TempDir Path root) throws Exception {
        copy(root, "a");
        copy(root, "b");
        List<String> log = new ArrayList<>();
        assertEquals(2, index(root, log).runs(null, null).size());
        Files.delete(root.resolve(RunIndex.FILE));
        log.clear();
        assertEquals(List.of("a", "b"), index(root, log).runs(null, null).stream().map(IndexedRun::id).sorted().toList());
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("built " + root.toAbsolutePath().resolve(RunIndex.FILE)), log.get(0));
    }

    @Test
    void aCorruptIndexIsMovedAsideAndRebuilt(@TempDir Path root) throws Exception {
        copy(root, "a");
        Files.writeString(root.resolve(RunIndex.FILE), "not an H2 file ".repeat(500));
        List<String> log = new ArrayList<>();
        assertEquals(List.of("a"), index(root, log).runs(null, null).stream().map(IndexedRun::id).toList());
        assertTrue(log.get(0).contains("could not be read"), log.toString());
        assertTrue(log.get(0).contains("rebuilding"), log.toString());
        assertTrue(Files.exists(root.resolve(RunIndex.FILE + ".corrupt")));
    }

    @Test
    void aDeletedRunFolderIsListedAsGoneUntilReindexDropsIt(@TempDir Path root) throws Exception {
        copy(root, "a");
        Path b = copy(root, "b");
        RunIndex index = index(root, new ArrayList<>());
        assertEquals(2, index.runs(null, null).size());
        try (Stream<Path> files = Files.walk(b)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        List<IndexedRun> listed = index.runs(null, null);
        assertEquals(2, listed.size());
        assertFalse(listed.stream().filter(r -> r.id().equals("b")).findFirst().orElseThrow().present());
        BadInputException gone = assertThrows(BadInputException.class, () -> index.resolve("b"));
        assertTrue(gone.getMessage().contains("is gone; innerlab runs --reindex"), gone.getMessage());
        assertEquals(1, index.reindex());
        assertEquals(List.of("a"), index.runs(null, null).stream().map(IndexedRun::id).toList());
    }

    @Test
    void runsRecordedAtOnceFromManyThreadsLoseNoRow(@TempDir Path root) throws Exception {
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            folders.add(copy(root, "run-" + i));
        }
        // No index yet: every thread may find it missing at once, and only one may build it.
        ExecutorService pool = Executors.newFixedThreadPool(folders.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path f : folders) {
                done.add(pool.submit(() -> {
                    index(root, new ArrayList<>()).record(f);
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(folders.size(), index(root, new ArrayList<>()).runs(null, null).size());
    }

    @Test
    void runsRecordedAtOnceFromTwoProcessesLoseNoRow(@TempDir Path root) throws Exception {
        List<Path> first = new ArrayList<>();
        List<Path> second = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? first : second).add(copy(root, "run-" + i));
        }
        Process a = recorder(root, first);
        Process b = recorder(root, second);
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS), "recorders finished");
        assertEquals(0, a.exitValue(), new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, b.exitValue(), new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(4, index(root, new ArrayList<>()).runs(null, null).size());
    }

    /** Another JVM recording {@code folders} one by one into the index of {@code root}. */
    private static Process recorder(Path root, List<Path> folders) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordFolders.class.getName(), root.toString()));
        folders.forEach(f -> command.add(f.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aFolderOfAnOlderInnerlabIsIndexedWithNullsForWhatItsManifestLacks(@TempDir Path root) throws Exception {
        Path old = copy(root, "20250101-120000");
        // An older manifest: no host, CPU time, git commit, version, start time, command line, smoke flag or seeds.
        Path manifest = old.resolve("manifest.json");
        String text = Files.readString(manifest);
        for (String field : List.of("host", "cpu_time_seconds", "git_commit", "innerlab_version", "started_at", "smoke")) {
            text = text.replaceAll("\n  \"" + field + "\": [^\n]*", "");
        }
        text = text.replaceAll("(?s),\n  \"points\": \\[.*\\]", "");
        text = text.replaceAll("(?s)\n  \"command_line\": \\[[^\\]]*\\],", "");
        Files.writeString(manifest, text);
        assertFalse(text.contains("points") || text.contains("command_line"), text);

        IndexedRun run = index(root, new ArrayList<>()).runs(null, null).get(0);
        assertNull(run.host());
        assertNull(run.cpuTimeSeconds());
        assertNull(run.gitCommit());
        assertNull(run.innerlabVersion());
        assertNull(run.startedAt());
        assertNull(run.smoke());
        assertEquals("?", run.mode());
        assertEquals(List.of(), run.points().get(0).seeds());
        assertEquals(RunFolder.read(old).summary().size(),
                run.points().stream().mapToInt(p -> p.summary().size()).sum());
    }

    @Test
    void smokeIsReadFromTheManifestElseItsCommandLineElseTheFolderName(@TempDir Path root) throws Exception {
        // The fixture is a full run whose manifest says "smoke": false; the older manifests below lack it.
        Path flagged = copy(root, "flagged-smoke");
        Path typed = copy(root, "typed");
        edit(typed, "\n  \"smoke\": false,", "");
        edit(typed, "\"command_line\": \\[", "\"command_line\": [\n    \"--smoke\",");
        Path named = copy(root, "20250101-120000-smoke");
        edit(named, "\n  \"smoke\": false,", "");
        edit(named, "(?s)\n  \"command_line\": \\[[^\\]]*\\],", "");
        Path plain = copy(root, "plain");
        edit(plain, "\n  \"smoke\": false,", "");
        assertEquals("full", IndexedRun.read(flagged).mode());
        assertEquals("smoke", IndexedRun.read(typed).mode());
        assertEquals("full", IndexedRun.read(plain).mode(), "a command line without --smoke");
        assertEquals("smoke", IndexedRun.read(named).mode());
    }

    private static void edit(Path folder, String regex, String replacement) throws IOException {
        Path manifest = folder.resolve("manifest.json");
        String before = Files.readString(manifest);
        String after = before.replaceFirst(regex, replacement);
        assertFalse(before.equals(after), "the edit " + regex + " applies");
        Files.writeString(manifest, after);
    }

    @Test
    void aRunIdResolvesToItsFolderAndAnUnknownIdSaysToListThem(@TempDir Path root) throws Exception {
        Path a = copy(root, "20250101-120000");
        RunIndex index = index(root, new ArrayList<>());
        assertEquals(a.toAbsolutePath().normalize() + "#1", index.resolve("20250101-120000#1"));
        assertEquals(a.toAbsolutePath().normalize().toString(), index.resolve("index-tiny/20250101-120000"));
        assertEquals(a.toString(), index.resolve(a.toString()), "a folder stays a folder");
        BadInputException unknown = assertThrows(BadInputException.class, () -> index.resolve("20990101-000000"));
        assertTrue(unknown.getMessage().contains("list run ids with innerlab runs"), unknown.getMessage());
    }

    @Test
    void aRunWrittenWithOutIsRecordedInTheIndexOfItsParentFolder(@TempDir Path root) throws Exception {
        Path folder = run(made.resolve("unused-output-root"), root.resolve("mine"));
        assertFalse(Files.exists(made.resolve("unused-output-root")));
        assertEquals(List.of(folder.toAbsolutePath().normalize()),
                index(root, new ArrayList<>()).runs(null, null).stream().map(IndexedRun::folder).toList());
    }
}
