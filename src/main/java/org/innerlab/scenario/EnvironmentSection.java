package org.innerlab.scenario;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.innerlab.env.EnvSpec;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;

/**
 * The {@code environment} section: the environment's id (looked up among the specs the loader was
 * given), its parameters, and its named distributions, each a set of parameters layered over
 * {@code params} ({@code train} and {@code test} may also be written as the shorthand
 * {@code environment.train} / {@code environment.test}), and its named hand-drawn layouts
 * ({@link LayoutSection}).
 */
final class EnvironmentSection {
    static final List<String> KEYS = List.of("id", "params", "train", "test", "distributions", LayoutSection.KEY);
    static final Pattern DISTRIBUTION = Pattern.compile("[a-z0-9_-]+");

    private EnvironmentSection() {
    }

    /**
     * The spec of the environment {@code envNode} names, from {@code specs}; an unknown id is suggested
     * a known one when {@code specs} is an {@link EnvSpecLookup} that lists its ids.
     */
    static EnvSpec spec(Node envNode, Function<String, EnvSpec> specs) {
        Section s = Section.of(envNode, "environment", KEYS);
        Node idNode = s.require("id");
        String id = Section.text(idNode, "environment.id");
        EnvSpec spec = specs.apply(id);
        if (spec == null) {
            Collection<String> knownIds = specs instanceof EnvSpecLookup l ? l.ids() : List.of();
            throw Section.unknown(idNode.origin(), "environment.id", "environment", id, knownIds, "known");
        }
        return spec;
    }

    /** The environment written at {@code node}, whose id names {@code spec}. */
    static EnvironmentConfig parse(Node node, EnvSpec spec) {
        Section s = Section.of(node, "environment", KEYS);
        Map<String, String> layouts = LayoutSection.named(s.get(LayoutSection.KEY), spec);
        Map<String, Object> params = layouts(s.get("params"), "environment.params", spec, layouts);
        Mapping named = s.get("distributions") == null ? null
                : Section.mapping(s.get("distributions"), "environment.distributions");
        Map<String, Map<String, Object>> own = new LinkedHashMap<>();
        for (String shorthand : List.of("train", "test")) {
            Entry written = named == null ? null : named.entry(shorthand);
            if (s.has(shorthand) && written != null) {
                throw new ScenarioException(written.keyOrigin(), "environment.distributions." + shorthand,
                        "distribution '" + shorthand + "' is also given as environment." + shorthand,
                        "write it once");
            }
            if (s.has(shorthand)) {
                own.put(shorthand, layouts(s.get(shorthand), s.field(shorthand), spec, layouts));
            } else if (written != null) {
                own.put(shorthand, layouts(written.value(), "environment.distributions." + shorthand, spec, layouts));
            } else if (shorthand.equals("train")) {
                own.put(shorthand, Map.of());
            }
        }
        if (named != null) {
            for (Entry e : named.entries()) {
                String field = "environment.distributions." + e.key();
                if (!DISTRIBUTION.matcher(e.key()).matches()) {
                    throw new ScenarioException(e.keyOrigin(), field, "a distribution name must match "
                            + DISTRIBUTION.pattern() + ", got \"" + e.key() + "\"", null);
                }
                if (!own.containsKey(e.key())) {
                    own.put(e.key(), layouts(e.value(), field, spec, layouts));
                }
            }
        }
        return EnvironmentConfig.layered(spec.id(), params, own, layouts);
    }

    /** The parameters written at {@code node}, a named layout replaced by its drawing, a drawn one checked. */
    private static Map<String, Object> layouts(Node node, String field, EnvSpec spec, Map<String, String> layouts) {
        Map<String, Object> values = Section.params(node, field, spec.params(), "environment " + spec.id());
        return LayoutSection.resolve(values, node, field, spec, layouts);
    }
}
