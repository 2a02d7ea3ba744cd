package org.innerlab.learner;

import org.innerlab.observe.SparseVector;

/**
 * A learner whose hidden layers can be read and shifted: the capability activation steering needs
 * (Mini, Turner et al. 2023, <em>Understanding and Controlling a Maze-Solving Policy Network</em>).
 * A steering vector lives in the space of one hidden layer's pre-activations a_l = W_l h_{l−1} + b_l;
 * the steered policy computes h_l = f(a_l + s) with the shift s in place of h_l = f(a_l), everything
 * else unchanged. Shifting the pre-activation rather than h_l keeps the nonlinearity after the shift,
 * so even the last hidden layer's steering depends on the state (a shift of h_L would only add the
 * constant W_π s to every state's logits). Reading a layer's size is {@link HiddenActivations}'.
 */
public interface ActivationSteering extends HiddenActivations {
    /**
     * Adds the pre-activation a_l of hidden layer {@code layer} (from 1) at {@code obs} to {@code sum}
     * (length {@link #hiddenWidth}); allocation-free and changes no parameter.
     */
    void addPreActivation(SparseVector obs, int layer, double[] sum);

    /**
     * This learner's policy with {@code shift} added to hidden layer {@code layer}'s pre-activation at
     * every state (the array is copied); the learner itself, and its training, are untouched.
     */
    Policy steeredActivations(int layer, double[] shift);
}
