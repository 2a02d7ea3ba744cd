package org.innerlab.learner;

/**
 * A learner that acts by combining the policies of several members, each trained on its own: the
 * capability a metric asks for when it compares the committee's behaviour with its members'
 * ({@link Ensemble}).
 */
public interface Committee {
    /** K, the number of members. */
    int memberCount();

    /** Member {@code k}'s own policy, {@code 0 <= k < memberCount()}. */
    Policy memberPolicy(int k);
}
