package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {

    private static String error(Path file) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(), TestScenarios.SPECS))
                .getMessage();
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(5_000_000_000L); // reading it whole would not fit in an array
        }
        assertEquals(file + ": (document): the file has 5000000000 bytes, more than 1048576 (1 MiB), the limit for a"
                + " scenario; a scenario is a few kilobytes; check that this is the right file", error(file));
    }

    @Test
    void aFileOfExactlyTheLimitIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.yaml");
        StringBuilder text = new StringBuilder(MINIMAL).append("description: |\n");
        while (text.length() < YamlReader.MAX_BYTES - 101) {
            text.append("  ").append("words ".repeat(16)).append('\n');
        }
        text.append("#".repeat(YamlReader.MAX_BYTES - text.length() - 1)).append('\n');
        Files.writeString(file, text);
        assertEquals(YamlReader.MAX_BYTES, Files.size(file));
        assertEquals("minimal", ScenarioLoader.load(file, List.of(), TestScenarios.SPECS).name());
    }

    @Test
    void aLatin1FileSaysItIsNotUtf8AndWhereTheFirstBadByteIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, (MINIMAL + "description: café\n").getBytes(StandardCharsets.ISO_8859_1));
        int offset = MINIMAL.length() + "description: caf".length();
        assertEquals(file + ":9:17: (document): the file is not UTF-8: byte 0xE9 at byte offset " + offset
                + "; save it as UTF-8", error(file));
    }

    @Test
    void aUtf16FileSaysItLooksLikeUtf16WithOrWithoutAByteOrderMark(@TempDir Path dir) throws IOException {
        Path marked = dir.resolve("bom16.yaml");
        Files.write(marked, MINIMAL.getBytes(StandardCharsets.UTF_16));
        assertEquals(marked + ":1:1: (document): the file is not UTF-8: byte 0xFE at byte offset 0 (the file looks"
                + " like UTF-16); save it as UTF-8", error(marked));
        Path unmarked = dir.resolve("le16.yaml");
        Files.write(unmarked, MINIMAL.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(unmarked + ":1:2: (document): the file is not UTF-8: byte 0x00 at byte offset 1 (the file"
                + " looks like UTF-16); save it as UTF-8", error(unmarked));
    }

    @Test
    void aUtf8ByteOrderMarkIsAcceptedAndColumnsCountFromTheFirstCharacter(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_8));
        assertEquals("minimal", ScenarioLoader.load(file, List.of(), TestScenarios.SPECS).name());
        Files.write(file, ("\uFEFFnam: x\n" + MINIMAL.substring(MINIMAL.indexOf('\n') + 1))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(file + ":1:1: nam: unknown key 'nam'; did you mean 'name'?", error(file));
    }
}
