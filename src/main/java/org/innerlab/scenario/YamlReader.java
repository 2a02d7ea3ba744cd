package org.innerlab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;
import org.innerlab.scenario.Node.Sequence;
import org.innerlab.scenario.Node.Type;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a located {@link Node} tree from Jackson's YAML token stream, taking
 * each node's position from {@link JsonParser#currentTokenLocation()}. Rejects what would silently
 * change meaning in a scenario: duplicate keys, aliases (Jackson would hand back the alias's name as
 * a string), and further documents after the first.
 *
 * <p>Limits, checked before the work they bound (the same for files and {@code --set} values): at most
 * {@link #MAX_BYTES} bytes, checked before parsing; lines of at most {@link #MAX_LINE} characters,
 * checked before parsing, because SnakeYAML's reader copies its whole look-ahead window for every 1,024
 * characters it reads ahead within one token, so parse time grows with size × line length and would be
 * quadratic in one long line; and at most {@link #MAX_DEPTH} levels of nesting, reported where the
 * level that crosses it opens.
 */
final class YamlReader {
    /** The largest scenario text in bytes of UTF-8 (1 MiB); the biggest shipped scenario is about 10 kB. */
    static final int MAX_BYTES = 1 << 20;
    /** The longest line in characters; the longest shipped line has under 200. */
    static final int MAX_LINE = 10_000;
    /** The deepest nesting of maps and lists; a scenario needs five or so. */
    static final int MAX_DEPTH = 1_000;
    /** Jackson's own depth check is one level above ours, so that ours, which knows the position, fires. */
    private static final YAMLFactory FACTORY = (YAMLFactory) new YAMLFactory()
            .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build());

    private final YAMLParser parser;
    private final String file;
    /** When set, every node gets this origin: the text is a command-line value without positions. */
    private final Origin fixed;
    /** The text's lines, to find where a string's content starts (a block scalar's is on the next line). */
    private final String[] lines;
    /** Path of the node being read, kept on failure so that a syntax error can name its enclosing key. */
    private final Deque<String> path = new ArrayDeque<>();
    /** Maps and lists open around the node being read. */
    private int depth;

    private YamlReader(String text, String file, Origin fixed) throws IOException {
        this.parser = FACTORY.createParser(text);
        this.file = file;
        this.fixed = fixed;
        this.lines = text.split("\r?\n|\r", -1);
    }

    /** The document in {@code text}, read from file {@code file}; an empty document is an error. */
    static Node read(String text, String file) {
        return run(text, file, null, List.of());
    }

    /**
     * A value given on the command line for the key at {@code path} (which prefixes the fields of its
     * errors); every node gets {@code origin}; empty text is YAML null.
     */
    static Node readValue(String text, Origin origin, List<String> path) {
        return run(text, origin.file(), origin, path);
    }

    private static Node run(String text, String file, Origin fixed, List<String> path) {
        checkSize(text, file, fixed);
        YamlReader reader;
        try {
            reader = new YamlReader(text, file, fixed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader.path.addAll(path);
        try (reader.parser) {
            return reader.document();
        } catch (JsonProcessingException e) {
            throw reader.syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses text over {@link #MAX_BYTES} or with a line over {@link #MAX_LINE}, before any parsing. */
    private static void checkSize(String text, String file, Origin fixed) {
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ScenarioException(fixed != null ? shortened(fixed) : Origin.at(file, 1, 1), "",
                    "longer than " + MAX_BYTES + " bytes (1 MiB), the limit for a scenario",
                    "a scenario is a few kilobytes; check that this is the right text");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (i - lineStart > MAX_LINE) {
                    throw new ScenarioException(fixed != null ? shortened(fixed) : Origin.at(file, line, MAX_LINE + 1),
                            "", "a line longer than " + MAX_LINE + " characters, the limit",
                            "break it: YAML strings and lists may continue on the next line");
                }
                if (c == '\n' || i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                    line++;
                }
                lineStart = i + 1;
            }
        }
    }

    /** {@code origin} with its argument cut to its first line and 60 characters, for errors about its size. */
    private static Origin shortened(Origin origin) {
        String argument = origin.argument();
        int end = 0;
        while (end < argument.length() && end < 60 && argument.charAt(end) != '\n' && argument.charAt(end) != '\r') {
            end++;
        }
        return end == argument.length() ? origin
                : Origin.option(origin.file(), argument.substring(0, end) + "…", origin.subject());
    }

    private Node document() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            if (fixed != null) {
                return Scalar.of(null, fixed);
            }
            throw new ScenarioException(origin(1, 1), "", "the file is empty", "a scenario is a YAML map");
        }
        Node root = value(t);
        if (parser.nextToken() != null) {
            throw new ScenarioException(here(), "", "a second YAML document starts here",
                    "a scenario file holds exactly one document");
        }
        return root;
    }

    private Node value(JsonToken t) throws IOException {
        Origin at = here();
        if (t == null) {
            throw new ScenarioException(at, joinedPath(), "invalid YAML: unexpected end of input", null);
        }
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ++depth > MAX_DEPTH) {
            throw new ScenarioException(fixed != null ? shortened(fixed) : at, path.isEmpty() ? "" : path.getFirst(),
                    "nested deeper than " + MAX_DEPTH + " levels, the limit",
                    "a scenario needs only a few levels of maps and lists");
        }
        switch (t) {
            case START_OBJECT -> {
                List<Entry> entries = new ArrayList<>();
                Map<String, Origin> seen = new HashMap<>();
                for (JsonToken k = parser.nextToken(); k != JsonToken.END_OBJECT; k = parser.nextToken()) {
                    String key = parser.currentName();
                    Origin keyAt = here();
                    path.addLast(key);
                    Origin first = seen.putIfAbsent(key, keyAt);
                    if (first != null) {
                        throw new ScenarioException(keyAt, joinedPath(), "duplicate key '" + key + "'",
                                first.hasPosition() ? "first given at line " + first.line() + ", column "
                                        + first.column() : "each key may appear once");
                    }
                    entries.add(new Entry(key, keyAt, value(parser.nextToken())));
                    path.removeLast();
                }
                depth--;
                return new Mapping(entries, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = parser.nextToken(); i != JsonToken.END_ARRAY; i = parser.nextToken()) {
                    path.addLast(Integer.toString(items.size()));
                    items.add(value(i));
                    path.removeLast();
                }
                depth--;
                return new Sequence(items, at);
            }
            case VALUE_STRING -> {
                if (parser.isCurrentAlias()) {
                    throw new ScenarioException(at, joinedPath(), "YAML aliases (*" + parser.getText()
                            + ") are not supported", "write the value out");
                }
                return new Scalar(Type.STRING, parser.getText(), parser.getText(), at, contentOf(at));
            }
            case VALUE_NUMBER_INT -> {
                Object v = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                return new Scalar(Type.INT, parser.getText(), v, at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(Type.FLOAT, parser.getText(), parser.getDoubleValue(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(Type.BOOL, parser.getText(), t == JsonToken.VALUE_TRUE, at);
            }
            case VALUE_NULL -> {
                return new Scalar(Type.NULL, parser.getText(), null, at);
            }
            default -> throw new ScenarioException(at, joinedPath(), "unsupported YAML value " + t,
                    "use maps, lists, strings, numbers and booleans");
        }
    }

    /**
     * Where the content of the string whose token starts at {@code at} begins: after a quote; for a
     * block scalar ({@code |} or {@code >}), on the next line at the indentation of its first non-blank
     * line; otherwise at {@code at}.
     */
    private Origin contentOf(Origin at) {
        if (fixed != null || at.line() > lines.length) {
            return at;
        }
        String line = lines[at.line() - 1];
        char c = at.column() <= line.length() ? line.charAt(at.column() - 1) : ' ';
        if (c == '"' || c == '\'') {
            return origin(at.line(), at.column() + 1);
        }
        if (c != '|' && c != '>') {
            return at;
        }
        for (int i = at.line(); i < lines.length; i++) {
            String next = lines[i];
            if (!next.isBlank()) {
                int indent = 0;
                while (indent < next.length() && next.charAt(indent) == ' ') {
                    indent++;
                }
                return origin(at.line() + 1, indent + 1);
            }
        }
        return at;
    }

    private ScenarioException syntaxError(JsonProcessingException e) {
        String field = joinedPath();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark p = m.getProblemMark();
                String hint = null;
                if (m.getContext() != null) {
                    Mark cm = m.getContextMark();
                    hint = m.getContext() + (cm == null || fixed != null ? ""
                            : " started at line " + (cm.getLine() + 1) + ", column " + (cm.getColumn() + 1));
                }
                return new ScenarioException(origin(p.getLine() + 1, p.getColumn() + 1), field,
                        "invalid YAML: " + m.getProblem(), hint);
            }
        }
        JsonLocation loc = e.getLocation();
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return new ScenarioException(loc == null ? origin(1, 1) : origin(loc.getLineNr(), loc.getColumnNr()),
                field, "invalid YAML: " + message, null);
    }

    private Origin here() {
        JsonLocation loc = parser.currentTokenLocation();
        return origin(loc.getLineNr(), loc.getColumnNr());
    }

    private Origin origin(int line, int column) {
        return fixed != null ? fixed : Origin.at(file, Math.max(1, line), Math.max(1, column));
    }

    private String joinedPath() {
        return String.join(".", path);
    }
}
