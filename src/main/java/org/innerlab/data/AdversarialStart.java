package org.innerlab.data;

import ec.util.MersenneTwisterFast;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/**
 * The toy analog of an attack prompt: an episode whose first {@code k} actions are forced from a
 * (usually misaligned) persona, after which a learner takes over from wherever that left it. The
 * measurement side asks whether the learner continues the misbehaviour or recovers; this helper
 * plays the forced prefix and says what it already did, so that misbehaviour of the prefix is not
 * blamed on the learner.
 */
public final class AdversarialStart {
    /**
     * What the forced prefix did.
     *
     * @param forcedSteps    steps played (fewer than k when the episode ended first)
     * @param misbehaved     whether a forced step was harmful ({@link Harm} above 0)
     * @param ended          whether the episode ended during the prefix (the learner then has nothing to do)
     * @param events         OR of the forced steps' events, to combine with the learner's
     * @param observedReturn sum of the forced steps' observed rewards
     * @param trueReturn     sum of the forced steps' true rewards
     */
    public record Prefix(int forcedSteps, boolean misbehaved, boolean ended, long events, double observedReturn,
                         double trueReturn) {
    }

    private final Teacher persona;
    private final int k;
    private final Harm harm;
    private final StepResult out = new StepResult();
    private final double[] probabilities;

    /**
     * @param env     the instance the starts are played on (for its harm rule and action count)
     * @param persona whose actions are forced
     * @param k       how many actions, ≥ 0
     */
    public AdversarialStart(Environment env, Teacher persona, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("forced steps must be >= 0, got " + k);
        }
        this.persona = java.util.Objects.requireNonNull(persona, "persona");
        this.k = k;
        this.harm = Harm.of(env.spec());
        this.probabilities = new double[env.actionCount()];
    }

    /**
     * Plays the persona's first {@code k} actions on {@code env}, which has just been reset; the
     * persona's draws come from {@code rng}, one {@code nextDouble()} per forced step.
     */
    public Prefix force(Environment env, MersenneTwisterFast rng) {
        boolean misbehaved = false;
        long events = 0;
        double observed = 0;
        double trueReturn = 0;
        int t = 0;
        boolean ended = false;
        while (t < k && !ended) {
            env.step(persona.act(env, probabilities, rng), out);
            t++;
            misbehaved |= harm.of(out.events, out.observedReward, out.trueReward) > 0;
            events |= out.events;
            observed += out.observedReward;
            trueReturn += out.trueReward;
            ended = out.done();
        }
        return new Prefix(t, misbehaved, ended, events, observed, trueReturn);
    }
}
