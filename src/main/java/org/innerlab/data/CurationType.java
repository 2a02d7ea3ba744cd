package org.innerlab.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.core.Registered;

/**
 * A curation operator as {@code data.curation} names it: what it does, its parameters, and how a
 * resolved parameter map becomes the operator. A parameter may choose among the environment's
 * personas, so the parameters are declared per persona list; {@link #info()} lists them for an
 * environment without personas. Each operator declares its own as {@code TYPE}; {@link Curations}
 * lists them.
 *
 * @param info      id, summary, paper, and the parameters for an environment without personas
 * @param paramsFor the parameters, given the environment's persona names
 * @param factory   the operator with its resolved parameters
 */
public record CurationType(ComponentInfo info, Function<List<String>, List<ParamSpec>> paramsFor,
                           Function<Map<String, Object>, Curation> factory) implements Registered {

    public CurationType {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(paramsFor, "paramsFor");
        Objects.requireNonNull(factory, "factory");
    }

    /** An operator whose parameters do not depend on the personas. */
    static CurationType of(String id, String summary, List<ParamSpec> params,
                           Function<Map<String, Object>, Curation> factory) {
        return new CurationType(ComponentInfo.of(id, summary, params), personas -> params, factory);
    }

    /** An operator whose parameters choose among the environment's personas. */
    static CurationType perPersonas(String id, String summary, Function<List<String>, List<ParamSpec>> paramsFor,
                                    Function<Map<String, Object>, Curation> factory) {
        return new CurationType(ComponentInfo.of(id, summary, paramsFor.apply(List.of())), paramsFor, factory);
    }

    /** Its parameters on an environment whose personas are {@code personas}. */
    public List<ParamSpec> params(List<String> personas) {
        return paramsFor.apply(personas);
    }

    /** The operator with its resolved parameters. */
    public Curation create(Map<String, Object> params) {
        return factory.apply(params);
    }
}
