package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;
import org.innerlab.scenario.Node.Sequence;

/**
 * Named experimental conditions: each a partial scenario that overrides the file's own keys, so that
 * structurally different arms (behaviour cloning against RL, one regime against a pipeline of two)
 * can be compared in one sweep, {@code sweep: {condition: [bc-aligned, rl-true]}}, on the same seeds
 * and with the same charts.
 *
 * <pre>
 * conditions:
 *   filtered: { data: { curation: [ { filter: { max_harm: 0 } } ] } }
 *   rl-true:  { learner: { type: tabular-q }, training: [ { regime: q-learning, steps: 100000, rater: true } ] }
 * </pre>
 *
 * An override is merged into the scenario map by map: a key the override gives replaces the file's
 * value, except that two maps merge key by key. A map whose selector ({@code type}, {@code id},
 * {@code regime}) the override changes is replaced whole, since the keys valid beside a selector
 * depend on it (a learner's parameters on its type). Lists (training stages) are replaced whole.
 * Each condition is validated as the complete scenario it makes, with errors at the file position
 * of the key that is wrong.
 */
public final class Conditions {
    /** The sweep key whose values are condition names. */
    public static final String KEY = "condition";
    /** None. */
    public static final Conditions NONE = new Conditions(Map.of());
    /** The top-level keys a condition may override. */
    static final List<String> OVERRIDABLE = List.of("seed", "seeds", "environment", "learner", "data", "training",
            "evaluation");
    private static final Set<String> SELECTORS = Set.of("type", "id", "regime");

    private final Map<String, Mapping> overrides;

    Conditions(Map<String, Mapping> overrides) {
        this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The condition names, in file order. */
    public List<String> names() {
        return List.copyOf(overrides.keySet());
    }

    public boolean isEmpty() {
        return overrides.isEmpty();
    }

    Mapping override(String name) {
        return overrides.get(name);
    }

    Map<String, Mapping> overrides() {
        return overrides;
    }

    /** {@code base} with condition {@code name}'s keys merged in. */
    Mapping apply(Mapping base, String name) {
        return merge(base, overrides.get(name));
    }

    /**
     * A copy whose scalars are passed through {@code cap} with their dotted path (list items as
     * indices, e.g. {@code training.0.steps}), for CI budgets.
     */
    Conditions capped(BiFunction<String, Scalar, Scalar> cap) {
        Map<String, Mapping> copy = new LinkedHashMap<>();
        overrides.forEach((name, m) -> copy.put(name, (Mapping) capped(m, "", cap)));
        return new Conditions(copy);
    }

    /** Equal when the same names set the same values, wherever in which file they were written. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Conditions c && text().equals(c.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "Conditions" + names();
    }

    private String text() {
        return overrides.isEmpty() ? "" : YamlEmitter.emit(new Mapping(overrides.entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue().origin(), e.getValue())).toList(), null));
    }

    private static Node capped(Node node, String path, BiFunction<String, Scalar, Scalar> cap) {
        if (node instanceof Mapping m) {
            List<Entry> entries = new ArrayList<>();
            for (Entry e : m.entries()) {
                entries.add(new Entry(e.key(), e.keyOrigin(), capped(e.value(), Section.join(path, e.key()), cap)));
            }
            return new Mapping(entries, m.origin());
        }
        if (node instanceof Sequence s) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                items.add(capped(s.items().get(i), Section.join(path, Integer.toString(i)), cap));
            }
            return new Sequence(items, s.origin());
        }
        return cap.apply(path, (Scalar) node);
    }

    /** {@code override}'s keys merged into {@code base} as the class documentation describes. */
    static Mapping merge(Mapping base, Mapping override) {
        Mapping merged = base;
        for (Entry e : override.entries()) {
            Node old = base.get(e.key());
            if (old instanceof Mapping oldMap && e.value() instanceof Mapping newMap && !selectorChanged(oldMap, newMap)) {
                merged = merged.with(new Entry(e.key(), e.keyOrigin(), merge(oldMap, newMap)));
            } else {
                merged = merged.with(e);
            }
        }
        return merged;
    }

    private static boolean selectorChanged(Mapping old, Mapping override) {
        for (String key : SELECTORS) {
            if (override.get(key) instanceof Scalar s && !(old.get(key) instanceof Scalar o
                    && String.valueOf(o.value()).equals(String.valueOf(s.value())))) {
                return true;
            }
        }
        return false;
    }
}
