package org.innerlab.rater;

import java.util.List;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
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
    /** The rater's registry entry: its blind spot is an event the environment declares. */
    public static final RaterType TYPE = new RaterType(ComponentInfo.of("blind-spot",
            "the ledger's reward (true by default) plus `bonus` on every step showing a declared "
                    + "event it cannot see properly (param event)",
            List.of(ParamSpec.real("bonus", 10.0, -1e6, 1e6, "what each step in the blind spot is over-paid"),
                    Ledger.PARAM)),
            s -> List.of(RaterType.choiceAmong("event", s.events(), "the event marking the blind spot")),
            List.of("event"),
            s -> s.events().isEmpty() ? s.id() + " declares no events" : null,
            (p, env, behaviour, rng) -> new BlindSpotRater(Ledger.named((String) p.get("ledger")),
                    env.spec().eventBit((String) p.get("event")), (Double) p.get("bonus")));

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
