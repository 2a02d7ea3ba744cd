package org.innerlab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.innerlab.env.ReplayProtocol.Format;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@code replay --batch} with arbitrary bytes as the batch file: every input is answered, line
 * by line, with a replay or an {@code {"line": n, "error": "..."}} object, each one line of JSON, and
 * the failures counted are exactly the error objects; nothing escapes {@link ReplayProtocol#answerAll},
 * and a batch is answered within 30 seconds.
 */
class ReplayRequestFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxExecutions = 100_000)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyLineIsAnsweredWithAReplayOrItsError(byte[] batch) throws IOException {
        List<JsonNode> answers = new ArrayList<>();
        int failures = ReplayProtocol.answerAll(new ByteArrayInputStream(batch), 0, Format.json, answer -> {
            assertTrue(!answer.contains("\n"), answer);
            try {
                answers.add(JSON.readTree(answer));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int errors = 0;
        for (JsonNode answer : answers) {
            if (answer.has("error")) {
                errors++;
                assertTrue(answer.get("line").asInt() >= 1, answer.toString());
                assertTrue(!answer.get("error").asText().isBlank(), answer.toString());
            } else {
                assertTrue(answer.has("steps"), answer.toString());
            }
        }
        assertEquals(errors, failures);
    }
}
