package org.innerlab.scenario;

import java.util.Map;

/**
 * One point of a sweep.
 *
 * @param index       0-based point index, in sweep order (the first sweep key varies slowest)
 * @param assignments swept dotted path → value at this point, in sweep-key order (empty without a sweep)
 * @param scenario    the scenario with this point's values applied and no sweep left
 * @param seedIndex   the point index its runs draw their seeds from: the index among the points of the
 *                    sweep without its {@code condition} key, so that run i of every condition at the
 *                    same values of the other keys shares its seeds (paired arms; see
 *                    {@link org.innerlab.experiment})
 */
public record SweepPoint(int index, Map<String, Object> assignments, Scenario scenario, int seedIndex) {
    /** A point whose runs draw seeds from its own index (a sweep without conditions). */
    public SweepPoint(int index, Map<String, Object> assignments, Scenario scenario) {
        this(index, assignments, scenario, index);
    }
}
