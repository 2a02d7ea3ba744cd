package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * An action-value estimate Q(s, a) that value-based regimes train by moving one entry toward a target.
 */
public interface QFunction extends Learner, StateValue {
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

    /** max<sub>a</sub> Q(obs, a), the value of acting greedily from here. Allocates its scratch. */
    @Override
    default double value(SparseVector obs) {
        double[] qs = new double[actionCount()];
        qValues(obs, qs);
        double best = qs[0];
        for (int a = 1; a < qs.length; a++) {
            best = Math.max(best, qs[a]);
        }
        return best;
    }

    @Override
    default String valueLabel() {
        return "max_a Q(s,a)";
    }
}
