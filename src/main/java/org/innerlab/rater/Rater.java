package org.innerlab.rater;

import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/**
 * The training signal of RL: turns the transition just taken into a score. A rater may be flawed
 * (it misses regions, watches only when a supervisor is present, is a learned model); the
 * regime trains on whatever it says, while outcomes are measured on the true objective.
 */
public interface Rater {
    /** The score of the step that produced {@code step}; {@code env} is in the state after the step. */
    double rate(Environment env, StepResult step);

    /** The rater named {@code name} in {@link RaterCatalog}. */
    static Rater named(String name) {
        return switch (name) {
            case "environment" -> (env, step) -> step.observedReward;
            case "true" -> (env, step) -> step.trueReward;
            default -> throw new IllegalArgumentException("unknown rater '" + name + "'; known: "
                    + RaterCatalog.entries().keySet());
        };
    }
}
