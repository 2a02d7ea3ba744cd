package org.innerlab.rater;

import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/**
 * The training signal of RL: turns the transition just taken into a score. A rater may be flawed
 * (it misses regions, watches only when a supervisor is present, is a learned model); the
 * regime trains on whatever it says, while outcomes are measured on the true objective.
 *
 * <p>The calling protocol, for every regime: after each {@code env.reset(...)} call
 * {@link #startEpisode} (raters with per-episode state, and the learned rater, which must see the
 * first state before it moves), then after each {@code env.step(a, step)} call
 * {@link #rate rate(env, a, step)}. Both must allocate nothing on the hot path.
 * {@link Raters} builds raters from a scenario's parameters.
 */
public interface Rater {
    /**
     * The score of the step that produced {@code step}.
     *
     * @param env    the environment, in the state after the step
     * @param action the action that was taken (raters of state–action pairs need it)
     * @param step   what the step produced, both ledgers and its events
     */
    double rate(Environment env, int action, StepResult step);

    /** A new episode has just been reset in {@code env}; raters that keep per-episode state start it here. */
    default void startEpisode(Environment env) {
    }

    /**
     * A rater that scores as this one does now, for measuring (a training curve's rated return,
     * best-of-n): using it leaves this rater's training state untouched — its per-episode state (a
     * regime may be mid-episode), its random stream and a learned rater's retraining buffer. Stateless
     * raters return themselves; a learned rater's view shares its live model.
     */
    default Rater measuring() {
        return this;
    }

    /**
     * The rater named {@code name} among those that need neither parameters nor the environment's
     * declarations ({@code environment}, {@code true}); everything else goes through {@link Raters#create}.
     */
    static Rater named(String name) {
        return switch (name) {
            case "environment" -> (env, action, step) -> step.observedReward;
            case "true" -> (env, action, step) -> step.trueReward;
            default -> throw new IllegalArgumentException("rater '" + name + "' needs Raters.create; known: "
                    + Raters.TYPES.ids());
        };
    }
}
