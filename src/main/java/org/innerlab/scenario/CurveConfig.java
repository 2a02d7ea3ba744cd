package org.innerlab.scenario;

import java.util.List;

/**
 * A training curve: the policy evaluated at fixed intervals of training, and optionally best-of-n
 * sampling from the reference policy, both reported in the ordinary long format under distribution
 * names that carry their x value after an {@code @}: {@code train@20000} (the {@code train}
 * distribution after 20,000 training steps), {@code train-bon@16} (best of 16 episodes of the
 * reference policy on {@code train}). With {@code online}, each point also records the training
 * environment's own last episode under {@code online@<steps>}: for a non-episodic world whose episodes are
 * bookkeeping blocks of one unbroken life, what training itself did to the world.
 *
 * @param every          training steps between evaluations (over all stages; the curve also records the
 *                       reference point, when its stage starts, and the end of training)
 * @param episodes       evaluation episodes per point and distribution
 * @param distributions  the distributions evaluated at each point
 * @param referenceStage the stage at whose start the reference policy is copied (KL is measured to it, and
 *                       best-of-n samples from it) and recording begins
 * @param bestOfNPool    episodes sampled from the reference policy for the best-of-n estimates (0: none)
 * @param bestOfN        the values of n, each at most the pool size
 * @param online         whether each point also records the training environment's last episode
 */
public record CurveConfig(long every, int episodes, List<String> distributions, int referenceStage, int bestOfNPool,
                          List<Integer> bestOfN, boolean online) {
    /** What separates a curve point's distribution from its x value. */
    public static final String AT = "@";
    /** The suffix of a distribution's best-of-n points: {@code train-bon@16}. */
    public static final String BEST_OF_N = "-bon";
    /** The base of the points that record the training environment's own episodes: {@code online@5000}. */
    public static final String ONLINE = "online";

    public CurveConfig {
        distributions = List.copyOf(distributions);
        bestOfN = List.copyOf(bestOfN);
    }

    /** A curve that does not record the training environment's own episodes. */
    public CurveConfig(long every, int episodes, List<String> distributions, int referenceStage, int bestOfNPool,
                       List<Integer> bestOfN) {
        this(every, episodes, distributions, referenceStage, bestOfNPool, bestOfN, false);
    }

    /** The distribution name of a point: {@code <distribution>@<x>}. */
    public static String point(String distribution, long x) {
        return distribution + AT + x;
    }
}
