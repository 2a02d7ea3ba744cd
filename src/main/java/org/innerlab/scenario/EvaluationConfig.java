package org.innerlab.scenario;

import java.util.List;

/**
 * How a trained learner is evaluated.
 *
 * @param episodes      episodes per distribution
 * @param distributions names of the environment distributions to evaluate on
 * @param policy        {@code sampled} (the learned distribution) or {@code greedy} (its argmax)
 */
public record EvaluationConfig(int episodes, List<String> distributions, String policy) {
    public EvaluationConfig {
        distributions = List.copyOf(distributions);
    }
}
