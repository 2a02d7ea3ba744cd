package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * Action values linear in the features: Q(s, a) = w_a · φ(s), one weight vector per action,
 * stored action-major in one flat array. Semi-gradient updates move w_a along φ(s).
 */
public final class LinearQ implements QFunction {
    /** The {@code linear-q} learner type. */
    public static final LearnerType<LinearQ> TYPE = new LearnerType<>(
            ComponentInfo.of("linear-q", "Q-values linear in the features (one weight vector per action)",
                    List.of(ParamSpec.real("init_std", 0.0, 0.0, 10.0, "std of the Gaussian initial weights"),
                            ParamSpec.real("eval_epsilon", 0.0, 0.0, 1.0,
                            "exploration rate of the sampled evaluation policy (greedy evaluation ignores it)"))),
            LinearQ.class, LearnerType.Observation.SCENARIO,
            c -> new LinearQ(c.encoder().dimension(), c.actions(), c.real("init_std"), c.real("eval_epsilon"),
                    c.seeds().stream("init")),
            new LearnerType.Persistence<>(
                    q -> new TrainedState(Map.of("eval_epsilon", Double.toString(q.evalEpsilon())),
                            Map.of("weights", q.weights().clone()), null),
                    (c, saved) -> {
                        LinearQ q = new LinearQ(c.encoder().dimension(), c.actions(), 0, saved.number("eval_epsilon"),
                                null);
                        saved.copy("weights", q.weights());
                        return q;
                    }));

    private final int actions;
    private final int dimension;
    private final double[] weights;
    private final double evalEpsilon;

    public LinearQ(int dimension, int actions, double initStd, double evalEpsilon, MersenneTwisterFast init) {
        this.actions = actions;
        this.dimension = dimension;
        this.weights = new double[actions * dimension];
        this.evalEpsilon = evalEpsilon;
        if (initStd > 0) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = initStd * init.nextGaussian();
            }
        }
    }

    @Override
    public String type() {
        return "linear-q";
    }

    @Override
    public int actionCount() {
        return actions;
    }

    @Override
    public LinearQ snapshot() {
        LinearQ copy = new LinearQ(dimension, actions, 0, evalEpsilon, null);
        System.arraycopy(weights, 0, copy.weights, 0, weights.length);
        return copy;
    }

    @Override
    public long parameterCount() {
        return weights.length;
    }

    @Override
    public Policy evaluationPolicy() {
        return new EpsilonGreedyPolicy(this, evalEpsilon);
    }

    @Override
    public void qValues(SparseVector obs, double[] out) {
        obs.dots(weights, dimension, actions, out);
    }

    @Override
    public void adjust(SparseVector obs, int action, double step) {
        double norm = obs.squaredNorm();
        if (norm > 0) {
            obs.addScaledTo(weights, action * dimension, step / norm);
        }
    }

    /** Length of the feature vector the weights act on. */
    public int dimension() {
        return dimension;
    }

    /** Exploration rate of the sampled evaluation policy. */
    public double evalEpsilon() {
        return evalEpsilon;
    }

    /** The weights, action-major. */
    public double[] weights() {
        return weights;
    }
}
