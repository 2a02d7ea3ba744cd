package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Locale;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/**
 * An honest but noisy rater: a ledger's reward plus independent noise on every step, drawn from
 * the rater's own seeded stream.
 *
 * <pre>
 *   gaussian:  r_t = ledger(t) + σ · ε_t,            ε_t ~ N(0, 1)
 *   flip:      r_t = −ledger(t) with probability p,  ledger(t) otherwise
 * </pre>
 *
 * Label flip is the noise of a labeller who mistakes good for bad; it is meant for ±1 rewards, and
 * flips the sign of any other value (zero stays zero). With p = 0.5 the signal carries no
 * information about the ledger; σ large relative to the returns' spread needs more samples.
 */
public final class NoisyRater implements Rater {
    /** The rater's registry entry: its noise comes from the rater's own stream. */
    public static final RaterType TYPE = RaterType.of(ComponentInfo.of("noisy",
            "the ledger's reward with Gaussian noise (sigma) or sign flips (flip_probability) from "
                    + "the rater's own stream",
            List.of(Ledger.PARAM,
                    ParamSpec.choice("noise", "gaussian", List.of("gaussian", "flip"), "the kind of noise"),
                    ParamSpec.real("sigma", 1.0, 0, 1e6, "standard deviation of the Gaussian noise"),
                    ParamSpec.real("flip_probability", 0.1, 0, 1, "probability of flipping a reward's sign"))),
            (p, env, behaviour, rng) -> new NoisyRater(Ledger.named((String) p.get("ledger")),
                    Kind.valueOf(((String) p.get("noise")).toUpperCase(Locale.ROOT)),
                    (Double) p.get("sigma"), (Double) p.get("flip_probability"), rng));

    /** The two kinds of noise. */
    public enum Kind { GAUSSIAN, FLIP }

    private final Ledger ledger;
    private final Kind kind;
    private final double sigma;
    private final double flipProbability;
    private final MersenneTwisterFast noise;

    /**
     * @param ledger          what the rater observes before noise
     * @param kind            gaussian or flip
     * @param sigma           σ of the Gaussian noise
     * @param flipProbability p of a sign flip
     * @param noise           the rater's own stream (never shared with the regime)
     */
    public NoisyRater(Ledger ledger, Kind kind, double sigma, double flipProbability, MersenneTwisterFast noise) {
        this.ledger = ledger;
        this.kind = kind;
        this.sigma = sigma;
        this.flipProbability = flipProbability;
        this.noise = noise;
    }

    /** A twin whose noise continues from a copy of this rater's stream, which itself does not advance. */
    @Override
    public Rater measuring() {
        return new NoisyRater(ledger, kind, sigma, flipProbability, (MersenneTwisterFast) noise.clone());
    }

    @Override
    public double rate(Environment env, int action, StepResult step) {
        double r = ledger.of(step);
        return switch (kind) {
            case GAUSSIAN -> r + sigma * noise.nextGaussian();
            case FLIP -> noise.nextDouble() < flipProbability ? -r : r;
        };
    }
}
