package org.innerlab.env;

import java.util.Collections;
import org.innerlab.core.ParamSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resolved parameters of one environment instance: every declared parameter, defaults filled
 * in, each value validated and in its canonical type. Immutable.
 */
public final class Params {
    private final EnvSpec spec;
    private final Map<String, Object> values;

    private Params(EnvSpec spec, Map<String, Object> values) {
        this.spec = spec;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Resolves {@code overrides} against the declarations of {@code spec}.
     *
     * @throws IllegalArgumentException naming the parameter, when a key is undeclared or a value invalid
     */
    public static Params resolve(EnvSpec spec, Map<String, ?> overrides) {
        return new Params(spec, ParamSet.resolve(spec.id(), spec.params(), overrides));
    }

    /** All defaults. */
    public static Params defaults(EnvSpec spec) {
        return resolve(spec, Map.of());
    }

    public EnvSpec spec() {
        return spec;
    }

    /**
     * These parameters, checked to be {@code expected}'s: an environment's constructor calls it so that
     * parameters resolved for one environment are never read by another under the same names.
     *
     * @throws IllegalArgumentException when they were resolved for another environment
     */
    public Params requireFor(EnvSpec expected) {
        if (!spec.id().equals(expected.id())) {
            throw new IllegalArgumentException("params are for " + spec.id() + ", not " + expected.id());
        }
        return this;
    }

    public int getInt(String name) {
        return (Integer) require(name);
    }

    public double getDouble(String name) {
        return (Double) require(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    /** Every parameter in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A copy with some values replaced (validated like {@link #resolve}). */
    public Params with(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return resolve(spec, merged);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(spec.id() + " declares no parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.spec.id().equals(spec.id()) && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return spec.id().hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return spec.id() + values;
    }
}
