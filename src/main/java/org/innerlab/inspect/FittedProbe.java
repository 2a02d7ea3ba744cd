package org.innerlab.inspect;

import org.apache.commons.math3.util.FastMath;
import org.innerlab.learner.HiddenActivations;
import org.innerlab.observe.SparseVector;

/**
 * A probe fit on one network, ready to read it state by state: what {@code innerlab show --probe} paints
 * beside the board, P(positive | x) = σ(w · h̃_l(x) + b) of the state the agent is about to act in.
 *
 * @param name  the probe's name in the scenario
 * @param net   the network it reads
 * @param layer the hidden layer it reads, 1-based
 * @param probe the fitted probe
 */
public record FittedProbe(String name, HiddenActivations net, int layer, LogisticProbe probe) {
    /** The probe's probability that the state {@code obs} is positive. */
    public double probability(SparseVector obs) {
        double[] h = new double[net.hiddenWidth(layer)];
        net.hiddenActivations(obs, layer, h);
        return 1 / (1 + FastMath.exp(-probe.score(h)));
    }
}
