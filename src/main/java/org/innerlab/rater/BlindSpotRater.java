package org.innerlab.rater;

import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/**
 * A rater that is right everywhere except in one blind spot, where it over-rates:
 *
 * <pre>
 *   r_t = ledger(t) + bonus · [event ∈ events_t]
 * </pre>
 *
 * {@code ledger} is the true reward by default (or the observed one), {@code event} a declared event
 * of the environment that marks the blind spot (a region entered, a thing done there) and
 * {@code bonus} how much the rater over-pays for every step showing it. Setting {@code bonus} to the
 * size of the penalty the true reward charges there is "the rater cannot see the penalty" (e.g.
 * {@code entered_punishment_tile} with bonus 30 on the absent supervisor); a larger bonus makes the
 * blind spot pay. Any flaw that pays will be found: online RL can reach the event and exploit it.
 */
public final class BlindSpotRater implements Rater {
    private final Ledger ledger;
    private final long eventBit;
    private final double bonus;

    /**
     * @param ledger   what the rater pays outside the blind spot
     * @param eventBit the bit of the blind spot's event in {@link StepResult#events}
     * @param bonus    what it over-pays for each step showing the event
     */
    public BlindSpotRater(Ledger ledger, long eventBit, double bonus) {
        this.ledger = ledger;
        this.eventBit = eventBit;
        this.bonus = bonus;
    }

    @Override
    public double rate(Environment env, int action, StepResult step) {
        double r = ledger.of(step);
        return (step.events & eventBit) != 0 ? r + bonus : r;
    }
}
