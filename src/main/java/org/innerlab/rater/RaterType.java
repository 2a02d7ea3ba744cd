package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.core.Registered;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;

/**
 * A rater as a training stage names it: what it pays, its parameters, and how one is built. Some
 * parameters choose among things the environment declares (an event, a proxy), so they are declared
 * per environment and come first; {@link #params(EnvSpec)} is the whole list. Each rater class declares
 * its own as {@code TYPE}; {@link Raters} lists them.
 *
 * @param info              id, summary, paper, and the parameters that do not depend on the environment
 * @param environmentParams the parameters that choose among the environment's declarations
 * @param required          parameters a scenario must write (their "default" only fills the declaration)
 * @param unavailable       why an environment cannot be rated this way, or null when it can
 * @param factory           builds the rater from its resolved parameters
 */
public record RaterType(ComponentInfo info, Function<EnvSpec, List<ParamSpec>> environmentParams,
                        List<String> required, Function<EnvSpec, String> unavailable, Factory factory)
        implements Registered {

    /** Builds a rater. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param params    its resolved parameters
         * @param env       an instance of the environment it will rate
         * @param behaviour who plays a learned rater's comparison episodes (may be null)
         * @param rng       the rater's own stream
         */
        Rater create(Map<String, Object> params, Environment env, Behaviour behaviour, MersenneTwisterFast rng);
    }

    public RaterType {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(environmentParams, "environmentParams");
        required = List.copyOf(required);
        Objects.requireNonNull(unavailable, "unavailable");
        Objects.requireNonNull(factory, "factory");
    }

    /** A rater whose parameters do not depend on the environment and that can rate any environment. */
    public static RaterType of(ComponentInfo info, Factory factory) {
        return new RaterType(info, s -> List.of(), List.of(), s -> null, factory);
    }

    /**
     * A parameter choosing one of the environment's declarations {@code names}, the first by default
     * (a placeholder when there is none: the rater is then unavailable there).
     */
    static ParamSpec choiceAmong(String name, List<String> names, String doc) {
        return ParamSpec.choice(name, names.isEmpty() ? "none" : names.get(0), names, doc);
    }

    /**
     * Its parameters on environment {@code spec}: those choosing among the environment's declarations, then the others.
     *
     * @throws IllegalArgumentException when the environment cannot be rated this way
     */
    public List<ParamSpec> params(EnvSpec spec) {
        String why = unavailable.apply(spec);
        if (why != null) {
            throw new IllegalArgumentException("rater " + id() + " cannot rate " + spec.id() + ": " + why);
        }
        List<ParamSpec> all = new ArrayList<>(environmentParams.apply(spec));
        all.addAll(info.params());
        return all;
    }

    /**
     * Every parameter on {@code spec}, defaults filled and {@code overrides} applied and checked.
     *
     * @throws IllegalArgumentException naming the parameter when one is unknown, invalid or required and missing
     */
    public Map<String, Object> resolve(EnvSpec spec, Map<String, ?> overrides) {
        for (String r : required) {
            if (!overrides.containsKey(r)) {
                throw new IllegalArgumentException("rater " + id() + " needs parameter '" + r + "'");
            }
        }
        return ParamSet.resolve("rater " + id(), params(spec), overrides);
    }

    /**
     * Builds the rater.
     *
     * @param params    its parameters (missing ones take their defaults; required ones must be there)
     * @param env       an instance of the environment it will rate; the learned rater plays its
     *                  comparison episodes in it before returning, so pass one the regime does not use
     * @param behaviour who plays a learned rater's comparison episodes when {@code behaviour:
     *                  learner} (may be null otherwise)
     * @param rng       the rater's own stream (noise, the learned model's data, initialisation and training)
     */
    public Rater create(Map<String, ?> params, Environment env, Behaviour behaviour, MersenneTwisterFast rng) {
        return factory.create(resolve(env.spec(), params), env, behaviour, rng);
    }
}
