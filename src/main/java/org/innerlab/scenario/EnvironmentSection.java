package org.innerlab.scenario;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.LayoutException;
import org.innerlab.env.Params;
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

    /**
     * The environment written at {@code node}, whose id names {@code spec}.
     *
     * @param buildable parameter sets already built without error during this load; the ones built here
     *                  are added, so a sweep's points and a scenario's conditions build each distinct set once
     */
    static EnvironmentConfig parse(Node node, EnvSpec spec, Set<Params> buildable) {
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
        EnvironmentConfig config = EnvironmentConfig.layered(spec.id(), params, own, layouts);
        requireBuildable(config, spec, s, named, buildable);
        return config;
    }

    /**
     * Builds each distribution's environment once, so that a combination of parameters that are each
     * valid alone but not together (two keys that exclude each other, a time limit too short for the
     * size) is reported here, located at the key it names, instead of failing the run later. Only for
     * environments of the registry; a spec handed in by a test has no factory to ask. A set in
     * {@code buildable} is not built again: building is a pure function of the parameters.
     */
    private static void requireBuildable(EnvironmentConfig config, EnvSpec spec, Section s, Mapping named,
                                         Set<Params> buildable) {
        if (EnvRegistry.spec(spec.id()) != spec) {
            return;
        }
        for (Map.Entry<String, Map<String, Object>> d : config.distributions().entrySet()) {
            try {
                Params params = Params.resolve(spec, d.getValue());
                if (!buildable.contains(params)) {
                    EnvRegistry.create(spec.id(), params);
                    buildable.add(params);
                }
            } catch (IllegalArgumentException | LayoutException e) {
                Node own = s.has(d.getKey()) ? s.get(d.getKey())
                        : named != null && named.entry(d.getKey()) != null ? named.entry(d.getKey()).value() : null;
                String ownField = s.has(d.getKey()) ? "environment." + d.getKey()
                        : "environment.distributions." + d.getKey();
                // A rule of the drawing that depends on the parameters (it must fit max_size) is at its cell.
                var drawing = e instanceof LayoutException ? LayoutSection.drawing(own, ownField, s.get("params"),
                        s.get(LayoutSection.KEY)) : null;
                if (drawing != null) {
                    throw LayoutSection.located((LayoutException) e, drawing.getKey(), drawing.getValue());
                }
                throw located(e.getMessage(), spec, own, ownField, s.get("params"), s);
            }
        }
    }

    /** The error at the value of the first parameter the message names, written in the distribution or in params. */
    private static ScenarioException located(String message, EnvSpec spec, Node own, String ownField, Node params,
                                             Section s) {
        for (ParamSpec p : spec.params()) {
            if (!message.contains("'" + p.name() + "'")) {
                continue;
            }
            for (Node written : new Node[] {own, params}) {
                if (written instanceof Mapping m && m.entry(p.name()) != null) {
                    String field = (written == own ? ownField : "environment.params") + "." + p.name();
                    return new ScenarioException(m.entry(p.name()).value().origin(), field, message, null);
                }
            }
        }
        if (own != null) {
            return new ScenarioException(own.origin(), ownField, message, null);
        }
        return params != null ? new ScenarioException(params.origin(), "environment.params", message, null)
                : new ScenarioException(s.map().origin(), "environment", message, null);
    }

    /** The parameters written at {@code node}, a named layout replaced by its drawing, a drawn one checked. */
    private static Map<String, Object> layouts(Node node, String field, EnvSpec spec, Map<String, String> layouts) {
        Map<String, Object> values = Section.params(node, field, spec.params(), "environment " + spec.id());
        return LayoutSection.resolve(values, node, field, spec, layouts);
    }
}
