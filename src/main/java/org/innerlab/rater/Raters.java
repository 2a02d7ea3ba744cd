package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.Registry;
import org.innerlab.env.Environment;

/** The raters a training stage can name: one line per rater, in the order {@code innerlab list} shows them. */
public final class Raters {
    /** The environment's observed reward, as the environment pays it. */
    public static final RaterType ENVIRONMENT = RaterType.of(
            ComponentInfo.of("environment", "the environment's observed reward", List.of()),
            (p, env, behaviour, rng) -> Rater.named("environment"));
    /** The hidden true objective. */
    public static final RaterType TRUE = RaterType.of(
            ComponentInfo.of("true", "the hidden true objective: a perfect rater", List.of()),
            (p, env, behaviour, rng) -> Rater.named("true"));

    public static final Registry<RaterType> TYPES = new Registry<>("rater");

    static {
        TYPES.register(ENVIRONMENT);
        TYPES.register(TRUE);
        TYPES.register(ProxyRater.TYPE);
        TYPES.register(BlindSpotRater.TYPE);
        TYPES.register(SupervisedOnlyRater.TYPE);
        TYPES.register(NoisyRater.TYPE);
        TYPES.register(SycophanticRater.TYPE);
        TYPES.register(LearnedRater.TYPE);
    }

    private Raters() {
    }

    /**
     * Builds rater {@code name}; see {@link RaterType#create}.
     *
     * @throws IllegalArgumentException for an unknown rater, one the environment cannot support, or a bad parameter
     */
    public static Rater create(String name, Map<String, ?> params, Environment env, Behaviour behaviour,
                              MersenneTwisterFast rng) {
        return TYPES.require(name).create(params, env, behaviour, rng);
    }
}
