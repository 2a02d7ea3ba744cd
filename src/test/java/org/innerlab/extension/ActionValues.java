package org.innerlab.extension;

import java.util.List;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.learner.EpsilonGreedyPolicy;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Policy;
import org.innerlab.learner.QFunction;
import org.innerlab.observe.SparseVector;

/**
 * A learner written outside innerlab's packages: one action value per action, whatever it observes (a
 * bandit's Q). Being a {@link QFunction}, the registered value-based regimes (q-learning, offline-q)
 * can train it without knowing it exists.
 */
final class ActionValues implements QFunction {
    static final LearnerType<ActionValues> TYPE = new LearnerType<>(
            ComponentInfo.of("action-values", "one value per action, blind to the observation (an extension example)",
                    List.of(ParamSpec.real("eval_epsilon", 0.0, 0.0, 1.0,
                            "exploration rate of the sampled evaluation policy"))),
            ActionValues.class, LearnerType.Observation.SCENARIO,
            c -> new ActionValues(c.actions(), c.real("eval_epsilon")), null);

    private final double[] q;
    private final double evalEpsilon;

    ActionValues(int actions, double evalEpsilon) {
        this.q = new double[actions];
        this.evalEpsilon = evalEpsilon;
    }

    @Override
    public String type() {
        return TYPE.id();
    }

    @Override
    public int actionCount() {
        return q.length;
    }

    @Override
    public void qValues(SparseVector obs, double[] out) {
        System.arraycopy(q, 0, out, 0, q.length);
    }

    @Override
    public void adjust(SparseVector obs, int action, double step) {
        q[action] += step;
    }

    @Override
    public Policy evaluationPolicy() {
        return new EpsilonGreedyPolicy(this, evalEpsilon);
    }

    @Override
    public long parameterCount() {
        return q.length;
    }

    @Override
    public ActionValues snapshot() {
        ActionValues copy = new ActionValues(q.length, evalEpsilon);
        System.arraycopy(q, 0, copy.q, 0, q.length);
        return copy;
    }
}
