package org.innerlab.scenario;

import java.util.List;

/**
 * What a learner observes.
 *
 * @param viewRadius     radius r of the egocentric one-hot window ((2r+1)² cells around the agent)
 * @param globalFeatures names of the environment's global features to append (e.g. {@code agent_x})
 * @param controlTags    whether two control-tag inputs (good, bad) follow the features: conditional
 *                       training on tagged demonstrations, and conditional generation at evaluation
 * @param fullBoard      whether the learner sees the whole board one-hot (plus the agent's cell and every
 *                       global feature) instead of the egocentric window; a Q-table always does
 */
public record ObservationConfig(int viewRadius, List<String> globalFeatures, boolean controlTags, boolean fullBoard) {
    public ObservationConfig {
        globalFeatures = List.copyOf(globalFeatures);
    }

    /** An egocentric observation without control tags. */
    public ObservationConfig(int viewRadius, List<String> globalFeatures) {
        this(viewRadius, globalFeatures, false, false);
    }

    /** An egocentric observation. */
    public ObservationConfig(int viewRadius, List<String> globalFeatures, boolean controlTags) {
        this(viewRadius, globalFeatures, controlTags, false);
    }
}
