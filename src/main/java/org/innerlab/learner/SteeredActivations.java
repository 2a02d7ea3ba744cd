package org.innerlab.learner;

import org.apache.commons.math3.util.FastMath;
import org.innerlab.observe.SparseVector;

/**
 * An {@link MlpPolicy} with a steering vector s added to one hidden layer's pre-activation:
 * h_l = f(W_l h_{l−1} + b_l + s), everything else as in {@link MlpPolicy#forward} (a belief head, when
 * the network has one, is read from the steered top layer like the logits).
 *
 * <p>Like {@link SteeredBelief}, the view reads the network's current weights and computes into
 * buffers of its own, so it changes neither the weights nor the state of the last
 * {@link MlpPolicy#forward}; it allocates nothing per call and, like the network, serves one thread.
 * Made by {@link MlpPolicy#steeredActivations}.
 */
final class SteeredActivations implements Policy {
    private final MlpPolicy net;
    private final int layer;
    private final double[] shift;
    private final double[][] ownPre;
    private final double[][] ownAct;
    private final double[] ownLogits;

    /** {@code layer} counts from 0 here; {@code shift} is kept, not copied. */
    SteeredActivations(MlpPolicy net, int layer, double[] shift) {
        this.net = net;
        this.layer = layer;
        this.shift = shift;
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
        MlpLayout layout = net.layout();
        int actions = layout.actions;
        net.trunk(obs, ownPre, ownAct, layer, shift);
        double[] top = ownAct[layout.widths.length - 1];
        net.dense(top, layout.policyWeights, layout.policyBias, actions, ownLogits);
        if (net.hasBeliefHead()) {
            net.addBelief(1 / (1 + FastMath.exp(-net.beliefLogit(top))), ownLogits);
        }
        MlpPolicy.softmax(ownLogits, out, actions);
    }
}
