package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.innerlab.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's one error path: every failure is one line on stderr; bad input and argument
 * errors exit 2, anything else exits 1 with its stack trace in a log file, or on stderr under --debug.
 */
class FailureLineTest {
    private static final Pattern LOG = Pattern.compile("full trace in (\\S+innerlab-error-\\S+\\.log) \\(or rerun with --debug\\)$");

    @TempDir
    Path tmp;

    /** A command that fails the way it is told to, to drive the error path with any failure. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final Throwable failure;

        Failing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    private static RunCommandTest.Outcome failing(Throwable failure, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.addSubcommand(new CommandLine(new Failing(failure)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new RunCommandTest.Outcome(code, out.toString(), err.toString());
    }

    /** The one line on stderr; fails unless there is exactly one. */
    static String oneLine(RunCommandTest.Outcome o) {
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr:\n" + o.err());
        return lines.get(0);
    }

    @Test
    void argumentErrorsAreOneLineWithWhereTheHelpIsNotTheUsage() {
        String[][] cases = {
            {"innerlab run", "Unknown option: '--no-such-option'", "run", "x.yaml", "--no-such-option"},
            {"innerlab run", "Invalid value for option '--threads': 'abc' is not an int", "run", "x.yaml", "--threads", "abc"},
            {"innerlab run", "Invalid value for option '--seeds': '99999999999' is not an int", "run", "x.yaml", "--seeds", "99999999999"},
            {"innerlab run", "Invalid value for option '--seed': 'abc' is not a long", "run", "x.yaml", "--seed", "abc"},
            {"innerlab run", "Unmatched argument at index 2: 'y.yaml'", "run", "x.yaml", "y.yaml"},
            {"innerlab run", "Missing required parameter: 'SCENARIO'", "run"},
            {"innerlab", "unknown command 'rnu'; the commands are run, runs, merge, slurm, report, compare,", "rnu"},
            {"innerlab replay", "expected one of [json, text] (case-sensitive) but was 'xml'", "replay", "asg-boat-race-v1",
                "--actions", "r", "--format", "xml"},
            {"innerlab compare", "Missing required parameter: 'B'", "compare", "only-one"},
            {"innerlab plot", "--where zz is not KEY=VALUE", "plot", "folder", "--x", "a", "--y", "b", "--where", "zz"},
        };
        for (String[] c : cases) {
            RunCommandTest.Outcome o = RunCommandTest.innerlab(java.util.Arrays.copyOfRange(c, 2, c.length));
            assertEquals(2, o.exitCode(), o.err());
            String line = oneLine(o);
            assertTrue(line.startsWith(c[0] + ": "), line);
            assertTrue(line.contains(c[1]), "«" + c[1] + "» in " + line);
            assertTrue(line.endsWith("; see '" + c[0] + " --help'"), line);
            assertEquals("", o.out());
        }
    }

    @Test
    void aMistypedOptionSuggestsTheOneMeant() {
        String line = oneLine(RunCommandTest.innerlab("run", "x.yaml", "--thread", "2"));
        assertTrue(line.contains("(did you mean --threads?)"), line);
    }

    /** The trace log the line names, read and deleted; fails when the line names none. */
    private static String takeTraceLog(String line) throws Exception {
        Matcher log = LOG.matcher(line);
        assertTrue(log.find(), line);
        Path file = Path.of(log.group(1));
        try {
            return Files.readString(file);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void badInputIsItsMessageAfterTheCommandAndExitsTwo() {
        RunCommandTest.Outcome o = failing(new BadInputException("the thing is wrong; do this"), "fail");
        assertEquals(2, o.exitCode());
        assertEquals("innerlab fail: the thing is wrong; do this", oneLine(o));
    }

    @Test
    void badInputOnAWorkerThreadIsStillBadInput() {
        RunCommandTest.Outcome o = failing(new ExecutionException(new BadInputException("a point is wrong; fix it")), "fail");
        assertEquals(2, o.exitCode());
        assertEquals("innerlab fail: a point is wrong; fix it", oneLine(o));
    }

    @Test
    void aMessageOfSeveralLinesIsPrintedAsOne() {
        RunCommandTest.Outcome o = failing(new BadInputException("first\n  second\r\nthird"), "fail");
        assertEquals("innerlab fail: first second third", oneLine(o));
    }

    @Test
    void anInternalFailureIsOneLineExitOneWithTheTraceInALogFile() throws Exception {
        RunCommandTest.Outcome o = failing(new IllegalStateException("the impossible happened"), "fail");
        assertEquals(1, o.exitCode());
        String line = oneLine(o);
        assertTrue(line.startsWith("innerlab fail: internal error: IllegalStateException: the impossible happened; "), line);
        String trace = takeTraceLog(line);
        assertTrue(trace.startsWith("innerlab fail\n"), trace);
        assertTrue(trace.contains("java.lang.IllegalStateException: the impossible happened"), trace);
        assertTrue(trace.contains("\tat org.innerlab.cli.FailureLineTest."), trace);
    }

    @Test
    void debugPrintsTheStackTraceOnStderrBeforeOrAfterTheCommand() {
        for (String[] args : List.of(new String[] {"--debug", "fail"}, new String[] {"fail", "--debug"})) {
            RunCommandTest.Outcome o = failing(new IllegalStateException("the impossible happened"), args);
            assertEquals(1, o.exitCode());
            List<String> lines = o.err().lines().toList();
            assertEquals("innerlab fail: internal error: IllegalStateException: the impossible happened; "
                    + "the stack trace follows", lines.get(0));
            assertEquals("java.lang.IllegalStateException: the impossible happened", lines.get(1));
            assertTrue(lines.get(2).startsWith("\tat org.innerlab.cli.FailureLineTest."), o.err());
        }
    }

    @Test
    void anErrorSuchAsRunningOutOfMemoryTakesTheSamePath() throws Exception {
        RunCommandTest.Outcome o = failing(new OutOfMemoryError("Java heap space"), "fail");
        assertEquals(1, o.exitCode());
        String line = oneLine(o);
        assertTrue(line.startsWith("innerlab fail: internal error: OutOfMemoryError: Java heap space; full trace in "), line);
        assertTrue(takeTraceLog(line).contains("java.lang.OutOfMemoryError: Java heap space"));
    }

    @Test
    void aFullDiskIsAnInternalFailureInOneLineWithoutATrace() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "needs Linux's /dev/full, a device every write to fails with 'no space left'");
        // A page of the reference is a link to the full device, so writing it fails as on a full disk.
        Path pages = Files.createDirectory(tmp.resolve("reference"));
        Files.createSymbolicLink(pages.resolve("learners.md"), full);
        RunCommandTest.Outcome o = RunCommandTest.innerlab("reference", pages.toString());
        assertEquals(1, o.exitCode());
        String line = oneLine(o);
        assertTrue(line.startsWith("innerlab reference: internal error: IOException: No space left on device; "), line);
        assertFalse(o.err().contains("\tat "), o.err());
        assertTrue(takeTraceLog(line).contains("java.io.IOException: No space left on device"));
    }
}
