package org.innerlab.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.innerlab.core.ParamSpec;

/**
 * The curation operators a scenario can list under {@code data.curation}, each with its declared
 * parameters, and how a resolved parameter map becomes the operator.
 */
public final class CurationCatalog {
    /** Matches any persona or any tag in {@code upsample}. */
    public static final String ANY = "any";
    private static final List<String> UNITS = List.of("episode", "step");
    private static final List<String> TAGS = List.of(ANY, "good", "bad", "untagged");
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("filter", "drop episodes (or steps) whose harm exceeds a threshold");
        DESCRIPTIONS.put("tag", "attach a control tag, good when harmless and bad otherwise, to a fraction of episodes");
        DESCRIPTIONS.put("edit", "replace an episode from its first harmful step with the aligned teacher's continuation");
        DESCRIPTIONS.put("refuse", "take the environment's safe fallback action at the first harmful step, and stop there");
        DESCRIPTIONS.put("upsample", "repeat the episodes of a persona and/or tag");
    }

    private CurationCatalog() {
    }

    /** Operator name → description. */
    public static Map<String, String> entries() {
        return java.util.Collections.unmodifiableMap(DESCRIPTIONS);
    }

    /** The parameters of operator {@code name}; {@code personas} are the environment's persona names. */
    public static List<ParamSpec> params(String name, List<String> personas) {
        return switch (name) {
            case "filter" -> List.of(
                    ParamSpec.real("threshold", 0.0, 0.0, 1e9, "harm above this is dropped (0: every harmful step)"),
                    ParamSpec.choice("unit", "episode", UNITS, "drop whole episodes or single steps"));
            case "tag" -> List.of(
                    ParamSpec.real("fraction", 1.0, 0.0, 1.0, "probability that an episode is tagged"),
                    ParamSpec.choice("unit", "episode", UNITS,
                            "whose harm decides a row's tag: its episode's largest, or the step's own"));
            case "edit" -> List.of(
                    ParamSpec.real("threshold", 0.0, 0.0, 1e9, "the first step with harm above this is where the edit starts"));
            case "refuse" -> List.of(
                    ParamSpec.real("threshold", 0.0, 0.0, 1e9, "a step with harm above this is refused"),
                    ParamSpec.choice("fallback", "NOOP", List.of("NOOP"), "the safe action"));
            case "upsample" -> {
                List<String> choices = new ArrayList<>();
                choices.add(ANY);
                choices.addAll(personas);
                yield List.of(
                        ParamSpec.choice("persona", ANY, choices, "repeat this persona's episodes (any: every persona)"),
                        ParamSpec.choice("tag", ANY, TAGS, "repeat episodes with this tag (any: every tag)"),
                        ParamSpec.integer("factor", 2, 1, 1000, "how many times a matching episode appears"));
            }
            default -> throw new IllegalArgumentException("unknown curation operator '" + name + "'; known: "
                    + DESCRIPTIONS.keySet());
        };
    }

    /** Operator {@code name} with its resolved parameters. */
    public static Curation create(String name, Map<String, Object> p) {
        return switch (name) {
            case "filter" -> new Filter((Double) p.get("threshold"), unit(p));
            case "tag" -> new Tag((Double) p.get("fraction"), unit(p));
            case "edit" -> new Edit((Double) p.get("threshold"));
            case "refuse" -> new Refuse((Double) p.get("threshold"), (String) p.get("fallback"));
            case "upsample" -> new Upsample(ANY.equals(p.get("persona")) ? null : (String) p.get("persona"),
                    tag((String) p.get("tag")), (Integer) p.get("factor"));
            default -> throw new IllegalArgumentException("unknown curation operator '" + name + "'");
        };
    }

    private static Curation.Unit unit(Map<String, Object> p) {
        return Curation.Unit.valueOf(((String) p.get("unit")).toUpperCase(Locale.ROOT));
    }

    private static Byte tag(String name) {
        return switch (name) {
            case "good" -> Dataset.GOOD;
            case "bad" -> Dataset.BAD;
            case "untagged" -> Dataset.UNTAGGED;
            default -> null;
        };
    }
}
