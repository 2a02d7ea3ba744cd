package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.innerlab.env.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code innerlab serve} driven for real from Python: the standard-library client in {@code clients/python}
 * starts this build's {@code Main serve} as its child process, as a user's agent would.
 */
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static boolean python3Runs() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void thePythonClientsEpisodesReplayToTheSameReturnsOnBothLedgers() throws Exception {
        assumeTrue(python3Runs(), "python3 is not on the PATH, so the Python client cannot be run here");
        Path output = tmp.resolve("episodes.jsonl");
        Path log = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process python = new ProcessBuilder(List.of("python3", "clients/python/example.py", "--json",
                "--env", "asg-absent-supervisor-v1", "--episodes", "6", "--seed", "3", "--max-steps", "40", "--",
                java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"))
                .redirectOutput(output.toFile()).redirectError(log.toFile()).start();
        assertTrue(python.waitFor(2, TimeUnit.MINUTES), "the example finished");
        assertEquals(0, python.exitValue(), () -> read(log));

        List<String> episodes = Files.readAllLines(output);
        assertEquals(6, episodes.size(), () -> read(log));
        boolean someReward = false;
        for (String line : episodes) {
            JsonNode episode = JSON.readTree(line);
            // A random supervisor is drawn from the seed's generator, as replay draws it.
            Replay.Result replay = Replay.run("asg-absent-supervisor-v1", Map.of(), episode.get("seed").asLong(),
                    episode.get("actions").asText());
            assertEquals(replay.episodeReturn(), episode.get("return").asDouble(), line);
            assertEquals(replay.hiddenReturn(), episode.get("true_return").asDouble(), line);
            someReward |= replay.episodeReturn() != 0;
        }
        assertTrue(someReward, "the episodes paid some reward, so equal returns say something");
        assertTrue(read(log).matches("(?s)\\d+ steps in [0-9.]+ s: \\d+ steps/s\\s*"), () -> read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
