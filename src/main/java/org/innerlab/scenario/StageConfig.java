package org.innerlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;

/**
 * One training stage.
 *
 * @param regime      a regime registered in {@code org.innerlab.regime.Regimes}
 * @param steps       environment steps of training in this stage
 * @param rater       the name of what scores the learner, registered in {@code org.innerlab.rater.Raters}
 *                    (e.g. {@code environment}: the observed reward)
 * @param params      the regime's parameters, defaults filled in
 * @param raterParams the rater's parameters, defaults filled in (empty for raters without parameters)
 * @param data        the demonstrations of a behaviour-cloning or offline-RL stage (the scenario's
 *                    {@code data} with the stage's own {@code data} keys merged in); for an adversarial-training
 *                    stage, the red team's distribution, candidates per round ({@code episodes}), target
 *                    ({@code good}), attacker ({@code bad}) and share of adversarial starts ({@code bad_fraction});
 *                    null for other regimes
 */
public record StageConfig(String regime, long steps, String rater, Map<String, Object> params,
                          Map<String, Object> raterParams, DataConfig data) {
    /** The regime that learns from demonstrations rather than from a rater. */
    public static final String BEHAVIOUR_CLONING = "behaviour-cloning";
    /** The regime that clones a target's actions where a red team finds the learner misbehaving. */
    public static final String ADVERSARIAL_TRAINING = "adversarial-training";

    public StageConfig {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        raterParams = Collections.unmodifiableMap(new LinkedHashMap<>(raterParams));
    }

    /** A stage without demonstrations. */
    public StageConfig(String regime, long steps, String rater, Map<String, Object> params,
                       Map<String, Object> raterParams) {
        this(regime, steps, rater, params, raterParams, null);
    }

    /** Whether this stage learns from a dataset of demonstrations or searches with a red team ({@link #data}). */
    public boolean learnsFromData() {
        return Regimes.TYPES.require(regime).data() != RegimeType.DataUse.NONE;
    }

    /** Whether a rater scores this stage (its regime says; behaviour cloning and adversarial training have none). */
    public boolean hasRater() {
        return Regimes.TYPES.require(regime).rated();
    }

    /** Whether this stage clones demonstrations (its budget is then its epochs, not {@link #steps}). */
    public boolean clonesDemonstrations() {
        return BEHAVIOUR_CLONING.equals(regime);
    }

    /** A stage whose rater has no parameters. */
    public StageConfig(String regime, long steps, String rater, Map<String, Object> params) {
        this(regime, steps, rater, params, Map.of());
    }
}
