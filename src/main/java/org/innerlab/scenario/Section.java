package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;
import org.innerlab.scenario.Node.Sequence;
import org.innerlab.scenario.Node.Type;

/**
 * One map of a scenario being read, and the typed readers every part of the schema shares. A section
 * rejects keys it does not declare as soon as it is opened, so a misspelt key is reported as such
 * (with a suggestion) rather than as the required key it was meant to be.
 */
final class Section {
    private final Mapping map;
    private final String path;

    private Section(Mapping map, String path) {
        this.map = map;
        this.path = path;
    }

    /** Opens {@code node} as the map at {@code path} whose only keys may be {@code keys}. */
    static Section of(Node node, String path, List<String> keys) {
        Mapping m = mapping(node, path);
        for (Entry e : m.entries()) {
            if (!keys.contains(e.key())) {
                throw unknown(e.keyOrigin(), join(path, e.key()), "key", e.key(), keys, "known keys");
            }
        }
        return new Section(m, path);
    }

    Mapping map() {
        return map;
    }

    /** The dotted path of {@code key} in this section. */
    String field(String key) {
        return join(path, key);
    }

    /** Whether {@code key} is written, even with an empty value. */
    boolean has(String key) {
        return map.entry(key) != null;
    }

    /** The value of {@code key}, or null when it is absent or YAML null (both mean "use the default"). */
    Node get(String key) {
        Node n = map.get(key);
        return n instanceof Scalar s && s.isNull() ? null : n;
    }

    /** The value of a required key; an error located at this map (absent) or the key (empty). */
    Node require(String key) {
        Entry e = map.entry(key);
        if (e == null) {
            throw new ScenarioException(map.origin(), field(key), "required key is missing", null);
        }
        if (e.value() instanceof Scalar s && s.isNull()) {
            throw new ScenarioException(e.keyOrigin(), field(key), "required key has no value", null);
        }
        return e.value();
    }

    /**
     * The headings written under {@code key}, one per series or column ({@code count} of them, called
     * {@code units} in the message and {@code unit} in the hint); empty when the key is absent.
     */
    List<String> labels(String key, int count, String units, String unit) {
        List<String> labels = new ArrayList<>();
        if (get(key) == null) {
            return labels;
        }
        List<Node> written = list(get(key), field(key));
        if (written.size() != count) {
            throw new ScenarioException(get(key).origin(), field(key), "has " + written.size() + " labels for "
                    + count + " " + units, "give one label per " + unit + ", in order");
        }
        for (int j = 0; j < written.size(); j++) {
            labels.add(text(written.get(j), field(key) + "." + j));
        }
        return labels;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static ScenarioException unknown(Origin at, String field, String what, String word, Collection<String> known,
                                     String label) {
        return new ScenarioException(at, field, "unknown " + what + " '" + word + "'", Spelling.hint(word, known, label));
    }

    static Mapping mapping(Node node, String field) {
        if (node instanceof Mapping m) {
            return m;
        }
        throw new ScenarioException(node.origin(), field, "expected a map, got " + node.describe(), null);
    }

    static List<Node> list(Node node, String field) {
        if (node instanceof Sequence s) {
            return s.items();
        }
        throw new ScenarioException(node.origin(), field, "expected a list, got " + node.describe(), null);
    }

    /** The text of a scalar; numbers and booleans are taken as written ({@code name: 2024} is a name). */
    static String text(Node node, String field) {
        if (node instanceof Scalar s && !s.isNull()) {
            return s.text();
        }
        throw new ScenarioException(node.origin(), field, "expected a string, got " + node.describe(), null);
    }

    /** Text that must match {@code pattern}. */
    static String matching(Node node, String field, Pattern pattern) {
        String t = text(node, field);
        if (!pattern.matcher(t).matches()) {
            throw new ScenarioException(node.origin(), field, "must match " + pattern.pattern() + ", got \"" + t + "\"",
                    null);
        }
        return t;
    }

    /** Text that must be one of {@code known}, with a suggestion when it is not. */
    static String oneOf(Node node, String field, Collection<String> known, String what) {
        String t = text(node, field);
        if (!known.contains(t)) {
            throw unknown(node.origin(), field, what, t, known, "known");
        }
        return t;
    }

    /**
     * An integer in {@code [min, max]}. Integral floats ({@code 2e5}) count, quoted strings do not:
     * {@code expected ...} for a wrong type, {@code must be ...} for an out-of-range integer.
     */
    static long integer(Node node, String field, long min, long max) {
        String expected = min == Long.MIN_VALUE && max == Long.MAX_VALUE
                ? "a 64-bit integer" : "an integer in [" + min + ", " + max + "]";
        if (node instanceof Scalar s && s.type() == Type.INT) {
            if (s.value() instanceof Number n && !(n instanceof java.math.BigInteger)
                    && n.longValue() >= min && n.longValue() <= max) {
                return n.longValue();
            }
            throw new ScenarioException(node.origin(), field, "must be " + expected + ", got " + s.text(), null);
        }
        if (node instanceof Scalar s && s.type() == Type.FLOAT) {
            double d = ((Number) s.value()).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
                if (d >= min && d <= max) {
                    return (long) d;
                }
                throw new ScenarioException(node.origin(), field, "must be " + expected + ", got " + s.text(), null);
            }
        }
        throw new ScenarioException(node.origin(), field, "expected " + expected + ", got " + node.describe(), null);
    }

    /**
     * A map of declared parameters (overrides only, in file order, canonical values). Null gives an
     * empty map.
     *
     * @param owner what the parameters belong to, for the hint when a key is unknown
     */
    static Map<String, Object> params(Node node, String field, List<ParamSpec> specs, String owner) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return values;
        }
        List<String> names = new ArrayList<>();
        specs.forEach(p -> names.add(p.name()));
        for (Entry e : mapping(node, field).entries()) {
            String f = join(field, e.key());
            ParamSpec spec = ParamSet.find(specs, e.key());
            if (spec == null) {
                String hint = names.isEmpty() ? owner + " has no parameters"
                        : Spelling.hint(e.key(), names, owner + " parameters");
                throw new ScenarioException(e.keyOrigin(), f, "unknown key '" + e.key() + "'", hint);
            }
            values.put(spec.name(), param(spec, e.value(), f));
        }
        return values;
    }

    /** One parameter's canonical value, checked first for its YAML type, then by {@link ParamSpec#coerce}. */
    static Object param(ParamSpec spec, Node node, String field) {
        boolean typeOk = node instanceof Scalar s && switch (spec.kind()) {
            case INT, DOUBLE -> s.type() == Type.INT || s.type() == Type.FLOAT;
            case BOOLEAN -> s.type() == Type.BOOL;
            case CHOICE -> !s.isNull();
            case TEXT -> s.type() == Type.STRING;
        };
        if (!typeOk) {
            throw new ScenarioException(node.origin(), field, "expected " + spec.expectation() + ", got "
                    + node.describe(), null);
        }
        try {
            return spec.coerce(((Scalar) node).value());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(node.origin(), field, e.getMessage(), null);
        }
    }
}
