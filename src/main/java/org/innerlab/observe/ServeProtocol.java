package org.innerlab.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ec.util.MersenneTwisterFast;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.innerlab.core.BadInputException;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Replay;
import org.innerlab.env.ReplayProtocol;
import org.innerlab.env.RequestLines;
import org.innerlab.env.StepResult;

/**
 * The {@code innerlab serve} line protocol: any language drives a registered environment through one JSON
 * request per line, answered by one JSON response per line (Gymnasium's {@code reset}/{@code step}, with
 * the observation an encoder makes).
 *
 * <ul>
 *   <li>{@code {"op":"make","env":ID,"params":{...},"encoder":"egocentric"|"full-board"|null,
 *       "view_radius":r,"global_features":[...],"board":bool,"true_reward":bool}} builds the environment
 *       (replacing any earlier one) and answers its actions, events, resolved parameters and the
 *       encoder's feature dimension and names. Only {@code env} is required.</li>
 *   <li>{@code {"op":"reset","seed":N}} starts an episode on {@code new MersenneTwisterFast(N)}, as
 *       {@link Replay} does, and answers {@code {"observation":{"features":[...],"board":[...]},"info":{...}}};
 *       without a seed the episode continues the previous generator.</li>
 *   <li>{@code {"op":"step","action":i}} answers the observation, {@code reward} (the observed ledger),
 *       {@code true_reward} only when the make asked for it, {@code terminated}, {@code truncated} and the
 *       step's {@code events}.</li>
 *   <li>{@code {"op":"close"}} answers {@code {"closed":true}} and ends the session.</li>
 * </ul>
 *
 * <p>Lines are read as strictly as replay's batch ({@link RequestLines}, {@link ReplayProtocol#strictObject}):
 * a line that is not one JSON object, a repeated or unknown key or a value of the wrong type is answered
 * {@code {"error":"..."}} and the session goes on. The same seed and actions give the same responses.
 */
public final class ServeProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keys each operation takes (besides {@code op}). */
    private static final Map<String, List<String>> KEYS = Map.of(
            "make", List.of("env", "params", "encoder", "view_radius", "global_features", "board", "true_reward"),
            "reset", List.of("seed"),
            "step", List.of("action"),
            "close", List.of());

    private Environment env;
    private Encoder encoder;
    private SparseVector features;
    private boolean board;
    private boolean trueReward;
    private MersenneTwisterFast rng;
    private boolean episodeOver = true;
    private boolean closed;
    private final StepResult out = new StepResult();

    /**
     * Answers every request line of {@code requests} until {@code close} or the end of the input, each
     * response told to {@code responses} as it is made (blank lines are skipped).
     */
    public static void serve(InputStream requests, Consumer<String> responses) throws IOException {
        ServeProtocol session = new ServeProtocol();
        RequestLines lines = new RequestLines(requests);
        // After close nothing more is read: a client may wait for the exit without ending its input.
        while (!session.closed) {
            RequestLines.Line line = lines.next();
            if (line == null) {
                return;
            }
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            try {
                if (line.error() != null) {
                    throw new BadInputException(line.error());
                }
                responses.accept(session.respond(line.text()));
            } catch (IllegalArgumentException | BadInputException e) {
                responses.accept(error(e.getMessage()));
            }
        }
    }

    /** The answer to one request line, on one line. */
    private String respond(String line) {
        ObjectNode request = ReplayProtocol.strictObject(line);
        String op = text(request, "op", true);
        List<String> keys = KEYS.get(op);
        if (keys == null) {
            throw new IllegalArgumentException("unknown op '" + op + "'; an op is make, reset, step or close");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!key.equals("op") && !keys.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' for op " + op + "; it takes "
                        + (keys.isEmpty() ? "no other key" : String.join(", ", keys)));
            }
        }
        return switch (op) {
            case "make" -> make(request);
            case "reset" -> reset(request);
            case "step" -> step(request);
            default -> close();
        };
    }

    private String make(ObjectNode request) {
        String id = text(request, "env", true);
        if (EnvRegistry.spec(id) == null) {
            throw new IllegalArgumentException(Replay.unknownId(id));
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        JsonNode params = request.path("params");
        if (!params.isMissingNode() && !params.isNull()) {
            if (!params.isObject()) {
                throw new IllegalArgumentException("\"params\" must be an object, got " + params);
            }
            params.fields().forEachRemaining(p -> overrides.put(p.getKey(), ReplayProtocol.scalar(p.getKey(),
                    p.getValue())));
        }
        Environment made = EnvRegistry.create(id, overrides);
        String encoderId = text(request, "encoder", false);
        Encoder madeEncoder = null;
        if (encoderId != null) {
            EncoderType type = Encoders.TYPES.find(encoderId);
            if (type == null || type.wrapper()) {
                throw new IllegalArgumentException("unknown encoder '" + encoderId + "'; give egocentric, full-board"
                        + " or null");
            }
            ParamSpec radiusSpec = EgocentricEncoder.TYPE.info().param("view_radius");
            long radius = request.has("view_radius") ? whole(request, "view_radius") : (Integer) radiusSpec.defaultValue();
            if (radius < radiusSpec.min() || radius > radiusSpec.max()) {
                throw new IllegalArgumentException("\"view_radius\" must be from " + (long) radiusSpec.min() + " to "
                        + (long) radiusSpec.max() + ", got " + radius);
            }
            madeEncoder = type.create(new EncoderContext(made, (int) radius, names(request, "global_features"), null));
        }
        env = made;
        encoder = madeEncoder;
        features = encoder == null ? null : new SparseVector(encoder.dimension(), encoder.maxActive());
        board = bool(request, "board", encoder == null);
        trueReward = bool(request, "true_reward", false);
        rng = null;
        episodeOver = true;

        ObjectNode info = JSON.createObjectNode();
        info.put("env", id);
        ArrayNode actions = info.putArray("actions");
        env.spec().actions().subList(0, env.actionCount()).forEach(actions::add);
        info.put("action_count", env.actionCount());
        info.set("events", JSON.valueToTree(env.spec().events()));
        info.set("params", JSON.valueToTree(env.params().asMap()));
        info.put("encoder", encoderId);
        info.put("feature_dimension", encoder == null ? 0 : encoder.dimension());
        ArrayNode names = info.putArray("feature_names");
        for (int i = 0; encoder != null && i < encoder.dimension(); i++) {
            names.add(encoder.featureName(i));
        }
        info.put("board", board);
        info.put("true_reward", trueReward);
        return info.toString();
    }

    private String reset(ObjectNode request) {
        requireMade("reset");
        if (request.has("seed")) {
            rng = new MersenneTwisterFast(whole(request, "seed"));
        } else if (rng == null) {
            throw new IllegalArgumentException("the first reset needs a \"seed\"; send {\"op\":\"reset\",\"seed\":0}");
        }
        env.reset(rng);
        episodeOver = false;
        ObjectNode response = JSON.createObjectNode();
        response.set("observation", observation());
        ObjectNode info = response.putObject("info");
        info.set("settings", JSON.valueToTree(env.episodeSettings()));
        return response.toString();
    }

    private String step(ObjectNode request) {
        requireMade("step");
        if (!request.has("action")) {
            throw new IllegalArgumentException("a step needs an \"action\": a whole number from 0 to "
                    + (env.actionCount() - 1));
        }
        long action = whole(request, "action");
        if (action < 0 || action >= env.actionCount()) {
            throw new IllegalArgumentException("action " + action + " is not one of 0.." + (env.actionCount() - 1)
                    + " " + env.spec().actions().subList(0, env.actionCount()));
        }
        if (episodeOver) {
            throw new IllegalArgumentException(rng == null ? "no episode has started; send a reset first"
                    : "the episode is over; send a reset before the next step");
        }
        env.step((int) action, out);
        episodeOver = out.done();
        ObjectNode response = JSON.createObjectNode();
        response.set("observation", observation());
        response.put("reward", out.observedReward);
        if (trueReward) {
            response.put("true_reward", out.trueReward);
        }
        response.put("terminated", out.terminated);
        response.put("truncated", out.truncated);
        response.set("events", JSON.valueToTree(Replay.eventNames(env.spec(), out.events)));
        return response.toString();
    }

    private String close() {
        closed = true;
        env = null;
        return "{\"closed\":true}";
    }

    /** The encoder's features, dense, and the board's text rows, as the make asked. */
    private ObjectNode observation() {
        ObjectNode observation = JSON.createObjectNode();
        if (encoder != null) {
            encoder.encode(env, features);
            double[] dense = new double[encoder.dimension()];
            for (int k = 0; k < features.size; k++) {
                dense[features.index[k]] += features.value[k];
            }
            ArrayNode list = observation.putArray("features");
            for (double v : dense) {
                list.add(v);
            }
        }
        if (board) {
            observation.set("board", JSON.valueToTree(env.view().render()));
        }
        return observation;
    }

    private void requireMade(String op) {
        if (env == null) {
            throw new IllegalArgumentException("no environment to " + op + "; send {\"op\":\"make\",\"env\":ID} first");
        }
    }

    private static String error(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("error", message);
        return error.toString();
    }

    private static String text(ObjectNode request, String key, boolean required) {
        JsonNode v = request.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("request needs a string \"" + key + "\"");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string, got " + v);
        }
        return v.textValue();
    }

    private static long whole(ObjectNode request, String key) {
        JsonNode v = request.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number (64 bits), got " + v);
        }
        return v.longValue();
    }

    private static boolean bool(ObjectNode request, String key, boolean absent) {
        JsonNode v = request.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("\"" + key + "\" must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static List<String> names(ObjectNode request, String key) {
        JsonNode v = request.get(key);
        List<String> names = new ArrayList<>();
        if (v == null || v.isNull()) {
            return names;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a list of strings, got " + v);
        }
        for (JsonNode name : v) {
            if (!name.isTextual()) {
                throw new IllegalArgumentException("\"" + key + "\" must be a list of strings, got " + v);
            }
            names.add(name.textValue());
        }
        return names;
    }
}
