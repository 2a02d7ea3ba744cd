package org.innerlab.scenario;

import java.util.regex.Pattern;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;
import org.innerlab.scenario.Node.Sequence;
import org.innerlab.scenario.Node.Type;

/**
 * Writes a {@link Node} tree as block-style YAML, lists of scalars in flow style. Strings are written
 * plain or as literal blocks only when reading the candidate text back gives the same string (so
 * {@code "yes"}, {@code "1e-6"} or {@code "0x1F"} stay strings), and double-quoted otherwise. Jackson's
 * own generator is not used because its minimal quoting writes {@code 1e-6} unquoted.
 */
final class YamlEmitter {
    /** Characters that may appear in a plain scalar in block and flow context alike (checked further). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./()+-]+( [A-Za-z0-9_./()+-]+)*");
    private static final String INDENT = "  ";

    private YamlEmitter() {
    }

    static String emit(Mapping root) {
        StringBuilder out = new StringBuilder();
        mapping(root, "", out);
        return out.toString();
    }

    private static void mapping(Mapping m, String indent, StringBuilder out) {
        for (Entry e : m.entries()) {
            out.append(indent).append(string(e.key(), true, indent)).append(':');
            value(e.value(), indent, out);
        }
    }

    /** A value after {@code key:}, ending its line(s). */
    private static void value(Node v, String indent, StringBuilder out) {
        if (v instanceof Scalar s) {
            out.append(' ').append(scalar(s, false, indent)).append('\n');
        } else if (v instanceof Mapping m) {
            if (m.entries().isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                mapping(m, indent + INDENT, out);
            }
        } else if (v instanceof Sequence seq) {
            if (seq.items().stream().allMatch(i -> i instanceof Scalar)) {
                out.append(' ').append(flow(seq)).append('\n');
            } else {
                out.append('\n');
                sequence(seq, indent + INDENT, out);
            }
        }
    }

    private static void sequence(Sequence seq, String indent, StringBuilder out) {
        for (Node item : seq.items()) {
            if (item instanceof Mapping m && !m.entries().isEmpty()) {
                StringBuilder inner = new StringBuilder();
                mapping(m, indent + INDENT, inner);
                out.append(indent).append("- ").append(inner, indent.length() + INDENT.length(), inner.length());
            } else if (item instanceof Sequence s && !s.items().isEmpty()
                    && !s.items().stream().allMatch(i -> i instanceof Scalar)) {
                out.append(indent).append("-\n");
                sequence(s, indent + INDENT, out);
            } else {
                out.append(indent).append('-');
                value(item, indent, out);
            }
        }
    }

    private static String flow(Sequence seq) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < seq.items().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(scalar((Scalar) seq.items().get(i), true, ""));
        }
        return sb.append(']').toString();
    }

    private static String scalar(Scalar s, boolean flow, String indent) {
        return switch (s.type()) {
            case STRING -> string(s.text(), flow, indent);
            case NULL -> "null";
            default -> s.text();
        };
    }

    private static String string(String text, boolean flow, String indent) {
        if (PLAIN.matcher(text).matches() && readsBackAs(text, text)) {
            return text;
        }
        if (!flow && text.contains("\n")) {
            String block = literalBlock(text, indent + INDENT);
            if (block != null && readsBackAs(block, text)) {
                return block;
            }
        }
        return doubleQuoted(text);
    }

    /** {@code |} block with the chomping indicator that keeps {@code text}'s final newlines. */
    private static String literalBlock(String text, String indent) {
        if (text.startsWith(" ") || text.startsWith("\n") || text.contains("\r") || text.contains("\t")) {
            return null;
        }
        String body = text;
        String chomp;
        if (!text.endsWith("\n")) {
            chomp = "-";
        } else if (text.endsWith("\n\n")) {
            chomp = "+";
            body = text.substring(0, text.length() - 1);
        } else {
            chomp = "";
            body = text.substring(0, text.length() - 1);
        }
        StringBuilder sb = new StringBuilder("|").append(chomp);
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(indent).append(line);
            }
        }
        return sb.toString();
    }

    /** Whether {@code candidate}, written as a map value, reads back as the string {@code expected}. */
    private static boolean readsBackAs(String candidate, String expected) {
        try {
            Node n = YamlReader.read("k: " + candidate + "\n", "(emitter)");
            return n instanceof Mapping m && m.entries().size() == 1
                    && m.get("k") instanceof Scalar s && s.type() == Type.STRING && s.text().equals(expected);
        } catch (ScenarioException e) {
            return false;
        }
    }

    private static String doubleQuoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
