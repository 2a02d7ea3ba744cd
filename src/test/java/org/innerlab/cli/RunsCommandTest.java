package org.innerlab.cli;

import static org.innerlab.cli.RunCommandTest.innerlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.innerlab.cli.RunCommandTest.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code innerlab runs} on real run folders (one tiny sweep, run through {@code innerlab run}, and a
 * copy of it that started a year earlier), and run ids in {@code innerlab report} and {@code compare}.
 */
class RunsCommandTest {
    @TempDir
    static Path tmp;
    static Path root;
    static String newId;

    @BeforeAll
    static void runTheTinySweepAndAnOlderCopy() throws Exception {
        root = tmp.resolve("output");
        Path scenario = Files.writeString(tmp.resolve("tiny.yaml"), RunCommandTest.TINY);
        Outcome run = innerlab("run", scenario.toString(), "--quiet", "--output-root", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path folder = Path.of(run.out().strip());
        newId = folder.getFileName().toString();
        Path old = folder.resolveSibling("20251207-120000");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = old.resolve(folder.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path manifest = old.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replaceFirst("\"started_at\": \"[^\"]*\"", "\"started_at\": \"2025-12-07T12:00:00Z\""));
        assertEquals(0, innerlab("runs", "--reindex", "--output-root", root.toString()).exitCode());
    }

    @Test
    void listsEveryPointOfEveryRunNewestFirst() {
        Outcome o = innerlab("runs", "--output-root", root.toString());
        assertEquals(0, o.exitCode(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(5, lines.size(), o.out());
        assertTrue(lines.get(0).startsWith("id "), o.out());
        assertTrue(lines.get(1).startsWith(newId + "#0 "), o.out());
        assertTrue(lines.get(3).startsWith("20251207-120000#0 "), o.out());
        assertTrue(lines.get(3).contains("2025-12-07 12:00") && lines.get(3).contains("random_coin_percent=0"), o.out());
    }

    @Test
    void sinceWhereAndMetricNarrowTheRowsAndJsonIsForTools() throws Exception {
        Outcome o = innerlab("runs", "--output-root", root.toString(), "--since", "2026-01-01", "--where",
                "random_coin_percent=50", "--metric", "test/got_coin", "--json");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode rows = new ObjectMapper().readTree(o.out());
        assertEquals(1, rows.size(), o.out());
        assertEquals(newId + "#1", rows.get(0).get("id").asText());
        assertEquals("test/got_coin", rows.get(0).get("summary").get(0).get("metric").asText());
        assertEquals(1, rows.get(0).get("summary").size());
    }

    @Test
    void reportAndCompareAcceptRunIds() {
        Outcome report = innerlab("report", "20251207-120000", "--output-root", root.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().strip().endsWith(Path.of("20251207-120000", "report.html").toString()), report.out());
        Outcome compare = innerlab("compare", newId + "#0", newId + "#1", "--output-root", root.toString(),
                "--out", tmp.resolve("comparison").toString());
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(Files.isRegularFile(tmp.resolve("comparison").resolve("comparison.csv")));
    }

    @Test
    void anUnknownRunIdIsOneLineThatSuggestsInnerlabRuns() {
        Outcome o = innerlab("report", "20990101-000000", "--output-root", root.toString());
        assertEquals(2, o.exitCode());
        assertEquals("innerlab report: '20990101-000000' is neither a run folder nor a run id in the index of "
                + root.toAbsolutePath() + "; list run ids with innerlab runs (--output-root DIR for another folder)",
                o.err().strip());
    }

    @Test
    void aBadSinceOrAMissingOutputRootIsOneLineExitTwo() {
        Outcome since = innerlab("runs", "--output-root", root.toString(), "--since", "last week");
        assertEquals(2, since.exitCode());
        assertEquals("innerlab runs: --since 'last week' is neither a date nor an instant; write e.g. --since "
                + "2026-12-01 or --since 2026-12-01T09:30:00Z", since.err().strip());
        Outcome missing = innerlab("runs", "--output-root", tmp.resolve("nothing").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().strip().startsWith("innerlab runs: --output-root "), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
