package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@code --set} overrides on a shipped scenario: the input's lines are the {@code --set}
 * arguments, in order. Every list either yields a valid scenario or is refused with a one-line
 * {@link ScenarioException} naming the {@code --set} argument or the place in the file it conflicts
 * with, within 30 seconds. Any other exception is a finding. The base file is read into its tree once:
 * the input is the overrides, and reading the unchanging file again on every input took most of each
 * execution (the reader itself is fuzzed by {@link ScenarioLoaderFuzzTest}); the steps after reading are
 * those of {@link ScenarioLoader#parse}.
 */
class SetOverrideFuzzTest {
    private static final Path BASE = Path.of("scenarios", "absent-supervisor.yaml");
    private static final Node BASE_TREE = YamlReader.read(read(BASE), BASE.toString());

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("the fuzz test's base scenario " + file + " is missing", e);
        }
    }

    @FuzzTest(maxExecutions = 100_000)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everySetLoadsOrIsRefusedNamingTheArgument(byte[] input) {
        List<String> sets = new String(input, StandardCharsets.UTF_8).lines().toList();
        try {
            new ScenarioSchema(EnvSpecLookup.registry(), null).scenario(ScenarioLoader.applySets(BASE_TREE, sets));
        } catch (ScenarioException e) {
            assertTrue(e.getMessage().startsWith("--set ") || e.getMessage().startsWith(BASE + ":"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
