package org.innerlab.learner;

/**
 * A learner whose choices follow an explicit goal vector that training moves (the alignment-faking
 * planner): how far training moved it, and where it left the preference between refusing and
 * complying with a harmful request, are numbers about the learner itself, not about episodes.
 */
public interface GoalVector {
    /** ‖g − g₀‖₂: how far training has moved the goal from where it started. */
    double goalDrift();

    /** g[harmful, refuse] − g[harmful, comply]: how much the goal still prefers refusing a harmful request. */
    double refusalPreference();
}
