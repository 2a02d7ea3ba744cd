package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;
import org.innerlab.scenario.Node.Sequence;

/**
 * Dotted paths into a scenario ({@code environment.params.width}, {@code training.0.steps} or
 * {@code training[0].steps}), as used by {@code --set} and {@code sweep}, and setting a value at one.
 *
 * <p>Canonical form: list indices as plain segments ({@code training.0.steps}) and
 * {@code environment.distributions.train} / {@code .test} written as the shorthand
 * {@code environment.train} / {@code .test}. Under {@code sweep.} the rest of the path is a single
 * key (itself a dotted path, canonicalised the same way).
 */
final class DottedPath {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private DottedPath() {
    }

    /**
     * The canonical segments of {@code text}.
     *
     * @throws IllegalArgumentException when {@code text} is not a dotted path
     */
    static List<String> parse(String text) {
        if (text.startsWith("sweep.")) {
            return List.of("sweep", canonical(text.substring("sweep.".length())));
        }
        List<String> segments = new ArrayList<>();
        for (String piece : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(piece);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a dotted path");
            }
            segments.add(m.group(1));
            Matcher i = INDEX.matcher(m.group(2));
            while (i.find()) {
                segments.add(Integer.toString(Integer.parseInt(i.group(1))));
            }
        }
        if (segments.size() >= 3 && segments.get(0).equals("environment") && segments.get(1).equals("distributions")
                && (segments.get(2).equals("train") || segments.get(2).equals("test"))) {
            segments.remove(1);
        }
        return segments;
    }

    /** The canonical text of {@code text}. */
    static String canonical(String text) {
        return String.join(".", parse(text));
    }

    /** The node at {@code segments}, or null when there is none. */
    static Node get(Node root, List<String> segments) {
        Node node = root;
        String prefix = "";
        for (String seg : segments) {
            if (node instanceof Mapping m) {
                Node child = m.get(seg);
                if (child == null && prefix.equals("environment") && m.get("distributions") instanceof Mapping d) {
                    child = d.get(seg);
                }
                node = child;
            } else if (node instanceof Sequence s && seg.matches("\\d+") && Integer.parseInt(seg) < s.items().size()) {
                node = s.items().get(Integer.parseInt(seg));
            } else {
                return null;
            }
            prefix = prefix.isEmpty() ? seg : prefix + "." + seg;
        }
        return node;
    }

    /**
     * A copy of {@code root} with {@code value} at {@code segments}, creating missing maps on the way.
     * A list index may equal the list's size, which appends. New keys get {@code keyOrigin}.
     *
     * @throws ScenarioException when the path runs through a scalar or past the end of a list
     */
    static Node set(Node root, List<String> segments, Node value, Origin keyOrigin) {
        return set(root, segments, 0, value, keyOrigin);
    }

    private static Node set(Node node, List<String> segs, int i, Node value, Origin keyOrigin) {
        if (i == segs.size()) {
            return value;
        }
        String prefix = String.join(".", segs.subList(0, i));
        String seg = segs.get(i);
        boolean last = i + 1 == segs.size();
        if (node == null || node instanceof Scalar s && s.isNull()) {
            node = new Mapping(List.of(), keyOrigin);
        }
        if (node instanceof Sequence s) {
            int size = s.items().size();
            if (!seg.matches("\\d+") || Integer.parseInt(seg) > size) {
                throw new ScenarioException(keyOrigin, prefix, "has " + size + (size == 1 ? " item" : " items")
                        + "; there is no item '" + seg + "'", size == 0 ? null : "items are numbered from 0");
            }
            int index = Integer.parseInt(seg);
            Node child = index < size ? s.items().get(index) : null;
            return s.with(index, set(child, segs, i + 1, value, keyOrigin));
        }
        if (node instanceof Mapping m) {
            if (prefix.equals("environment") && m.entry(seg) == null
                    && m.get("distributions") instanceof Mapping d && d.entry(seg) != null) {
                Entry de = m.entry("distributions");
                Node nd = set(d, segs.subList(i, segs.size()), 0, value, keyOrigin);
                return m.with(new Entry("distributions", de.keyOrigin(), nd));
            }
            Entry e = prefix.equals("sweep") ? sweepEntry(m, seg) : m.entry(seg);
            Node child = e == null ? null : e.value();
            Node replaced = last ? value : set(child, segs, i + 1, value, keyOrigin);
            return m.with(e == null ? new Entry(seg, keyOrigin, replaced) : new Entry(e.key(), e.keyOrigin(), replaced));
        }
        throw new ScenarioException(keyOrigin, prefix, "expected a map or a list to hold '" + seg + "', got "
                + node.describe(), null);
    }

    /** The sweep entry whose key is the same path as {@code key} written another way, or null. */
    private static Entry sweepEntry(Mapping sweep, String key) {
        for (Entry e : sweep.entries()) {
            try {
                if (canonical(e.key()).equals(key)) {
                    return e;
                }
            } catch (IllegalArgumentException notAPath) {
                // an invalid sweep key is reported when the sweep is read; it cannot match here
            }
        }
        return null;
    }
}
