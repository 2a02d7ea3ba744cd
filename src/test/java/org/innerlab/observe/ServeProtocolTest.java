package org.innerlab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ec.util.MersenneTwisterFast;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Replay;
import org.junit.jupiter.api.Test;

class ServeProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ABSENT_SUPERVISOR = "{\"op\":\"make\",\"env\":\"asg-absent-supervisor-v1\","
            + "\"params\":{\"supervisor\":\"present\"},\"board\":true,\"true_reward\":true}";

    /** The responses to a session given as raw bytes, each parsed as JSON. */
    private static List<JsonNode> session(byte[] requests) throws IOException {
        List<String> lines = new ArrayList<>();
        ServeProtocol.serve(new ByteArrayInputStream(requests), lines::add);
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(JSON.readTree(line));
        }
        return parsed;
    }

    private static List<JsonNode> session(String... requests) throws IOException {
        return session((String.join("\n", requests) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String step(int action) {
        return "{\"op\":\"step\",\"action\":" + action + "}";
    }

    @Test
    void theSameSeedAndActionsGiveTheSameResponses() throws IOException {
        String[] requests = {"{\"op\":\"make\",\"env\":\"coinrun-lite-v1\",\"params\":{\"random_coin_percent\":50},"
                + "\"encoder\":\"egocentric\",\"board\":true,\"true_reward\":true}",
            "{\"op\":\"reset\",\"seed\":11}", step(1), step(2), step(1), step(1), step(3), step(1)};
        List<JsonNode> first = session(requests);
        assertEquals(first, session(requests));
        assertEquals(8, first.size());
        first.forEach(response -> assertFalse(response.has("error"), response::toString));
    }

    @Test
    void stepsAnswerBothLedgersTheBoardAndEventsAsReplayDoes() throws IOException {
        // Through the punishment tile to the goal: the observed return pays the shortcut only unsupervised.
        String actions = "ddd";
        List<String> requests = new ArrayList<>(List.of(ABSENT_SUPERVISOR, "{\"op\":\"reset\",\"seed\":3}"));
        for (int i = 0; i < actions.length(); i++) {
            requests.add(step(1));
        }
        List<JsonNode> responses = session(requests.toArray(String[]::new));
        Replay.Result replay = Replay.run("asg-absent-supervisor-v1", Map.of("supervisor", "present"), 3, actions);

        assertEquals(JSON.valueToTree(replay.startBoard()), responses.get(1).get("observation").get("board"));
        assertEquals("present", responses.get(1).get("info").get("settings").get("supervisor").asText());
        for (int t = 0; t < replay.steps().size(); t++) {
            Replay.Step expected = replay.steps().get(t);
            JsonNode step = responses.get(2 + t);
            assertEquals(expected.observedReward(), step.get("reward").asDouble());
            assertEquals(expected.trueReward(), step.get("true_reward").asDouble());
            assertEquals(expected.terminated(), step.get("terminated").asBoolean());
            assertEquals(expected.truncated(), step.get("truncated").asBoolean());
            assertEquals(JSON.valueToTree(expected.events()), step.get("events"));
            assertEquals(JSON.valueToTree(expected.board()), step.get("observation").get("board"));
        }
    }

    @Test
    void theTrueRewardIsAnsweredOnlyWhenTheMakeAskedForIt() throws IOException {
        List<JsonNode> hidden = session("{\"op\":\"make\",\"env\":\"asg-absent-supervisor-v1\"}",
                "{\"op\":\"reset\",\"seed\":0}", step(3));
        assertFalse(hidden.get(2).has("true_reward"), hidden.get(2)::toString);
        assertTrue(hidden.get(2).has("reward"));
        List<JsonNode> shown = session(ABSENT_SUPERVISOR, "{\"op\":\"reset\",\"seed\":0}", step(3));
        assertTrue(shown.get(2).has("true_reward"));
    }

    @Test
    void theObservationIsTheEncodersFeaturesInFull() throws IOException {
        List<JsonNode> responses = session("{\"op\":\"make\",\"env\":\"coinrun-lite-v1\",\"encoder\":\"egocentric\","
                + "\"view_radius\":1}", "{\"op\":\"reset\",\"seed\":5}");
        Environment env = EnvRegistry.create("coinrun-lite-v1", Map.of());
        Encoder encoder = new EgocentricEncoder(env.spec(), env.view(), 1, List.of());
        env.reset(new MersenneTwisterFast(5));
        SparseVector expected = new SparseVector(encoder.dimension(), encoder.maxActive());
        encoder.encode(env, expected);
        double[] dense = new double[encoder.dimension()];
        for (int k = 0; k < expected.size; k++) {
            dense[expected.index[k]] = expected.value[k];
        }

        JsonNode made = responses.get(0);
        assertEquals(encoder.dimension(), made.get("feature_dimension").asInt());
        assertEquals(encoder.featureName(0), made.get("feature_names").get(0).asText());
        assertEquals(JSON.valueToTree(dense), responses.get(1).get("observation").get("features"));
        assertFalse(responses.get(1).get("observation").has("board"), "the board only when asked");
    }

    @Test
    void aBadLineIsAnsweredWithItsErrorAndTheSessionGoesOn() throws IOException {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        requests.writeBytes(("{\"op\":\"step\",\"action\":0}\n" + ABSENT_SUPERVISOR + "\n"
                + "{\"op\":\"reset\",\"seed\":1,\"seed\":2}\n{\"op\":\"reset\",\"seed\":\"1\"}\n{\"op\":\"jump\"}\n"
                + "{\"op\":\"reset\",\"seed\":1}\n{\"op\":\"step\",\"action\":4}\n{\"op\":\"step\",\"actoin\":1}\n"
                + "{\"op\":\"step\",\"action\":1} {}\n{\"op\":\"st").getBytes(StandardCharsets.UTF_8));
        requests.write(0xC3);  // a lead byte followed by an ASCII letter: malformed
        requests.writeBytes("ep\"}\n{\"op\":\"step\",\"action\":1}\n".getBytes(StandardCharsets.UTF_8));
        List<String> errors = session(requests.toByteArray()).stream()
                .map(r -> r.has("error") ? r.get("error").asText() : "ok").toList();
        assertEquals(List.of(
                "no environment to step; send {\"op\":\"make\",\"env\":ID} first",
                "ok",
                "not JSON: Duplicate field 'seed' (column 30)",
                "\"seed\" must be a whole number (64 bits), got \"1\"",
                "unknown op 'jump'; an op is make, reset, step or close",
                "ok",
                "action 4 is not one of 0..3 [UP, DOWN, LEFT, RIGHT]",
                "unknown key 'actoin' for op step; it takes action",
                "text after the request at column 26; give one JSON object per line",
                "not UTF-8: byte 0xC3 at byte 10 of the line; save the file as UTF-8",
                "ok"), errors);
    }

    @Test
    void aStepAfterTheEpisodeEndedAsksForAReset() throws IOException {
        // Down three times onto the goal ends the episode (terminated).
        List<JsonNode> responses = session(ABSENT_SUPERVISOR, "{\"op\":\"reset\",\"seed\":0}", step(1), step(1),
                step(1), step(1), step(1), step(1), "{\"op\":\"reset\"}", step(1));
        int ended = 2;
        while (!responses.get(ended).path("terminated").asBoolean()) {
            ended++;
        }
        assertEquals("the episode is over; send a reset before the next step",
                responses.get(ended + 1).get("error").asText());
        JsonNode afterReset = responses.get(responses.size() - 1);
        assertFalse(afterReset.has("error"), afterReset::toString);
    }

    @Test
    void closeEndsTheSessionWithoutReadingFurther() throws IOException {
        // A client may wait for the server's exit without ending its input: nothing after close is read.
        InputStream unread = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("read after close");
            }
        };
        List<String> responses = new ArrayList<>();
        ServeProtocol.serve(new SequenceInputStream(new ByteArrayInputStream(
                (ABSENT_SUPERVISOR + "\n{\"op\":\"close\"}\n").getBytes(StandardCharsets.UTF_8)), unread), responses::add);
        assertEquals(2, responses.size());
        assertEquals("{\"closed\":true}", responses.get(1));
    }
}
