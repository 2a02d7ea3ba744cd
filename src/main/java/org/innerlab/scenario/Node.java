package org.innerlab.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML document as a small immutable tree whose every node remembers where it came from. Jackson's
 * own tree drops token locations, and error messages need them; scalars keep their raw text and
 * YAML type so that a message can quote exactly what was written.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

    Origin origin();

    /** How the node reads in an error message: {@code "many"}, {@code 70}, {@code a map}. */
    String describe();

    /** The YAML type a scalar resolved to. */
    enum Type { STRING, INT, FLOAT, BOOL, NULL }

    /**
     * A scalar.
     *
     * @param value String, Boolean, null, or a number: Long or BigInteger for INT and Double for FLOAT when
     *              read from text; any canonical value (e.g. Integer) when built from a resolved scenario
     * @param content where the value's first character was written: after the quote of a quoted string,
     *                on the line after the {@code |} of a block scalar at its indentation; the same as
     *                {@code origin} otherwise. A hand-drawn layout's errors count rows and columns from it.
     */
    record Scalar(Type type, String text, Object value, Origin origin, Origin content) implements Node {

        Scalar(Type type, String text, Object value, Origin origin) {
            this(type, text, value, origin, origin);
        }

        static Scalar of(Object value, Origin origin) {
            if (value == null) {
                return new Scalar(Type.NULL, "null", null, origin);
            }
            if (value instanceof String s) {
                return new Scalar(Type.STRING, s, s, origin);
            }
            if (value instanceof Boolean) {
                return new Scalar(Type.BOOL, value.toString(), value, origin);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                return new Scalar(Type.INT, value.toString(), value, origin);
            }
            if (value instanceof Double) {
                return new Scalar(Type.FLOAT, value.toString(), value, origin);
            }
            throw new IllegalArgumentException("not a scenario scalar: " + value.getClass().getName());
        }

        boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String describe() {
            return type == Type.STRING ? "\"" + text + "\"" : text;
        }
    }

    /** A key of a mapping, with where the key itself was written. */
    record Entry(String key, Origin keyOrigin, Node value) {
    }

    /** A mapping, in the order it was written. Keys are unique (the reader rejects duplicates). */
    record Mapping(List<Entry> entries, Origin origin) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        Node get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        /** A copy with {@code entry} replacing the entry of the same key in place, or appended. */
        Mapping with(Entry entry) {
            List<Entry> copy = new ArrayList<>(entries);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).key().equals(entry.key())) {
                    copy.set(i, entry);
                    return new Mapping(copy, origin);
                }
            }
            copy.add(entry);
            return new Mapping(copy, origin);
        }

        Mapping without(String key) {
            List<Entry> copy = new ArrayList<>(entries);
            copy.removeIf(e -> e.key().equals(key));
            return new Mapping(copy, origin);
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    record Sequence(List<Node> items, Origin origin) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        Sequence with(int index, Node item) {
            List<Node> copy = new ArrayList<>(items);
            if (index == copy.size()) {
                copy.add(item);
            } else {
                copy.set(index, item);
            }
            return new Sequence(copy, origin);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
