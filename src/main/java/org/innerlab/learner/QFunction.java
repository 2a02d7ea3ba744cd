package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * An action-value estimate Q(s, a) that value-based regimes train by moving one entry toward a target.
 */
public interface QFunction extends Learner {
    int actionCount();

    /** Writes Q(obs, a) for every action into {@code out}. */
    void qValues(SparseVector obs, double[] out);

    /**
     * Moves Q(obs, action) by exactly {@code step} along its own gradient: for a table, the entry
     * changes by {@code step}; for a linear model, {@code w_a += step · φ(obs) / ‖φ(obs)‖²} (the
     * normalised LMS step, so a step size means the same whatever the number of active features).
     * A regime passes α·δ.
     */
    void adjust(SparseVector obs, int action, double step);
}
