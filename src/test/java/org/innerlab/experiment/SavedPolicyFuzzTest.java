package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the policy reader with arbitrary bytes as a policy file: {@link SavedPolicy#read} either
 * returns a policy or throws an {@link IOException} whose one-line message starts with the file's
 * name, within 30 seconds per file. Any other exception (a number format, an array size, an
 * out-of-memory) is a finding.
 */
class SavedPolicyFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxExecutions = 100_000)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyFileIsReadOrRefusedWithItsLocation(byte[] contents) throws IOException {
        Path file = dir.resolve("fuzzed.policy");
        Files.write(file, contents);
        try {
            SavedPolicy.read(file);
        } catch (IOException e) {
            assertTrue(e.getMessage() != null && e.getMessage().startsWith(file.toString()), String.valueOf(e));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
