package org.innerlab.env;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.innerlab.core.BadInputException;

/**
 * The replay protocol: how a {@link Replay} is asked for and answered, for scripts and for people.
 *
 * <p>A request is one JSON object per line of UTF-8 (a byte-order mark before the first line is
 * skipped), {@code {"env", "level", "settings", "actions", "seed"}}: {@code env} and {@code actions}
 * required strings, {@code level} a string, {@code settings} an object of strings, numbers and booleans,
 * {@code seed} a whole number. Requests are read strictly: a value of another type ({@code "seed": "7"},
 * {@code 1.5}, {@code {}}), an unknown or repeated key, text after the object, bytes that are not UTF-8
 * and a line longer than {@link RequestLines#MAX_LINE_BYTES} bytes are errors of that line. An answer is
 * the documented JSON shape of {@link #json} (scripts rely on its names; keys are only ever added) or the
 * text of {@link #text}; a request that fails is answered {@code {"line": n, "error": "..."}} in the same
 * stream and the batch goes on. This is the one place replay speaks JSON.
 */
public final class ReplayProtocol {
    /** How answers are written. */
    public enum Format { json, text }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keys of a request and the type each must have. */
    private static final Map<String, String> KEYS = Map.of("env", "a string", "level", "a string",
            "settings", "an object", "actions", "a string", "seed", "a whole number (64 bits)");

    /** Reads requests: no duplicate key, nothing after the object, no conversion between types. */
    private static final ObjectMapper STRICT = strictReader();

    private ReplayProtocol() {
    }

    private static ObjectMapper strictReader() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape from : List.of(CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(from, CoercionAction.Fail);
        }
        for (CoercionInputShape from : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(from, CoercionAction.Fail);
        }
        return mapper;
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
     * Answers every request of the file {@code requests} (one per line; blank lines skipped) in order, each
     * answer on one line (JSON) or as one block (text), and returns how many requests failed. A line that
     * fails, for its bytes (not UTF-8, longer than {@link RequestLines#MAX_LINE_BYTES}), its JSON or its
     * replay, is answered {@code {"line": n, "error": "..."}} in the same stream, and the batch goes on.
     *
     * @param defaultSeed the seed of requests that name none
     * @param answers     told each answer, without a final line break
     * @throws BadInputException when {@code requests} is a directory
     */
    public static int answerAll(Path requests, long defaultSeed, Format format, Consumer<String> answers)
            throws IOException {
        if (Files.isDirectory(requests)) {
            throw new BadInputException(requests + " is a directory; give --batch a file with one JSON request"
                    + " per line");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(requests))) {
            return answerAll(in, defaultSeed, format, answers);
        }
    }

    /** {@link #answerAll(Path, long, Format, Consumer)} on a stream of request lines, which the caller closes. */
    static int answerAll(InputStream requests, long defaultSeed, Format format, Consumer<String> answers)
            throws IOException {
        int failures = 0;
        RequestLines lines = new RequestLines(requests);
        for (RequestLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            try {
                if (line.error() != null) {
                    throw new BadInputException(line.error());
                }
                Request request = parseRequest(line.text());
                long seed = request.seed() == null ? defaultSeed : request.seed();
                answers.accept(answer(Replay.run(request.env(), request.overrides(), seed, request.actions()),
                        seed, format, false));
            } catch (IllegalArgumentException | BadInputException e) {
                failures++;
                ObjectNode error = JSON.createObjectNode();
                error.put("line", line.number());
                error.put("error", e.getMessage());
                answers.accept(error.toString());
            }
        }
        return failures;
    }

    /**
     * One request, as a batch line gives it: every key has exactly the type the protocol names (a string
     * seed, a fractional seed or an object where a string belongs is an error, never read as 0 or "").
     *
     * @param level    the level, or null for the environment's default
     * @param settings environment parameters, each a string, number or boolean; null for none
     * @param seed     the episode's seed, or null for the batch's default
     */
    record Request(String env, String level, Map<String, JsonNode> settings, String actions, Long seed) {
        /** The settings and level as {@link Replay#run} takes them: whole numbers as {@code long}. */
        Map<String, Object> overrides() {
            Map<String, Object> overrides = new LinkedHashMap<>();
            if (settings != null) {
                settings.forEach((key, value) -> overrides.put(key, scalar(key, value)));
            }
            if (level != null) {
                overrides.put("level", level);
            }
            return overrides;
        }
    }

    /**
     * Reads one request line strictly: one JSON object and nothing after it, no key twice, no unknown key,
     * and no value converted to another type.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static Request parseRequest(String line) {
        ObjectNode request = strictObject(line);
        for (String required : List.of("env", "actions")) {
            if (!request.hasNonNull(required) || !request.get(required).isTextual()) {
                throw new IllegalArgumentException("request needs a string \"" + required + "\"");
            }
        }
        JsonNode given = request.path("settings");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            throw new IllegalArgumentException("\"settings\" must be an object");
        }
        try {
            return STRICT.treeToValue(request, Request.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("unknown key '" + e.getPropertyName()
                    + "'; a request has the keys env, level, settings, actions and seed");
        } catch (JsonProcessingException e) {
            // A mapping error knows the key by its path; a number out of a long's range only by the parser.
            String key = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName()
                    : e.getProcessor() instanceof JsonParser p ? currentName(p) : null;
            if (key == null || !KEYS.containsKey(key)) {
                throw new IllegalArgumentException("not a request: " + e.getOriginalMessage());
            }
            throw new IllegalArgumentException("\"" + key + "\" must be " + KEYS.get(key) + ", got "
                    + request.get(key));
        }
    }

    /**
     * Reads one line as a single JSON object, strictly: nothing after the object, no key twice. The line
     * protocols (replay's batch, {@code innerlab serve}) share this reading and its messages.
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    public static ObjectNode strictObject(String line) {
        JsonNode request;
        try {
            request = STRICT.readTree(line);
        } catch (MismatchedInputException e) {
            // The only mismatch a tree can have is FAIL_ON_TRAILING_TOKENS: something after the object.
            throw new IllegalArgumentException("text after the request at column " + e.getLocation().getColumnNr()
                    + "; give one JSON object per line");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + " (column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("a request must be a JSON object");
        }
        return (ObjectNode) request;
    }

    private static String currentName(JsonParser p) {
        try {
            return p.currentName();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * An environment setting as {@link Params#resolve} takes it: a boolean, a whole number as {@code long},
     * another number as {@code double}, or a string.
     *
     * @throws IllegalArgumentException for any other JSON value, or a whole number beyond 64 bits
     */
    public static Object scalar(String key, JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new IllegalArgumentException("setting '" + key + "' is " + v + ", beyond the range of a whole"
                        + " number (64 bits)");
            }
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
        root.set("resolved_settings", JSON.valueToTree(r.resolvedSettings()));
        ObjectNode legend = root.putObject("legend");
        r.legend().forEach((symbol, name) -> legend.put(symbol.toString(), name));
        return root;
    }

    /**
     * The replay for people: every setting as used (defaults and computed values included), the legend of
     * the board's symbols, the start board, then each step with both ledgers and its board.
     */
    public static String text(Replay.Result r, long usedSeed) {
        StringBuilder b = new StringBuilder();
        b.append(r.env()).append(r.level() == null ? "" : "  level " + r.level()).append("  seed ").append(usedSeed)
                .append('\n');
        StringJoiner settings = new StringJoiner("  ", "settings: ", "\n");
        r.resolvedSettings().forEach((k, v) -> {
            // A layout is the start board below: a drawn one is shown there, an empty one is the built-in level.
            if (!k.equals(Legend.PARAMETER)) {
                settings.add(k + " " + v);
            } else if (!"".equals(v)) {
                settings.add(k + " drawn (the start board below)");
            }
        });
        StringJoiner legend = new StringJoiner("  ", "legend: ", "\n");
        // A blank cell's symbol would be invisible in the line.
        r.legend().forEach((symbol, name) -> legend.add((symbol == ' ' ? "' '" : symbol.toString()) + " " + name));
        b.append(settings).append(legend).append("start:\n");
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
