package org.innerlab.core;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every registered component says about itself: the id a scenario writes, one line on what it
 * does, the paper it follows, and its parameters. Scenario validation, {@code innerlab list},
 * {@code innerlab describe} and the generated reference pages all read this one record.
 *
 * @param id      the name a scenario writes: lower-case words joined by '-' or '_' (e.g. {@code linear-softmax},
 *                {@code ppo}, {@code misbehaviour_rate})
 * @param summary one line: what it is or does
 * @param paper   the paper it follows, or "" when it follows none
 * @param params  its declared parameters, in the order a reader should see them (no two share a name)
 */
public record ComponentInfo(String id, String summary, String paper, List<ParamSpec> params) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+([-_][a-z0-9]+)*");

    public ComponentInfo {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("component id must be lower-case words joined by '-' or '_', got '" + id + "'");
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("component '" + id + "' needs a one-line summary");
        }
        paper = paper == null ? "" : paper;
        params = List.copyOf(params);
        Set<String> names = new HashSet<>();
        for (ParamSpec p : params) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("component '" + id + "' declares parameter '" + p.name() + "' twice");
            }
        }
    }

    /** A component that follows no paper. */
    public static ComponentInfo of(String id, String summary, List<ParamSpec> params) {
        return new ComponentInfo(id, summary, "", params);
    }

    /** The declared parameter {@code name}, or null. */
    public ParamSpec param(String name) {
        return ParamSet.find(params, name);
    }
}
