package org.innerlab.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.LayoutException;
import org.innerlab.env.Legend;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;

/**
 * Hand-drawn layouts in a scenario: the named drawings of {@code environment.layouts}, and the
 * {@code layout} parameter of {@code environment.params} or a distribution, which is either a drawing
 * (text of more than one line) or the name of one of {@code environment.layouts} (one line), so that
 * train and test, or the points of a sweep, can pick a board by name. Every drawing is checked against
 * the environment's {@link Legend}, and an error points at the row and column inside the YAML block,
 * translated to the file's line and column.
 */
final class LayoutSection {
    static final String KEY = "layouts";

    private LayoutSection() {
    }

    /** The drawings of {@code environment.layouts} by name, each checked; empty when the key is absent. */
    static Map<String, String> named(Node node, EnvSpec spec) {
        Map<String, String> layouts = new LinkedHashMap<>();
        if (node == null) {
            return layouts;
        }
        String field = "environment." + KEY;
        Mapping m = Section.mapping(node, field);
        if (spec.legend() == null) {
            throw new ScenarioException(m.origin(), field, spec.id() + " takes no hand-drawn layouts",
                    "innerlab describe <id> shows an environment's legend when it has one");
        }
        for (Entry e : m.entries()) {
            String f = field + "." + e.key();
            if (!EnvironmentSection.DISTRIBUTION.matcher(e.key()).matches()) {
                throw new ScenarioException(e.keyOrigin(), f, "a layout name must match "
                        + EnvironmentSection.DISTRIBUTION.pattern() + ", got \"" + e.key() + "\"", null);
            }
            if (!(e.value() instanceof Scalar s) || s.type() != Node.Type.STRING || !s.text().contains("\n")) {
                throw new ScenarioException(e.value().origin(), f, "expected a drawing of several lines, got "
                        + e.value().describe(), "write it as a YAML block: '" + e.key() + ": |' and the rows below");
            }
            check(s, f, spec.legend());
            layouts.put(e.key(), s.text());
        }
        return layouts;
    }

    /**
     * {@code values} (parameters as {@link Section#params} read them from {@code node}) with a
     * {@code layout} that names one of {@code named} replaced by its drawing, and a drawn one checked.
     */
    static Map<String, Object> resolve(Map<String, Object> values, Node node, String field, EnvSpec spec,
                                       Map<String, String> named) {
        Object layout = values.get(Legend.PARAMETER);
        if (!(layout instanceof String text) || text.isEmpty() || spec.legend() == null) {
            return values;
        }
        String f = field + "." + Legend.PARAMETER;
        Scalar written = (Scalar) ((Mapping) node).get(Legend.PARAMETER);
        if (text.contains("\n")) {
            check(written, f, spec.legend());
            return values;
        }
        String drawing = named.get(text);
        if (drawing == null) {
            String hint = named.isEmpty() ? "draw the board as a YAML block ('layout: |' and the rows below), or "
                    + "name one drawn under environment." + KEY : Spelling.hint(text, named.keySet(), "named layouts");
            throw new ScenarioException(written.origin(), f, "no layout named '" + text + "'", hint);
        }
        Map<String, Object> resolved = new LinkedHashMap<>(values);
        resolved.put(Legend.PARAMETER, drawing);
        return resolved;
    }

    /** Checks the drawing {@code s} against {@code legend}, pointing an error at its row and column. */
    private static void check(Scalar s, String field, Legend legend) {
        try {
            legend.rows(s.text());
        } catch (LayoutException e) {
            throw located(e, s, field);
        }
    }

    /** {@code e}, raised on the drawing written at {@code s}, as an error at the file's line and column. */
    static ScenarioException located(LayoutException e, Scalar s, String field) {
        Origin content = s.content();
        if (content.hasPosition()) {
            return new ScenarioException(Origin.at(content.file(), content.line() + e.row(),
                    content.column() + e.column()), field, e.problem(), e.hint());
        }
        return new ScenarioException(content, field, "row " + (e.row() + 1) + ", column " + (e.column() + 1)
                + ": " + e.problem(), e.hint());
    }

    /**
     * Where the drawing a distribution plays is written: its own {@code layout}, else {@code params}'s,
     * followed to {@code environment.layouts} when it is a name; null when neither writes one.
     *
     * @return the drawing's node and its field, or null
     */
    static Map.Entry<Scalar, String> drawing(Node own, String ownField, Node params, Node layouts) {
        String field = null;
        Node written = null;
        if (own instanceof Mapping m && m.entry(Legend.PARAMETER) != null) {
            written = m.get(Legend.PARAMETER);
            field = ownField + "." + Legend.PARAMETER;
        } else if (params instanceof Mapping m && m.entry(Legend.PARAMETER) != null) {
            written = m.get(Legend.PARAMETER);
            field = "environment.params." + Legend.PARAMETER;
        }
        if (!(written instanceof Scalar s)) {
            return null;
        }
        if (!s.text().contains("\n") && layouts instanceof Mapping m && m.entry(s.text()) != null
                && m.get(s.text()) instanceof Scalar drawn) {
            return Map.entry(drawn, "environment." + KEY + "." + s.text());
        }
        return Map.entry(s, field);
    }
}
