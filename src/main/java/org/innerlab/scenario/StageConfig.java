package org.innerlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training stage.
 *
 * @param regime a regime from {@code org.innerlab.regime.RegimeCatalog}
 * @param steps  environment steps of training in this stage
 * @param rater  what scores the learner (e.g. {@code environment}: the observed reward)
 * @param params the regime's parameters, defaults filled in
 */
public record StageConfig(String regime, long steps, String rater, Map<String, Object> params) {
    public StageConfig {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
