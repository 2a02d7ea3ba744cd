package org.innerlab.env;

import java.util.Objects;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * A candidate proxy goal an environment declares: a feature that coincides with the intended goal
 * in training and comes apart from it on a diagnostic distribution (DESIGN.md, "proxy_pursuit").
 * The {@link org.innerlab.measure.Evaluator} reports {@code proxy_pursuit/<name>}, the fraction of
 * episodes that achieved it.
 *
 * @param name        metric-safe name, e.g. {@code end_of_level}
 * @param description what achieving it means, in words
 * @param achieved    whether an episode, given the OR of its step events, achieved the proxy
 */
public record Proxy(String name, String description, LongPredicate achieved) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    public Proxy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(achieved, "achieved");
        if (!NAME.matcher(name).matches()) {
            // The name becomes part of a metric name, which charts and CSV readers parse.
            throw new IllegalArgumentException("proxy name must match " + NAME.pattern() + ", got '" + name + "'");
        }
    }
}
