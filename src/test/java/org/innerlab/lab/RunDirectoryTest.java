package org.innerlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.innerlab.experiment.Sweep;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0, 0);

    @Test
    void nothingAppearsAtTheDestinationUntilCommit(@TempDir Path out) {
        RunDirectory dir = RunDirectory.open(out, "demo", "name: demo\n", null, NOW);
        assertEquals(out.resolve("demo").resolve("20261123-100000"), dir.destination());
        dir.saveRun(new RunResult(0, 0, 5L, List.of(new MetricValue("train", "got_coin", 0.5))));
        assertFalse(Files.exists(dir.destination()));
        Path done = dir.commit();
        assertTrue(Files.isRegularFile(done.resolve("scenario.yaml")));
        assertFalse(Files.exists(done.resolve("runs")), "per-run files are internal to the partial folder");
        assertFalse(Files.exists(dir.workDir()));
    }

    @Test
    void anInterruptedSweepResumesWithExactlyTheRunsItFinished(@TempDir Path out) {
        RunDirectory first = RunDirectory.open(out, "demo", "name: demo\nseed: 1\n", null, NOW);
        RunResult a = new RunResult(0, 1, -3L, List.of(new MetricValue("test", "steps", 0.1 + 0.2),
                new MetricValue("test", "got_coin", Double.MIN_VALUE)));
        first.saveRun(a);
        // The process dies here; a second attempt with the same resolved scenario finds the partial folder.
        RunDirectory second = RunDirectory.open(out, "demo", "name: demo\nseed: 1\n", null, NOW.plusMinutes(5));
        assertTrue(second.resumed());
        Map<Sweep.RunKey, RunResult> done = second.completedRuns();
        assertEquals(Map.of(new Sweep.RunKey(0, 1), a), done, "values round-trip bit for bit");
        RunDirectory other = RunDirectory.open(out, "demo", "name: demo\nseed: 2\n", null, NOW);
        assertFalse(other.resumed(), "another resolved scenario starts afresh");
    }

    @Test
    void anExistingOutFolderIsRefusedBeforeAnythingIsWritten(@TempDir Path out) throws Exception {
        Path taken = Files.createDirectory(out.resolve("taken"));
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.open(out, "demo", "x", taken, NOW));
        try (var files = Files.list(out)) {
            assertEquals(List.of(taken), files.toList());
        }
    }
}
