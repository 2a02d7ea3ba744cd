package org.innerlab.scenario;

import java.util.List;

/**
 * What a learner observes.
 *
 * @param viewRadius     radius r of the egocentric one-hot window ((2r+1)² cells around the agent)
 * @param globalFeatures names of the environment's global features to append (e.g. {@code agent_x})
 * @param controlTags    whether two control-tag inputs (good, bad) follow the features: conditional
 *                       training on tagged demonstrations, and conditional generation at evaluation
 */
public record ObservationConfig(int viewRadius, List<String> globalFeatures, boolean controlTags) {
    public ObservationConfig {
        globalFeatures = List.copyOf(globalFeatures);
    }

    /** An observation without control tags. */
    public ObservationConfig(int viewRadius, List<String> globalFeatures) {
        this(viewRadius, globalFeatures, false);
    }
}
