package org.innerlab.learner;

/**
 * A rule that moves parameters θ along their accumulated gradient g = ∂L/∂θ, one step at a time.
 * An optimiser is bound at construction to the parameter and gradient blocks it updates (usually a
 * {@link Differentiable}'s), keeps any state it needs in flat arrays allocated then, and allocates
 * nothing per step. The gradient is read, never cleared: zeroing it is the trainer's business.
 */
public sealed interface Optimiser permits Adam, Sgd {
    /** One step of size α = {@code learningRate} along the accumulated gradient. */
    void step(double learningRate);
}
