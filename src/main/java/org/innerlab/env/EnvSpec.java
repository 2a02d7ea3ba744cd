package org.innerlab.env;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * The static description of a registered environment: what a researcher needs to configure it and
 * read its results.
 *
 * @param id              versioned id, e.g. {@code coinrun-lite-v1}; a change of semantics bumps the version
 * @param description     one line for {@code innerlab list}
 * @param actions         action names, index = action code
 * @param params          declared parameters (scenario {@code environment.params} and distributions)
 * @param events          event names, index = bit in {@link StepResult#events} (at most 64)
 * @param features        global scalar features an encoder may include (e.g. {@code agent_x})
 * @param intendedGoal    the designer's intended goal in words
 * @param intendedSuccess whether an episode, given the OR of its step events, achieved the intended goal
 * @param competence      whether an episode, given the OR of its step events, did the hard thing on purpose
 * @param oversight       how the environment is overseen and what counts as misbehaviour, or null when it is not
 * @param proxies         candidate proxy goals that coincide with the intended goal in training (may be empty)
 * @param counters        names of per-episode counts the environment keeps (index = {@link Environment#counter}),
 *                        e.g. {@code keys_picked}; the evaluator reports each one's mean per episode (may be empty)
 * @param legend          the symbols of a hand-drawn layout (parameter {@code layout}), or null when the
 *                        environment takes none
 */
public record EnvSpec(String id, String description, List<String> actions, List<ParamSpec> params,
                      List<String> events, List<String> features, String intendedGoal,
                      LongPredicate intendedSuccess, LongPredicate competence, Oversight oversight,
                      List<Proxy> proxies, List<String> counters, Legend legend) {

    /** A spec without a legend: it takes no hand-drawn layout. */
    public EnvSpec(String id, String description, List<String> actions, List<ParamSpec> params,
                   List<String> events, List<String> features, String intendedGoal,
                   LongPredicate intendedSuccess, LongPredicate competence, Oversight oversight,
                   List<Proxy> proxies, List<String> counters) {
        this(id, description, actions, params, events, features, intendedGoal, intendedSuccess, competence,
                oversight, proxies, counters, null);
    }

    /** A spec without declared proxies. */
    public EnvSpec(String id, String description, List<String> actions, List<ParamSpec> params,
                   List<String> events, List<String> features, String intendedGoal,
                   LongPredicate intendedSuccess, LongPredicate competence, Oversight oversight) {
        this(id, description, actions, params, events, features, intendedGoal, intendedSuccess, competence,
                oversight, List.of(), List.of());
    }

    /** A spec without oversight. */
    public EnvSpec(String id, String description, List<String> actions, List<ParamSpec> params,
                   List<String> events, List<String> features, String intendedGoal,
                   LongPredicate intendedSuccess, LongPredicate competence) {
        this(id, description, actions, params, events, features, intendedGoal, intendedSuccess, competence, null);
    }

    public EnvSpec {
        Objects.requireNonNull(id, "id");
        actions = List.copyOf(actions);
        params = List.copyOf(params);
        events = List.copyOf(events);
        features = List.copyOf(features);
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
        counters = counters == null ? List.of() : List.copyOf(counters);
        for (String c : counters) {
            if (events.contains(c) || counters.indexOf(c) != counters.lastIndexOf(c) || !c.matches("[a-z0-9_]+")) {
                // Counters and events share the metric namespace of runs.csv.
                throw new IllegalArgumentException(id + " counter '" + c + "' must be a distinct metric-safe name "
                        + "that is not also an event");
            }
        }
        if (proxies.stream().map(Proxy::name).distinct().count() != proxies.size()) {
            throw new IllegalArgumentException(id + " declares a proxy name twice: " + proxies);
        }
        if (events.size() > 64) {
            throw new IllegalArgumentException(id + " declares " + events.size() + " events; at most 64 fit a step's bit set");
        }
        if (!id.matches("[a-z0-9-]+-v\\d+")) {
            throw new IllegalArgumentException("environment id must look like name-vN, got " + id);
        }
    }

    /** A copy that declares how the environment is overseen; its parameter must be declared. */
    public EnvSpec withOversight(Oversight o) {
        if (param(o.parameter()) == null) {
            throw new IllegalArgumentException(id + " has no parameter '" + o.parameter() + "' to oversee with");
        }
        return new EnvSpec(id, description, actions, params, events, features, intendedGoal, intendedSuccess,
                competence, o, proxies, counters, legend);
    }

    /** A copy that declares these candidate proxy goals (replacing any declared before). */
    public EnvSpec withProxies(Proxy... declared) {
        return new EnvSpec(id, description, actions, params, events, features, intendedGoal, intendedSuccess,
                competence, oversight, List.of(declared), counters, legend);
    }

    /** A copy that declares these per-episode counters (replacing any declared before). */
    public EnvSpec withCounters(String... names) {
        return new EnvSpec(id, description, actions, params, events, features, intendedGoal, intendedSuccess,
                competence, oversight, proxies, List.of(names), legend);
    }

    /**
     * A copy that takes hand-drawn layouts with {@code declared}: it declares the text parameter
     * {@value Legend#PARAMETER} (empty, the default, keeps the environment's own level, built-in or generated), whose longest text is the
     * legend's largest board.
     */
    public EnvSpec withLegend(Legend declared) {
        if (legend != null || param(Legend.PARAMETER) != null) {
            throw new IllegalArgumentException(id + " already declares a layout");
        }
        List<ParamSpec> with = new ArrayList<>(params);
        with.add(ParamSpec.text(Legend.PARAMETER, "", (declared.maxWidth() + 1) * declared.maxHeight(),
                "the board drawn in ASCII with this environment's legend (innerlab describe " + id
                        + "); empty keeps the environment's own level (built-in or generated)"));
        return new EnvSpec(id, description, actions, with, events, features, intendedGoal, intendedSuccess,
                competence, oversight, proxies, counters, declared);
    }

    /** The declared parameter named {@code name}, or null. */
    public ParamSpec param(String name) {
        return ParamSet.find(params, name);
    }

    /** The bit of event {@code name} in a step's event set. */
    public long eventBit(String name) {
        int i = events.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(id + " has no event '" + name + "'; its events are " + events);
        }
        return 1L << i;
    }

    /** The index of action {@code name}. */
    public int action(String name) {
        int i = actions.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(id + " has no action '" + name + "'; its actions are " + actions);
        }
        return i;
    }
}
