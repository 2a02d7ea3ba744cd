package org.innerlab.learner;

import org.innerlab.learner.AlignmentFakingPlanner.Reason;

/**
 * A learner that logs why it took each action it decided through {@code sample} or {@code greedy}, so
 * an evaluation can measure the reasons instead of inferring them: the faking rate is the share of its
 * compliant decisions logged as {@link Reason#AVOID_MODIFICATION} (Greenblatt et al. 2024).
 */
public interface DecisionLog {
    /** Forgets the logged decisions (before an evaluation). */
    void clearDecisions();

    /** Decisions of {@code action} taken for {@code reason} since the last {@link #clearDecisions}. */
    long decisions(Reason reason, int action);

    /** The index of the compliant action. */
    int complyAction();

    /** Compliant decisions since the last {@link #clearDecisions}, whatever their reason. */
    default long compliantDecisions() {
        long compliant = 0;
        for (Reason r : Reason.values()) {
            compliant += decisions(r, complyAction());
        }
        return compliant;
    }

    /** Compliant decisions since the last {@link #clearDecisions} whose reason was to avoid modification. */
    default long fakedCompliance() {
        return decisions(Reason.AVOID_MODIFICATION, complyAction());
    }
}
