package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.innerlab.core.BadInputException;
import org.innerlab.lab.Experiment;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder read back, and the one line that names a damaged file in it. */
class RunFolderTest {
    private static final String SCENARIO = """
            name: read-back
            seed: 2
            environment: { id: coinrun-lite-v1, params: { width: 8 } }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 200 } ]
            evaluation: { episodes: 2 }
            """;
    private static final String DAMAGED = "; the run folder is damaged: restore the file, or run its scenario.yaml again";

    @TempDir
    static Path tmp;
    static Path folder;

    @BeforeAll
    static void run() throws Exception {
        folder = Experiment.run(ScenarioLoader.load(Files.writeString(tmp.resolve("s.yaml"), SCENARIO), List.of()),
                new Experiment.Options(1, tmp, tmp.resolve("out"), List.of("test")), (sweep, done) -> (r, f, t) -> { },
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** A copy of the run folder to damage. */
    private static Path copy(Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void anIntactFolderReadsBack() throws Exception {
        RunFolder read = RunFolder.read(folder);
        assertEquals("read-back", read.scenario().name());
        assertEquals(1, read.runs().size());
    }

    @Test
    void aTruncatedManifestIsOneLineNamingTheFile(@TempDir Path to) throws Exception {
        Path dir = copy(to);
        Path manifest = dir.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.indexOf("\"threads\"")));
        BadInputException e = assertThrows(BadInputException.class, () -> RunFolder.read(dir));
        assertEquals(manifest + ": it ends early, at line " + text.substring(0, text.indexOf("\"threads\"")).lines().count()
                + ", column 3" + DAMAGED, e.getMessage());
        Files.writeString(manifest, "{\"points\": [}");
        assertEquals(manifest + ": it is not valid JSON at line 1, column 13" + DAMAGED,
                assertThrows(BadInputException.class, () -> RunFolder.read(dir)).getMessage());
    }

    @Test
    void aBinaryRunsCsvIsOneLineNamingTheFileAndTheByte(@TempDir Path to) throws Exception {
        Path dir = copy(to);
        Path runs = dir.resolve("runs.csv");
        byte[] bytes = Files.readAllBytes(runs);
        byte[] binary = Arrays.copyOf(bytes, bytes.length + 3);
        binary[bytes.length] = (byte) 0xc3;
        binary[bytes.length + 1] = (byte) 0x28;
        Files.write(runs, binary);
        assertEquals(runs + ": it is not UTF-8 text (byte " + bytes.length + " is not)" + DAMAGED,
                assertThrows(BadInputException.class, () -> RunFolder.read(dir)).getMessage());
    }
}
