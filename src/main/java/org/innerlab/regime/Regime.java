package org.innerlab.regime;

/**
 * A training procedure, advanced in coarse units (an update's worth of episodes) so a MASON
 * schedule can interleave it with other agents or a GUI without paying per environment step.
 */
public interface Regime {
    /** Runs one unit of training and returns the environment steps it consumed (at least 1). */
    long trainUnit();

    /** Environment steps consumed so far. */
    long stepsDone();

    /** The stage's budget of environment steps. */
    long budget();

    /** Whether the budget is spent. */
    default boolean finished() {
        return stepsDone() >= budget();
    }
}
