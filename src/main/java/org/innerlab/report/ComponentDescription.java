package org.innerlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;

/**
 * What {@code innerlab describe} and the generated reference pages say about one component: its kind
 * and id, the summary, paper and parameters it declares ({@link ComponentInfo}), and what it can be
 * combined with ({@link ComponentIndex} works that out from the registries), as text or JSON.
 *
 * @param kind         which registry it comes from
 * @param id           the id {@code describe} accepts: the registry id, or {@code <environment>/<persona>}
 * @param summary      one line (a metric's: a paragraph) on what it is or does
 * @param paper        the paper it follows, or ""
 * @param params       its parameters (a rater's and a curation operator's that do not depend on the environment)
 * @param combinations what it combines with, one labelled list each, in reading order
 */
public record ComponentDescription(Kind kind, String id, String summary, String paper, List<ParamSpec> params,
                                   List<Combination> combinations) {

    /** The kinds of component, in the order listings and the reference show them. */
    public enum Kind {
        ENVIRONMENT("environment", "environments", "Environments"),
        LEARNER("learner type", "learners", "Learner types"),
        ENCODER("encoder", "encoders", "Encoders (observations)"),
        REGIME("regime", "regimes", "Training regimes"),
        RATER("rater", "raters", "Raters"),
        CURATION("curation operator", "curation", "Curation operators"),
        PERSONA("persona", "personas", "Teacher personas"),
        METRIC("metric", "metrics", "Metrics");

        private final String word;
        private final String plural;
        private final String title;

        Kind(String word, String plural, String title) {
            this.word = word;
            this.plural = plural;
            this.title = title;
        }

        /** What one component of this kind is called, e.g. {@code learner type}. */
        public String word() {
            return word;
        }

        /** The name of its reference page without {@code .md}, and what {@code describe --kind} accepts. */
        public String plural() {
            return plural;
        }

        /** Its heading in the reference. */
        public String title() {
            return title;
        }
    }

    /**
     * One thing it combines with.
     *
     * @param label e.g. {@code raters} or {@code trained by}
     * @param items the ids or one-line statements, in registry order
     */
    public record Combination(String label, List<String> items) {
        public Combination {
            Objects.requireNonNull(label, "label");
            items = List.copyOf(items);
        }

        /** Whether its items read best on one line: ids (however many), or a few short statements. */
        public boolean fitsOneLine() {
            return items.stream().noneMatch(i -> i.contains(" ")) || String.join(", ", items).length() <= 100;
        }
    }


    public ComponentDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(paper, "paper");
        params = List.copyOf(params);
        combinations = List.copyOf(combinations);
    }

    /** A registered component: summary and paper as its {@code info} declares them. */
    ComponentDescription(Kind kind, String id, ComponentInfo info, List<ParamSpec> params,
                         List<Combination> combinations) {
        this(kind, id, info.summary(), info.paper(), params, combinations);
    }

    /** A parameter's type as the reference writes it: {@code int}, {@code double}, {@code boolean}, {@code choice}. */
    static String type(ParamSpec p) {
        return p.kind().name().toLowerCase(Locale.ROOT);
    }

    /** A parameter's default as a scenario would write it. */
    static String defaultText(ParamSpec p) {
        return "".equals(p.defaultValue()) ? "\"\"" : Numbers.format(p.defaultValue());
    }

    /** A parameter's allowed values: {@code [min, max]}, {@code true | false} or the choices. */
    static String range(ParamSpec p) {
        return switch (p.kind()) {
            case INT -> "[" + (long) p.min() + ", " + (long) p.max() + "]";
            case DOUBLE -> "[" + Numbers.format(p.min()) + ", " + Numbers.format(p.max()) + "]";
            case BOOLEAN -> "true | false";
            case CHOICE -> String.join(" | ", p.choices());
            case TEXT -> "text, at most " + (long) p.max() + " characters";
        };
    }

    /** A parameter as a JSON tree: name, type, default, min and max or choices, doc. */
    static Map<String, Object> paramTree(ParamSpec p) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", p.name());
        tree.put("type", type(p));
        tree.put("default", p.defaultValue());
        switch (p.kind()) {
            case INT -> {
                tree.put("min", (long) p.min());
                tree.put("max", (long) p.max());
            }
            case DOUBLE -> {
                tree.put("min", p.min());
                tree.put("max", p.max());
            }
            case CHOICE -> tree.put("choices", p.choices());
            case TEXT -> tree.put("max_length", (long) p.max());
            case BOOLEAN -> {
                // true or false: nothing to bound.
            }
            default -> throw new AssertionError(p.kind());
        }
        tree.put("doc", p.doc());
        return tree;
    }

    /** Parameters as JSON trees. */
    static List<Object> paramTrees(List<ParamSpec> params) {
        return params.stream().<Object>map(ComponentDescription::paramTree).toList();
    }

    /** This description as a JSON tree: kind, id, summary, paper, parameters, combinations. */
    Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("kind", kind.word());
        tree.put("id", id);
        tree.put("summary", summary);
        tree.put("paper", paper);
        tree.put("parameters", paramTrees(params));
        Map<String, Object> combines = new LinkedHashMap<>();
        combinations.forEach(c -> combines.put(c.label(), c.items()));
        tree.put("combinations", combines);
        return tree;
    }

    /** The descriptions as JSON for tools: an array of {@link #tree()}s. */
    public static String json(List<ComponentDescription> descriptions) {
        return Json.write(descriptions.stream().<Object>map(ComponentDescription::tree).toList(), Json.Layout.FILE);
    }

    /** The description as text for a terminal: heading, summary, paper, parameter table, combinations. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(kind.word()).append(' ').append(id).append('\n');
        out.append("  ").append(summary).append('\n');
        out.append("  paper: ").append(paper.isEmpty() ? "none" : paper).append('\n');
        if (params.isEmpty()) {
            out.append("\nparameters: none\n");
        } else {
            out.append("\nparameters:\n");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "TYPE", "DEFAULT", "RANGE", "MEANING"));
            params.forEach(p -> rows.add(List.of(p.name(), type(p), defaultText(p), range(p), p.doc())));
            int[] widths = new int[4];
            for (List<String> row : rows) {
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            for (List<String> row : rows) {
                out.append(' ');
                for (int c = 0; c < widths.length; c++) {
                    out.append(' ').append(String.format("%-" + widths[c] + "s", row.get(c))).append(' ');
                }
                out.append(' ').append(row.get(4)).append('\n');
            }
        }
        if (!combinations.isEmpty()) {
            out.append("\ncombines with:\n");
            for (Combination c : combinations) {
                if (c.fitsOneLine()) {
                    out.append("  ").append(c.label()).append(": ").append(String.join(", ", c.items())).append('\n');
                } else {
                    out.append("  ").append(c.label()).append(":\n");
                    c.items().forEach(i -> out.append("    - ").append(i).append('\n'));
                }
            }
        }
        return out.toString();
    }

}
