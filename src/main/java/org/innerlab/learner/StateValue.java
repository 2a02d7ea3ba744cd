package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * A learner's own estimate of how good a state is: the value it trains, which a value map draws over the
 * board. V(s) for a policy with a value baseline or head, max<sub>a</sub> Q(s, a) for a Q-function.
 */
public interface StateValue {
    /** The estimate at {@code obs}; it changes no parameter. */
    double value(SparseVector obs);

    /** What the estimate is, for a legend: {@code V(s)} or {@code max_a Q(s,a)}. */
    default String valueLabel() {
        return "V(s)";
    }
}
