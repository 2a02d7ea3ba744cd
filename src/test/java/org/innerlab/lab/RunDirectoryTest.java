package org.innerlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Sweep;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0, 0);

    @Test
    void nothingAppearsAtTheDestinationUntilCommit(@TempDir Path out) {
        RunDirectory dir = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false);
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
        RunDirectory first = RunDirectory.open(out, "demo", "name: demo\nseed: 1\n", null, NOW, false);
        RunResult a = new RunResult(0, 1, -3L, List.of(new MetricValue("test", "steps", 0.1 + 0.2),
                new MetricValue("test", "got_coin", Double.MIN_VALUE)));
        first.saveRun(a);
        first.close();
        // The process dies here; a second attempt with the same resolved scenario finds the partial folder.
        RunDirectory second = RunDirectory.open(out, "demo", "name: demo\nseed: 1\n", null, NOW.plusMinutes(5), false);
        assertTrue(second.resumed());
        Map<Sweep.RunKey, RunResult> done = second.completedRuns(r -> true, System.err);
        assertEquals(Map.of(new Sweep.RunKey(0, 1), a), done, "values round-trip bit for bit");
        RunDirectory other = RunDirectory.open(out, "demo", "name: demo\nseed: 2\n", null, NOW, false);
        assertFalse(other.resumed(), "another resolved scenario starts afresh");
    }

    @Test
    void anExistingOutFolderIsRefusedBeforeAnythingIsWritten(@TempDir Path out) throws Exception {
        Path taken = Files.createDirectory(out.resolve("taken"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> RunDirectory.open(out, "demo", "x", taken, NOW, false));
        assertEquals("--out " + taken + " exists already; choose a new folder", e.getMessage());
        try (var files = Files.list(out)) {
            assertEquals(List.of(taken), files.toList());
        }
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedAtOnceNamingTheFirst(@TempDir Path out) {
        try (RunDirectory first = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> RunDirectory.open(out, "demo", "name: demo\n", null, NOW.plusSeconds(1), false));
            assertTrue(e.getMessage().startsWith(first.workDir() + " is being written by another run of this "
                    + "scenario with these settings (pid " + ProcessHandle.current().pid() + " on "), e.getMessage());
            assertTrue(e.getMessage().endsWith("); wait for it to finish"), e.getMessage());
        }
        RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false).close();
    }

    @Test
    void aSecondRunWithOtherSettingsIntoTheSameOutIsRefusedAtOnce(@TempDir Path out) throws Exception {
        Path x = out.resolve("x");
        try (RunDirectory first = RunDirectory.open(out, "demo", "name: demo\nseed: 1\n", x, NOW, false)) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> RunDirectory.open(out, "demo", "name: demo\nseed: 2\n", x, NOW, false));
            assertTrue(e.getMessage().startsWith("--out " + x + " is being written by another run (pid "), e.getMessage());
            assertTrue(e.getMessage().contains(first.workDir().toString()), e.getMessage());
            assertEquals(List.of(first.workDir()), list(out), "the refused run leaves nothing behind");
        }
    }

    @Test
    void twoRunsStartedInTheSameSecondGetTwoFolders(@TempDir Path out) {
        RunDirectory a = RunDirectory.open(out, "demo", "name: demo\nseed: 1\n", null, NOW, false);
        RunDirectory b = RunDirectory.open(out, "demo", "name: demo\nseed: 2\n", null, NOW, false);
        assertEquals(a.destination(), b.destination(), "both start with the same run id");
        Path first = a.commit();
        Path second = b.commit();
        assertEquals(out.resolve("demo").resolve("20261123-100000"), first);
        assertEquals(out.resolve("demo").resolve("20261123-100000-2"), second);
        assertTrue(Files.isRegularFile(first.resolve("scenario.yaml")) && Files.isRegularFile(second.resolve("scenario.yaml")));
        assertFalse(Files.exists(first.resolve(RunLock.FILE)), "the lock goes with the partial folder");
    }

    @Test
    void aSmokeRunsDefaultFolderSaysSmokeAndOutIsKeptAsGiven(@TempDir Path out) {
        try (RunDirectory smoke = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, true)) {
            assertEquals(out.resolve("demo").resolve("20261123-100000-smoke"), smoke.destination());
        }
        try (RunDirectory given = RunDirectory.open(out, "demo", "name: demo\n", out.resolve("check"), NOW, true)) {
            assertEquals(out.resolve("check"), given.destination());
        }
    }

    @Test
    void aPartialFolderThatIsASymbolicLinkIsRefusedAndNotFollowed(@TempDir Path out) throws Exception {
        Path partial;
        try (RunDirectory first = RunDirectory.open(out, "demo", "name: demo\n", out.resolve("x"), NOW, false)) {
            partial = first.workDir();
        }
        deleteTree(partial);
        Path elsewhere = Files.createDirectory(out.resolve("elsewhere"));
        Files.createSymbolicLink(partial, elsewhere);
        BadInputException e = assertThrows(BadInputException.class,
                () -> RunDirectory.open(out, "demo", "name: demo\n", out.resolve("x"), NOW, false));
        assertEquals(partial + " is a symbolic link (to " + elsewhere + "), where innerlab writes a run folder; "
                + "remove it (innerlab never writes through a link)", e.getMessage());
        assertEquals(List.of(), list(elsewhere), "nothing is written through the link");
    }

    @Test
    void aPartialFolderThatIsAFileIsRefused(@TempDir Path out) throws Exception {
        Path partial;
        try (RunDirectory first = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)) {
            partial = first.workDir();
        }
        deleteTree(partial);
        Files.writeString(partial, "mine");
        BadInputException e = assertThrows(BadInputException.class,
                () -> RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false));
        assertEquals(partial + " is a file, where innerlab writes a run folder; remove it or choose another folder",
                e.getMessage());
        assertEquals("mine", Files.readString(partial));
    }

    @Test
    void anOutThatIsASymbolicLinkIsRefusedEvenWhenDangling(@TempDir Path out) throws Exception {
        Path dangling = Files.createSymbolicLink(out.resolve("dangling"), out.resolve("nowhere"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> RunDirectory.open(out, "demo", "x", dangling, NOW, false));
        assertEquals("--out " + dangling + " is a symbolic link (to " + out.resolve("nowhere") + "); name a new folder",
                e.getMessage());
        Path toFolder = Files.createSymbolicLink(out.resolve("linked"), Files.createDirectory(out.resolve("real")));
        assertThrows(BadInputException.class, () -> RunDirectory.open(out, "demo", "x", toFolder, NOW, false));
        assertEquals(List.of(dangling, toFolder, out.resolve("real")).stream().sorted().toList(), list(out));
    }

    @Test
    void anOutUnderAFileOrWhereNothingCanBeWrittenIsOneLine(@TempDir Path out) throws Exception {
        Path file = Files.writeString(out.resolve("f"), "");
        BadInputException under = assertThrows(BadInputException.class,
                () -> RunDirectory.open(out, "demo", "x", file.resolve("sub"), NOW, false));
        assertEquals("--out " + file.resolve("sub") + ": cannot create the folder " + file + " (" + file
                + " is there and is not a folder); choose a folder you can write to", under.getMessage());
        BadInputException proc = assertThrows(BadInputException.class,
                () -> RunDirectory.open(out, "demo", "x", Path.of("/proc/x"), NOW, false));
        assertTrue(proc.getMessage().startsWith("cannot create /proc/.x.partial-"), proc.getMessage());
        assertTrue(proc.getMessage().endsWith("; choose a folder you can write to"), proc.getMessage());
    }

    @Test
    void anOutputRootOrScenarioFolderThatIsNotAFolderIsOneLine(@TempDir Path out) throws Exception {
        Path file = Files.writeString(out.resolve("file"), "");
        assertEquals("--output-root " + file + " is a file, not a folder; give a folder (or remove the file)",
                assertThrows(BadInputException.class,
                        () -> RunDirectory.open(file, "demo", "x", null, NOW, false)).getMessage());
        Files.writeString(out.resolve("demo"), "");
        assertEquals(out.resolve("demo") + " is a file, where innerlab writes a run folder; remove it or choose "
                + "another folder", assertThrows(BadInputException.class,
                        () -> RunDirectory.open(out, "demo", "x", null, NOW, false)).getMessage());
        Path dangling = Files.createSymbolicLink(out.resolve("gone"), out.resolve("nowhere"));
        Path loop = Files.createSymbolicLink(out.resolve("loop"), out.resolve("loop"));
        for (Path link : List.of(dangling, loop)) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> RunDirectory.open(out, link.getFileName().toString(), "x", null, NOW, false));
            assertTrue(e.getMessage().startsWith(link + " is a symbolic link (to "), e.getMessage());
        }
    }

    @Test
    void aNameTooLongForAFolderIsRefusedBeforeAnythingIsWritten(@TempDir Path out) throws Exception {
        String name = "a".repeat(256);
        assertEquals("the scenario name is 256 bytes long, more than a folder name may be (255); shorten 'name' "
                + "or give the folder with --out", assertThrows(BadInputException.class,
                        () -> RunDirectory.open(out, name, "x", null, NOW, false)).getMessage());
        Path longOut = out.resolve("b".repeat(240));
        assertEquals("--out " + longOut + ": its folder name is 240 bytes long, more than 233; choose a shorter name",
                assertThrows(BadInputException.class,
                        () -> RunDirectory.open(out, "demo", "x", longOut, NOW, false)).getMessage());
        assertEquals(List.of(), list(out));
        try (RunDirectory fits = RunDirectory.open(out, "demo", "x", out.resolve("b".repeat(233)), NOW, false)) {
            assertTrue(Files.isDirectory(fits.workDir()));
        }
    }

    @Test
    void aPartialFolderHoldingAnotherScenarioIsOneLine(@TempDir Path out) throws Exception {
        Path partial;
        try (RunDirectory first = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)) {
            partial = first.workDir();
        }
        Files.writeString(partial.resolve("scenario.yaml"), "name: other\n");
        assertEquals(partial + " holds another scenario; remove it to start afresh",
                assertThrows(BadInputException.class,
                        () -> RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)).getMessage());
    }

    @Test
    void aTamperedRunFileIsRunAgainAndNamedOnStderr(@TempDir Path out) throws Exception {
        RunResult good = new RunResult(0, 0, 7L, List.of(new MetricValue("test", "steps", 0.25)));
        Path runs;
        try (RunDirectory first = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)) {
            first.saveRun(good);
            for (int run = 1; run <= 5; run++) {
                first.saveRun(new RunResult(0, run, 7L, List.of(new MetricValue("test", "steps", 0.25),
                        new MetricValue("test", "got_coin", 1))));
            }
            runs = first.workDir().resolve("runs");
        }
        String whole = Files.readString(runs.resolve("p0-r1.run"));
        Files.writeString(runs.resolve("p0-r1.run"), whole.substring(0, whole.length() - 9));
        Files.writeString(runs.resolve("p0-r2.run"), whole.substring(0, whole.lastIndexOf("test\tgot_coin")));
        Files.writeString(runs.resolve("p0-r3.run"), "garbage");
        Files.writeString(runs.resolve("p0-r4.run"), whole.replaceFirst("^0\t1", "0\t0"));
        Files.write(runs.resolve("p0-r5.run"), new byte[] {(byte) 0xff, 0, (byte) 0xfe, 1});
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RunDirectory second = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)) {
            Map<Sweep.RunKey, RunResult> done = second.completedRuns(r -> r.seed() == 7L,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(Map.of(new Sweep.RunKey(0, 0), good), done, "only the untouched run is kept");
        }
        List<String> said = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, said.size(), String.join("\n", said));
        for (String line : said) {
            assertTrue(line.startsWith("innerlab: " + runs) && line.endsWith("; running it again"), line);
        }
        assertTrue(said.stream().anyMatch(l -> l.contains("p0-r4.run is not a finished run of this sweep: it holds "
                + "run 0 of point 0")), String.join("\n", said));
        assertTrue(said.stream().anyMatch(l -> l.contains("p0-r5.run is not a finished run of this sweep: it is not "
                + "UTF-8 text")), String.join("\n", said));
    }

    @Test
    void aRunFileOfAnotherSweepOrSeedIsRunAgain(@TempDir Path out) {
        try (RunDirectory first = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)) {
            first.saveRun(new RunResult(0, 0, 8L, List.of()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RunDirectory second = RunDirectory.open(out, "demo", "name: demo\n", null, NOW, false)) {
            assertEquals(Map.of(), second.completedRuns(r -> r.seed() == 7L, new PrintStream(err, true,
                    StandardCharsets.UTF_8)));
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("p0-r0.run is not a finished run of this sweep: it is "
                + "not a run of this sweep with the seed that run draws; running it again"), err.toString());
    }

    private static List<Path> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
