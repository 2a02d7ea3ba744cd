package org.innerlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The environment of a scenario.
 *
 * @param id            registered versioned id
 * @param params        parameters shared by every distribution (already validated against the id's spec)
 * @param distributions named distributions → their complete parameter overrides ({@code params} with the
 *                      distribution's own keys on top); always contains {@code train} (what training sees)
 *                      first, usually {@code test}. Parameters absent here take the environment's defaults.
 * @param overrides     each distribution's own keys as written, before {@code params} is merged in; kept so
 *                      that changing a shared parameter (a sweep of {@code environment.params.width}) reaches
 *                      exactly the distributions that do not set it themselves
 * @param layouts       the named hand-drawn layouts ({@code environment.layouts}) by name; a {@code layout}
 *                      parameter that named one already holds its drawing, so these are kept for the sweeps
 *                      and distributions that pick one by name when the resolved scenario is read back
 */
public record EnvironmentConfig(String id, Map<String, Object> params, Map<String, Map<String, Object>> distributions,
                                Map<String, Map<String, Object>> overrides, Map<String, String> layouts) {

    public EnvironmentConfig {
        Objects.requireNonNull(id, "id");
        params = frozen(params);
        distributions = frozenNested(distributions);
        overrides = frozenNested(overrides);
        layouts = Collections.unmodifiableMap(new LinkedHashMap<>(layouts));
        if (!overrides.keySet().equals(distributions.keySet())) {
            throw new IllegalArgumentException("overrides name " + overrides.keySet() + " but distributions are "
                    + distributions.keySet());
        }
        for (Map.Entry<String, Map<String, Object>> e : overrides.entrySet()) {
            if (!merge(params, e.getValue()).equals(distributions.get(e.getKey()))) {
                throw new IllegalArgumentException("distribution '" + e.getKey() + "' is " + distributions.get(e.getKey())
                        + " but params " + params + " with its overrides " + e.getValue() + " give another map");
            }
        }
    }

    /**
     * From complete distribution maps alone; a distribution's own keys are taken to be those whose value
     * differs from {@code params}.
     */
    public EnvironmentConfig(String id, Map<String, Object> params, Map<String, Map<String, Object>> distributions) {
        this(id, params, distributions, ownKeys(params, distributions), Map.of());
    }

    /** From shared parameters and each distribution's own keys; the complete maps are derived. */
    public static EnvironmentConfig layered(String id, Map<String, Object> params,
                                            Map<String, Map<String, Object>> overrides) {
        return layered(id, params, overrides, Map.of());
    }

    /** As {@link #layered(String, Map, Map)}, with named hand-drawn layouts. */
    public static EnvironmentConfig layered(String id, Map<String, Object> params,
                                            Map<String, Map<String, Object>> overrides, Map<String, String> layouts) {
        Map<String, Map<String, Object>> complete = new LinkedHashMap<>();
        overrides.forEach((name, own) -> complete.put(name, merge(params, own)));
        return new EnvironmentConfig(id, params, complete, overrides, layouts);
    }

    private static Map<String, Object> merge(Map<String, Object> params, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(params);
        merged.putAll(own);
        return merged;
    }

    private static Map<String, Map<String, Object>> ownKeys(Map<String, Object> params,
                                                            Map<String, Map<String, Object>> distributions) {
        Map<String, Map<String, Object>> own = new LinkedHashMap<>();
        distributions.forEach((name, complete) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            complete.forEach((k, v) -> {
                if (!v.equals(params.get(k))) {
                    o.put(k, v);
                }
            });
            own.put(name, o);
        });
        return own;
    }

    private static Map<String, Object> frozen(Map<String, Object> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static Map<String, Map<String, Object>> frozenNested(Map<String, Map<String, Object>> m) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, frozen(v)));
        return Collections.unmodifiableMap(copy);
    }
}
