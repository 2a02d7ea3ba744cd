package org.innerlab.regime;

import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ParamSpec;
import org.innerlab.learner.Policy;
import org.innerlab.observe.SparseVector;

/**
 * The KL penalty of RL against a rater, regularising the policy π towards a reference π_ref (the
 * policy when the stage started, e.g. a behaviour-cloned one; Jaques et al. 2017, Ziegler et al. 2019,
 * Stiennon et al. 2020). The regime trains on
 * <pre>
 *   r'_t = r_t − β (log π(a_t | s_t) − log π_ref(a_t | s_t))
 * </pre>
 * whose expectation over a_t ~ π(·|s_t) is r_t − β KL(π(·|s_t) ‖ π_ref(·|s_t)): the return the
 * regime maximises is the rated return minus β times the KL summed along the trajectory. π is the
 * probability the action was sampled with; π_ref is floored at 1e−12 (a deterministic reference would
 * make the penalty infinite). One instance per regime (it keeps a scratch buffer); allocation-free.
 */
public final class KlPenalty {
    /** No penalty (β = 0). */
    public static final KlPenalty NONE = new KlPenalty(null, 0);

    /** The {@code kl_penalty} parameter of the regimes that take one; see {@link StageContext#klPenalty()}. */
    public static final ParamSpec PARAM = ParamSpec.real("kl_penalty", 0.0, 0.0, 1e6,
            "beta: the score is the rater's minus beta (log pi - log pi_ref), pi_ref the policy as the stage starts");

    private static final double FLOOR = 1e-12;

    private final Policy reference;
    private final double beta;
    private final double[] scratch;

    /**
     * @param reference π_ref, a copy that training does not change (see {@code Learner.snapshot})
     * @param beta      β ≥ 0
     */
    public KlPenalty(Policy reference, double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("kl_penalty must be a finite value >= 0, got " + beta);
        }
        if (beta > 0 && reference == null) {
            throw new IllegalArgumentException("a KL penalty needs a reference policy");
        }
        this.reference = reference;
        this.beta = beta;
        this.scratch = reference == null ? null : new double[reference.actionCount()];
    }

    /** β. */
    public double beta() {
        return beta;
    }

    /**
     * β (log π(a|s) − log π_ref(a|s)), to subtract from the step's score.
     *
     * @param obs            the state the action was taken in
     * @param action         the action
     * @param logProbability log π(a|s) under the policy that sampled it
     */
    public double penalty(SparseVector obs, int action, double logProbability) {
        if (beta == 0) {
            return 0;
        }
        reference.probabilities(obs, scratch);
        return beta * (logProbability - FastMath.log(Math.max(scratch[action], FLOOR)));
    }
}
