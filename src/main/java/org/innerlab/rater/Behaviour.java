package org.innerlab.rater;

import org.innerlab.learner.Policy;
import org.innerlab.observe.Encoder;

/**
 * Who plays the episodes a learned rater's comparisons are made of: a policy together with the
 * encoder it acts on (a learner's own observation, which need not be what the reward model sees).
 *
 * @param policy  the acting policy
 * @param encoder what the policy sees
 */
public record Behaviour(Policy policy, Encoder encoder) {
    public Behaviour {
        java.util.Objects.requireNonNull(policy, "policy");
        java.util.Objects.requireNonNull(encoder, "encoder");
    }
}
