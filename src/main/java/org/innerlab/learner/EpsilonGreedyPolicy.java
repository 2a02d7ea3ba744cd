package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * The ε-greedy policy of a Q-function: with probability ε a uniform action, otherwise uniform over
 * the actions of maximal value. π(a|s) = ε/|A| + (1 − ε)·[a ∈ argmax Q(s,·)] / |argmax Q(s,·)|.
 */
public final class EpsilonGreedyPolicy implements Policy {
    private final QFunction q;
    private final double epsilon;
    private final double[] values;

    public EpsilonGreedyPolicy(QFunction q, double epsilon) {
        this.q = q;
        this.epsilon = epsilon;
        this.values = new double[q.actionCount()];
    }

    @Override
    public int actionCount() {
        return q.actionCount();
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        int n = q.actionCount();
        q.qValues(obs, values);
        double max = values[0];
        for (int a = 1; a < n; a++) {
            max = Math.max(max, values[a]);
        }
        int maxima = ActionChoice.countMaxima(values, n);
        for (int a = 0; a < n; a++) {
            out[a] = epsilon / n + (values[a] == max ? (1 - epsilon) / maxima : 0);
        }
    }
}
