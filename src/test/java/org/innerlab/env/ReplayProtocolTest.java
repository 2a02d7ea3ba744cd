package org.innerlab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.env.ReplayProtocol.Format;
import org.junit.jupiter.api.Test;

class ReplayProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\"}";

    /** The answers to a batch given as raw bytes, each parsed as JSON. */
    private static List<JsonNode> answers(byte[] batch) throws IOException {
        List<String> lines = new ArrayList<>();
        ReplayProtocol.answerAll(new ByteArrayInputStream(batch), 0, Format.json, lines::add);
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }

    private static byte[] bytes(String... parts) {
        return String.join("", parts).getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(String line) {
        return assertThrows(IllegalArgumentException.class, () -> ReplayProtocol.parseRequest(line)).getMessage();
    }

    @Test
    void anInvalidUtf8ByteIsAnErrorOfItsLineOnlyAndTheBatchGoesOn() throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        batch.writeBytes(bytes(GOOD, "\n"));
        batch.writeBytes(bytes("{\"env\": \"asg-boat-race-v1\", \"actions\": \"r"));
        batch.write(0xC3);  // a lead byte followed by an ASCII letter: malformed
        batch.writeBytes(bytes("r\"}\n", GOOD, "\n"));
        List<JsonNode> answers = answers(batch.toByteArray());
        assertEquals(3, answers.size());
        assertFalse(answers.get(0).has("error"));
        assertEquals(2, answers.get(1).get("line").asInt());
        assertEquals("not UTF-8: byte 0xC3 at byte 42 of the line; save the file as UTF-8",
                answers.get(1).get("error").asText());
        assertFalse(answers.get(2).has("error"));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        batch.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        batch.writeBytes(bytes(GOOD, "\r\n", GOOD, "\r\n"));
        List<JsonNode> answers = answers(batch.toByteArray());
        assertEquals(2, answers.size());
        assertEquals("asg-boat-race-v1", answers.get(0).get("env").asText());
        assertEquals("asg-boat-race-v1", answers.get(1).get("env").asText());
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedAndTheNextIsAnswered() throws IOException {
        String huge = "{\"env\": \"asg-boat-race-v1\", \"actions\": \"" + "r".repeat(RequestLines.MAX_LINE_BYTES) + "\"}";
        List<JsonNode> answers = answers(bytes(huge, "\n", GOOD, "\n"));
        assertEquals(2, answers.size());
        assertEquals(1, answers.get(0).get("line").asInt());
        assertTrue(answers.get(0).get("error").asText().startsWith("line longer than 1048576 bytes"),
                answers.get(0).toString());
        assertFalse(answers.get(1).has("error"));
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedNotConverted() {
        String head = "{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\", ";
        assertEquals("\"seed\" must be a whole number (64 bits), got \"abc\"", refusal(head + "\"seed\": \"abc\"}"));
        assertEquals("\"seed\" must be a whole number (64 bits), got \"7\"", refusal(head + "\"seed\": \"7\"}"));
        assertEquals("\"seed\" must be a whole number (64 bits), got 1.5", refusal(head + "\"seed\": 1.5}"));
        assertEquals("\"seed\" must be a whole number (64 bits), got {}", refusal(head + "\"seed\": {}}"));
        assertEquals("\"seed\" must be a whole number (64 bits), got true", refusal(head + "\"seed\": true}"));
        assertEquals("\"seed\" must be a whole number (64 bits), got 99999999999999999999",
                refusal(head + "\"seed\": 99999999999999999999}"));
        assertEquals("\"level\" must be a string, got 5", refusal(head + "\"level\": 5}"));
        assertEquals("\"level\" must be a string, got []", refusal(head + "\"level\": []}"));
        assertEquals("request needs a string \"actions\"", refusal("{\"env\": \"asg-boat-race-v1\", \"actions\": 7}"));
        assertEquals("\"settings\" must be an object", refusal(head + "\"settings\": [1]}"));
        ReplayProtocol.Request nested = ReplayProtocol.parseRequest(head + "\"settings\": {\"x\": [1]}}");
        assertEquals("setting 'x' must be a string, number or boolean, got [1]",
                assertThrows(IllegalArgumentException.class, nested::overrides).getMessage());
    }

    @Test
    void wellTypedValuesAreKeptExactly() {
        ReplayProtocol.Request r = ReplayProtocol.parseRequest("{\"env\": \"e\", \"actions\": \"rr\", \"seed\": -9007199254740993,"
                + " \"level\": \"l\", \"settings\": {\"a\": 3, \"b\": 0.25, \"c\": true, \"d\": \"x\"}}");
        assertEquals(-9007199254740993L, r.seed());
        assertEquals(Map.of("a", 3L, "b", 0.25, "c", true, "d", "x", "level", "l"), r.overrides());
        ReplayProtocol.Request bare = ReplayProtocol.parseRequest("{\"env\": \"e\", \"actions\": \"\", \"seed\": null}");
        assertNull(bare.seed());
        assertEquals(Map.of(), bare.overrides());
    }

    @Test
    void duplicateKeysTrailingTextAndUnknownKeysAreRefused() {
        assertEquals("not JSON: Duplicate field 'seed' (column 63)",
                refusal("{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\", \"seed\": 1, \"seed\": 2}"));
        assertEquals("text after the request at column 46; give one JSON object per line", refusal(GOOD + " {}"));
        assertTrue(refusal(GOOD + " x").startsWith("not JSON: Unrecognized token 'x'"), refusal(GOOD + " x"));
        assertEquals("unknown key 'sead'; a request has the keys env, level, settings, actions and seed",
                refusal("{\"env\": \"asg-boat-race-v1\", \"actions\": \"rr\", \"sead\": 1}"));
        assertEquals("a request must be a JSON object", refusal("[1, 2]"));
        assertEquals("a request must be a JSON object", refusal("7"));
    }
}
