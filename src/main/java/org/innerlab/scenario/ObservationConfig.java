package org.innerlab.scenario;

import java.util.List;

/**
 * What a learner observes.
 *
 * @param viewRadius     radius r of the egocentric one-hot window ((2r+1)² cells around the agent)
 * @param globalFeatures names of the environment's global features to append (e.g. {@code agent_x})
 */
public record ObservationConfig(int viewRadius, List<String> globalFeatures) {
    public ObservationConfig {
        globalFeatures = List.copyOf(globalFeatures);
    }
}
