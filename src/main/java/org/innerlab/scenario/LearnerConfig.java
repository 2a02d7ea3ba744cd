package org.innerlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;

/**
 * The learner of a scenario.
 *
 * @param type        a learner type from {@code org.innerlab.learner.Learners}
 * @param observation what the learner sees
 * @param params      the type's parameters, defaults filled in
 */
public record LearnerConfig(String type, ObservationConfig observation, Map<String, Object> params) {
    public LearnerConfig {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether the learner sees the whole board: a Q-table always, any other learner when asked. */
    public boolean seesFullBoard() {
        LearnerType<?> learner = Learners.TYPES.find(type);
        return (learner != null && learner.seesFullBoard()) || observation.fullBoard();
    }
}
