package org.innerlab.experiment;

import java.util.Map;
import org.innerlab.scenario.Scenario;

/**
 * One point of a sweep.
 *
 * @param index       0-based point index, in sweep order (the first sweep key varies slowest)
 * @param assignments swept dotted path → value at this point, in sweep-key order (empty without a sweep)
 * @param scenario    the scenario with this point's values applied and no sweep left
 */
public record SweepPoint(int index, Map<String, Object> assignments, Scenario scenario) {
}
