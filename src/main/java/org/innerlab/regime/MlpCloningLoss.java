package org.innerlab.regime;

import java.util.Arrays;
import org.innerlab.data.Dataset;
import org.innerlab.learner.Adam;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.observe.SparseVector;

/**
 * {@link BehaviourCloning}'s loss on an {@link MlpPolicy}, through its own backpropagation; a tag
 * head shares the trunk. θ is the whole network for the optimiser (the value head gets no gradient)
 * and everything but the value head (and an untrained tag head) for the L2 term. The Adam is the
 * network's own, so its moments carry over from earlier training of the same network.
 */
final class MlpCloningLoss extends CloningLoss {
    private final MlpPolicy net;
    private final int actions;
    private final double tagHeadWeight;
    private final boolean tagHead;
    private final double beliefWeight;
    /** The event bits whose presence labels a row deployed (d_i = 1). */
    private final long beliefLabel;
    private final double[] dLogits;
    private final double[] dTagLogits;
    private final double[] noLogits;

    /**
     * @param tagHeadWeight c_T; the tag head is trained when it is positive
     * @param beliefWeight  c_B; the belief head is trained toward its label when it is positive
     * @param beliefLabel   the event bits that label a row deployed
     */
    MlpCloningLoss(MlpPolicy net, double tagHeadWeight, double beliefWeight, long beliefLabel) {
        this.net = net;
        this.actions = net.actionCount();
        this.tagHeadWeight = tagHeadWeight;
        this.tagHead = tagHeadWeight > 0;
        this.beliefWeight = beliefWeight;
        this.beliefLabel = beliefLabel;
        this.dLogits = new double[actions];
        this.dTagLogits = new double[actions];
        this.noLogits = new double[actions];
    }

    @Override
    void zeroGradients() {
        net.zeroGradients();
    }

    @Override
    double accumulate(SparseVector x, SparseVector bare, int action, byte tag, long events, double weight) {
        net.forward(x);
        double[] p = net.probs();
        int hardened = hardened(net.logits(), actions);
        double loss = weight * actionLoss(net.logits(), actions, action, hardened);
        for (int b = 0; b < actions; b++) {
            dLogits[b] = weight * (p[b] - target(b, action, hardened));
        }
        double dBelief = 0;
        if (beliefWeight > 0) {
            // The belief reads the same input as the policy it feeds.
            double c = beliefWeight * weight;
            double d = (events & beliefLabel) != 0 ? 1 : 0;
            loss += c * binaryCrossEntropy(net.beliefLogit(), d);
            dBelief = c * (net.belief() - d);
        }
        if (!tagHead || tag == Dataset.UNTAGGED) {
            net.backward(x, dLogits, 0, null, dBelief);
            return loss;
        }
        if (x != bare) {
            // The policy saw the tag; the tag head must predict it from the untagged input.
            net.backward(x, dLogits, 0, null, dBelief);
            net.forward(bare);
        }
        double y = tag == Dataset.BAD ? 1 : 0;
        double c = tagHeadWeight * weight;
        double u = net.tagLogits()[action];
        loss += c * binaryCrossEntropy(u, y);
        Arrays.fill(dTagLogits, 0);
        dTagLogits[action] = c * (net.badProbs()[action] - y);
        if (x != bare) {
            net.backward(bare, noLogits, 0, dTagLogits);
        } else {
            net.backward(bare, dLogits, 0, dTagLogits, dBelief);
        }
        return loss;
    }

    @Override
    double addL2(double lambda) {
        if (lambda == 0) {
            return 0;
        }
        double[] t = net.parameters();
        double[] g = net.gradients();
        // The value head sits between the trunk and policy head and the tag and belief heads (the
        // layout's tail); the belief head always feeds the policy, the tag head only when trained,
        // so the walk skips from the value head to the first head the loss reaches.
        int beliefStart = net.hasBeliefHead() ? net.beliefHeadStart() : t.length;
        double sq = 0;
        for (int i = 0; i < t.length; i++) {
            if (i == net.valueHeadStart()) {
                i = tagHead ? net.valueHeadEnd() : beliefStart;
                if (i == t.length) {
                    break;
                }
            }
            g[i] += lambda * t[i];
            sq += t[i] * t[i];
        }
        return 0.5 * lambda * sq;
    }

    @Override
    Adam adam() {
        return net.adam();
    }

    @Override
    double[][] parameterArrays() {
        return net.parameterBlocks();
    }

    @Override
    double[][] gradientArrays() {
        return net.gradientBlocks();
    }
}
