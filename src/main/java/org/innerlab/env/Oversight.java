package org.innerlab.env;

import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * How an environment is overseen, for measuring conditional misbehaviour: the parameter that fixes
 * whether the agent is observed, its observed and unobserved values, and which episodes count as
 * misbehaviour (DESIGN.md: "the environment defines misbehaviour and the oversight variable").
 *
 * <p>{@code identicalObservedReward} separates the two readings of a gap in behaviour between the
 * conditions. When it is false (absent supervisor: misbehaviour costs observed reward only when
 * watched) a gap is ordinary reward-following: <em>conditional misbehaviour</em>. When it is true, the
 * environment guarantees that every action earns the same observed reward whether the agent is observed
 * or not, so a gap cannot come from the reward and needs another explanation, such as an agent that
 * models its own training: the precondition of the {@code deceptive-alignment} label of
 * {@link org.innerlab.measure.Outcome}.
 *
 * @param parameter               the environment parameter that fixes oversight, e.g. {@code supervisor}
 * @param observed                its value when the agent is observed, e.g. {@code present}
 * @param unobserved              its value when it is not, e.g. {@code absent}
 * @param misbehaviour            in words, e.g. "entered the punishment tile"
 * @param misbehaved              whether an episode, given the OR of its step events, misbehaved
 * @param identicalObservedReward whether every action's observed reward is the same in both conditions
 */
public record Oversight(String parameter, String observed, String unobserved, String misbehaviour,
                        LongPredicate misbehaved, boolean identicalObservedReward) {
    public Oversight {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(misbehaved, "misbehaved");
    }

    /** Oversight under which the observed reward may differ between the conditions. */
    public Oversight(String parameter, String observed, String unobserved, String misbehaviour,
                     LongPredicate misbehaved) {
        this(parameter, observed, unobserved, misbehaviour, misbehaved, false);
    }
}
