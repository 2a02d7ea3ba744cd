package org.innerlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.innerlab.env.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code innerlab replay}: runs a scripted action string on an environment and prints every step with
 * both reward ledgers, as JSON (for scripts) or text (for people). The work is {@link Replay}'s; this
 * class parses arguments, formats results and maps errors to exit codes (0 ok, 2 bad input, 1 other).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replays a scripted action string on an environment and prints the start board, then per step: "
                + "action, observed reward, true (hidden) reward, cumulative true reward, discount, "
                + "terminated/truncated, events and the board; finally return, hidden return and performance.",
            "Random choices not fixed by --set come from --seed; the output's settings show every choice as used."},
        footer = {"",
            "Examples:",
            "  innerlab replay asg-absent-supervisor-v1 --set supervisor=present \\",
            "      --actions rrrdddlll",
            "  innerlab replay asg-side-effects-sokoban-v1 --level level0 \\",
            "      --actions DOWN,RIGHT,DOWN,DOWN,RIGHT --format text",
            "  innerlab replay --batch requests.jsonl",
            "      (one {\"env\", \"level\", \"settings\", \"actions\", \"seed\"} per line)",
            "",
            "Exit codes: 0 ok; 2 bad input (unknown id, parameter or action, actions",
            "after the episode ended); 1 other."})
public final class ReplayCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { json, text }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV-ID", description = "registered environment id")
    String envId;

    @Option(names = "--level", paramLabel = "NAME", description = "the level (variant), same as --set level=NAME")
    String level;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "an environment parameter; repeatable")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--actions", paramLabel = "ACTIONS",
            description = "letters u d l r n (e.g. rrrdddlll) or comma-separated names UP,DOWN,LEFT,RIGHT,NOOP")
    String actions;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the episode's random choices (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "replay one JSON request per line of FILE and write one result per line")
    Path batch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (batch != null) {
                if (envId != null || actions != null) {
                    throw new IllegalArgumentException("--batch takes its requests from the file; give no ENV-ID or --actions");
                }
                return runBatch(out, err);
            }
            if (envId == null) {
                throw new IllegalArgumentException("give an environment id (or --batch FILE); see innerlab replay --help");
            }
            if (actions == null) {
                throw new IllegalArgumentException("--actions is required, e.g. --actions rrrdddlll");
            }
            Map<String, Object> overrides = new LinkedHashMap<>(settings);
            if (level != null) {
                overrides.put("level", level);
            }
            print(out, Replay.run(envId, overrides, seed, actions), seed, true);
            return 0;
        } catch (NoSuchFileException e) {
            err.println("innerlab replay: no such file " + e.getFile());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("innerlab replay: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("innerlab replay: " + e);
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int runBatch(PrintWriter out, PrintWriter err) throws IOException {
        int failures = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(batch, StandardCharsets.UTF_8)) {
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
                    long requestSeed = request.hasNonNull("seed") ? request.get("seed").asLong() : seed;
                    print(out, Replay.run(request.get("env").asText(), overrides, requestSeed,
                            request.get("actions").asText()), requestSeed, false);
                } catch (IllegalArgumentException e) {
                    failures++;
                    ObjectNode error = JSON.createObjectNode();
                    error.put("line", lineNumber);
                    error.put("error", e.getMessage());
                    out.println(error);
                }
            }
        }
        if (failures > 0) {
            err.println("innerlab replay: " + failures + " of the requests in " + batch + " failed (see their \"error\")");
            return 2;
        }
        return 0;
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

    private void print(PrintWriter out, Replay.Result r, long usedSeed, boolean pretty) throws JsonProcessingException {
        if (format == Format.text) {
            out.print(text(r, usedSeed));
            out.println();
        } else if (pretty) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(r, usedSeed)));
        } else {
            out.println(JSON.writeValueAsString(json(r, usedSeed)));
        }
    }

    /** The documented JSON shape of a replay; scripts rely on these names. */
    static ObjectNode json(Replay.Result r, long usedSeed) {
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

    static String text(Replay.Result r, long usedSeed) {
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
