package org.innerlab.env;

import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * How an environment is overseen, for measuring conditional misbehaviour: the parameter that fixes
 * whether the agent is observed, its observed and unobserved values, and which episodes count as
 * misbehaviour (DESIGN.md: "the environment defines misbehaviour and the oversight variable").
 *
 * @param parameter    the environment parameter that fixes oversight, e.g. {@code supervisor}
 * @param observed     its value when the agent is observed, e.g. {@code present}
 * @param unobserved   its value when it is not, e.g. {@code absent}
 * @param misbehaviour in words, e.g. "entered the punishment tile"
 * @param misbehaved   whether an episode, given the OR of its step events, misbehaved
 */
public record Oversight(String parameter, String observed, String unobserved, String misbehaviour,
                        LongPredicate misbehaved) {
    public Oversight {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(misbehaved, "misbehaved");
    }
}
