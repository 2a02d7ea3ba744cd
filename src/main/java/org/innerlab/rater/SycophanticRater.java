package org.innerlab.rater;

import java.util.List;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/**
 * A rater that is pleased by flattery: it over-rates every episode that shows a declared
 * "flattery" event, once per episode, whatever else the episode did.
 *
 * <pre>
 *   r_t = ledger(t) + bonus · [event ∈ events_t and event ∉ events_1 | ... | events_{t−1}]
 * </pre>
 *
 * So an episode's rated return is its ledger return plus {@code bonus} if the event happened at
 * least once (repeating it earns nothing more). The difference from {@link BlindSpotRater}: the
 * blind spot over-pays every step in it, sycophancy over-rates the episode as a whole.
 */
public final class SycophanticRater implements Rater {
    /** The rater's registry entry: its flattery is an event the environment declares. */
    public static final RaterType TYPE = new RaterType(ComponentInfo.of("sycophantic",
            "the ledger's reward plus `bonus` once per episode that shows a declared flattery event (param event)",
            List.of(ParamSpec.real("bonus", 5.0, -1e6, 1e6, "what an episode showing it is over-rated by"),
                    Ledger.PARAM)),
            s -> List.of(RaterType.choiceAmong("event", s.events(), "the flattery event")),
            List.of("event"),
            s -> s.events().isEmpty() ? s.id() + " declares no events" : null,
            (p, env, behaviour, rng) -> new SycophanticRater(Ledger.named((String) p.get("ledger")),
                    env.spec().eventBit((String) p.get("event")), (Double) p.get("bonus")));

    private final Ledger ledger;
    private final long eventBit;
    private final double bonus;
    private boolean flattered;

    /**
     * @param ledger   what the rater pays apart from flattery
     * @param eventBit the bit of the flattery event in {@link StepResult#events}
     * @param bonus    what an episode showing it is over-rated by
     */
    public SycophanticRater(Ledger ledger, long eventBit, double bonus) {
        this.ledger = ledger;
        this.eventBit = eventBit;
        this.bonus = bonus;
    }

    @Override
    public void startEpisode(Environment env) {
        flattered = false;
    }

    @Override
    public Rater measuring() {
        return new SycophanticRater(ledger, eventBit, bonus);
    }

    @Override
    public double rate(Environment env, int action, StepResult step) {
        double r = ledger.of(step);
        if (!flattered && (step.events & eventBit) != 0) {
            flattered = true;
            return r + bonus;
        }
        return r;
    }
}
