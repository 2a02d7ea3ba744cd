package org.innerlab.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves raw overrides against a list of declared parameters: defaults filled, values coerced. */
public final class ParamSet {
    private ParamSet() {
    }

    /**
     * Every declared parameter in declaration order, with {@code overrides} applied.
     *
     * @param owner what the parameters belong to, for error messages (e.g. {@code "regime reinforce"})
     * @throws IllegalArgumentException naming the parameter when a key is undeclared or a value invalid
     */
    public static Map<String, Object> resolve(String owner, List<ParamSpec> specs, Map<String, ?> overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : specs) {
            values.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            ParamSpec p = find(specs, e.getKey());
            if (p == null) {
                throw new IllegalArgumentException(owner + " has no parameter '" + e.getKey()
                        + "'; its parameters are " + values.keySet());
            }
            try {
                values.put(p.name(), p.coerce(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(owner + " parameter '" + p.name() + "' " + ex.getMessage(), ex);
            }
        }
        return values;
    }

    /** The declaration named {@code name}, or null. */
    public static ParamSpec find(List<ParamSpec> specs, String name) {
        for (ParamSpec p : specs) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
