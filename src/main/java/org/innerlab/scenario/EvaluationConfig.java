package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * How a trained learner is evaluated.
 *
 * @param episodes      episodes per distribution
 * @param distributions names of the environment distributions to evaluate on
 * @param policy        {@code sampled} (the learned distribution), {@code greedy} (its argmax), or
 *                      {@code both}: sampled, and greedy reported beside it under {@code <distribution>-greedy}
 *                      on the same levels (argmax hides a policy's low-probability tail, sampling shows it)
 * @param curve         the training curve recorded during training, or null for none
 */
public record EvaluationConfig(int episodes, List<String> distributions, String policy, CurveConfig curve) {
    /** The suffix of a distribution's greedy results when {@link #policy} is {@code both}. */
    public static final String GREEDY_SUFFIX = "-greedy";

    public EvaluationConfig {
        distributions = List.copyOf(distributions);
    }

    /** An evaluation without a training curve. */
    public EvaluationConfig(int episodes, List<String> distributions, String policy) {
        this(episodes, distributions, policy, null);
    }

    /** Whether the sampled policy is evaluated. */
    public boolean sampled() {
        return !policy.equals("greedy");
    }

    /** Whether the greedy policy is evaluated. */
    public boolean greedy() {
        return !policy.equals("sampled");
    }

    /**
     * The distribution names results are reported under: each evaluated distribution, followed, when
     * {@link #policy} is {@code both}, by its {@code -greedy} twin.
     */
    public List<String> reported() {
        if (!policy.equals("both")) {
            return distributions;
        }
        List<String> names = new ArrayList<>();
        for (String d : distributions) {
            names.add(d);
            names.add(d + GREEDY_SUFFIX);
        }
        return List.copyOf(names);
    }
}
