package org.innerlab.rater;

import org.innerlab.core.ParamSpec;
import org.innerlab.env.StepResult;

/**
 * Which of a step's two ledgers a flawed rater starts from before adding its flaw: the hidden true
 * objective (a perfect rater gone wrong in one place) or the environment's observed reward.
 */
public enum Ledger {
    /** {@link StepResult#trueReward}. */
    TRUE("true"),
    /** {@link StepResult#observedReward}. */
    ENVIRONMENT("environment");

    /** The names a scenario writes, in declaration order. */
    public static final java.util.List<String> NAMES = java.util.List.of("true", "environment");

    /** The {@code ledger} parameter of the flawed raters that start from one. */
    public static final ParamSpec PARAM = ParamSpec.choice("ledger", "true", NAMES,
            "the reward the rater starts from: true or environment");

    private final String label;

    Ledger(String label) {
        this.label = label;
    }

    /** The ledger a scenario names {@code label}. */
    public static Ledger named(String label) {
        for (Ledger l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown ledger '" + label + "'; known: " + NAMES);
    }

    /** This ledger's reward for {@code step}. */
    public double of(StepResult step) {
        return this == TRUE ? step.trueReward : step.observedReward;
    }
}
