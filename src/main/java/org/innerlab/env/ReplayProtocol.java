package org.innerlab.env;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The replay protocol: how a {@link Replay} is asked for and answered, for scripts and for people.
 *
 * <p>A request is one JSON object per line, {@code {"env", "level", "settings", "actions", "seed"}}
 * ({@code env} and {@code actions} required; {@code settings} an object of strings, numbers and
 * booleans). An answer is the documented JSON shape of {@link #json} (scripts rely on its names) or
 * the text of {@link #text}; a request that fails is answered {@code {"line": n, "error": "..."}} and
 * the batch goes on. This is the one place replay speaks JSON.
 */
public final class ReplayProtocol {
    /** How answers are written. */
    public enum Format { json, text }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayProtocol() {
    }

    /**
     * The answer to one replay, without a final line break: text, or JSON (indented when {@code pretty},
     * else on one line).
     */
    public static String answer(Replay.Result r, long usedSeed, Format format, boolean pretty) {
        if (format == Format.text) {
            return text(r, usedSeed);
        }
        try {
            return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(r, usedSeed))
                    : JSON.writeValueAsString(json(r, usedSeed));
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always serialises; only a bug could get here.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers every request of {@code requests} (one per line; blank lines skipped) in order, each answer
     * on one line (JSON) or as one block (text), and returns how many requests failed.
     *
     * @param defaultSeed the seed of requests that name none
     * @param answers     told each answer, without a final line break
     */
    public static int answerAll(Path requests, long defaultSeed, Format format, Consumer<String> answers)
            throws IOException {
        int failures = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(requests, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode request = parseRequest(line);
                    Map<String, Object> overrides = new LinkedHashMap<>();
                    JsonNode given = request.path("settings");
                    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        overrides.put(e.getKey(), scalar(e.getKey(), e.getValue()));
                    }
                    if (request.hasNonNull("level")) {
                        overrides.put("level", request.get("level").asText());
                    }
                    long requestSeed = request.hasNonNull("seed") ? request.get("seed").asLong() : defaultSeed;
                    answers.accept(answer(Replay.run(request.get("env").asText(), overrides, requestSeed,
                            request.get("actions").asText()), requestSeed, format, false));
                } catch (IllegalArgumentException e) {
                    failures++;
                    ObjectNode error = JSON.createObjectNode();
                    error.put("line", lineNumber);
                    error.put("error", e.getMessage());
                    answers.accept(error.toString());
                }
            }
        }
        return failures;
    }

    private static JsonNode parseRequest(String line) {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (!request.isObject()) {
            throw new IllegalArgumentException("a request must be a JSON object");
        }
        for (String required : List.of("env", "actions")) {
            if (!request.hasNonNull(required) || !request.get(required).isTextual()) {
                throw new IllegalArgumentException("request needs a string \"" + required + "\"");
            }
        }
        JsonNode given = request.path("settings");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            throw new IllegalArgumentException("\"settings\" must be an object");
        }
        return request;
    }

    private static Object scalar(String key, JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        throw new IllegalArgumentException("setting '" + key + "' must be a string, number or boolean, got " + v);
    }

    /** The documented JSON shape of a replay; scripts rely on these names. */
    private static ObjectNode json(Replay.Result r, long usedSeed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("env", r.env());
        root.put("level", r.level());
        root.set("settings", JSON.valueToTree(r.settings()));
        root.put("seed", usedSeed);
        root.set("start_board", JSON.valueToTree(r.startBoard()));
        ArrayNode steps = root.putArray("steps");
        for (Replay.Step s : r.steps()) {
            ObjectNode step = steps.addObject();
            step.put("action", s.action());
            step.put("observed_reward", s.observedReward());
            step.put("true_reward", s.trueReward());
            step.put("cumulative_true_reward", s.cumulativeTrueReward());
            step.put("discount", s.discount());
            step.put("terminated", s.terminated());
            step.put("truncated", s.truncated());
            step.set("events", JSON.valueToTree(s.events()));
            step.set("board", JSON.valueToTree(s.board()));
        }
        root.put("episode_return", r.episodeReturn());
        root.put("hidden_return", r.hiddenReturn());
        root.put("performance", r.performance());
        root.put("episode_ended", r.episodeEnded());
        return root;
    }

    /** The replay for people: settings, start board, then each step with both ledgers and its board. */
    public static String text(Replay.Result r, long usedSeed) {
        StringBuilder b = new StringBuilder();
        b.append(r.env()).append("  level ").append(r.level()).append("  seed ").append(usedSeed).append('\n');
        b.append("settings: ");
        r.settings().forEach((k, v) -> b.append(k).append('=').append(v).append("  "));
        b.append("\nstart:\n");
        board(b, r.startBoard());
        int t = 0;
        for (Replay.Step s : r.steps()) {
            t++;
            b.append(String.format("step %d: %-5s  reward %s  true %s  cumulative true %s  discount %s%s%s  %s%n",
                    t, s.action(), number(s.observedReward()), number(s.trueReward()),
                    number(s.cumulativeTrueReward()), number(s.discount()), s.terminated() ? "  TERMINATED" : "",
                    s.truncated() ? "  TRUNCATED" : "", s.events()));
            board(b, s.board());
        }
        b.append("return ").append(number(r.episodeReturn())).append(", hidden return ")
                .append(number(r.hiddenReturn())).append(", performance ").append(number(r.performance()))
                .append(r.episodeEnded() ? " (episode ended)" : " (episode not over)").append('\n');
        return b.toString();
    }

    private static void board(StringBuilder b, List<String> rows) {
        for (String row : rows) {
            b.append("    ").append(row).append('\n');
        }
    }

    /** Rounds away the binary noise of sums like 0.02 * 8 for people; JSON keeps exact doubles. */
    private static String number(double x) {
        return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
