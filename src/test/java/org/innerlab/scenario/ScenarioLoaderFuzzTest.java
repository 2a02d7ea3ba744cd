package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the scenario loader with arbitrary bytes as a scenario file: every file either loads or is
 * refused with a {@link ScenarioException} whose one-line message starts with the file's name (and a
 * position where the file has one), within 30 seconds per file. Any other exception is a finding.
 * Runs its corpus ({@code ScenarioLoaderFuzzTestInputs/}) in every build; {@code .ci/fuzz} fuzzes it.
 */
class ScenarioLoaderFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxExecutions = 100_000)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyFileLoadsOrIsRefusedWithItsLocation(byte[] contents) throws IOException {
        Path file = dir.resolve("fuzzed.yaml");
        Files.write(file, contents);
        try {
            ScenarioLoader.load(file, List.of());
        } catch (ScenarioException e) {
            assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
