package org.innerlab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.SweepPoint;

/**
 * The sweep points of one experiment, looked up by index, with the swept keys they share.
 *
 * <p>The sweep keys are point 0's (the lowest index's) assignment keys in their order; every other
 * point must assign exactly the same keys, since the tables give each key a column.
 */
final class PointIndex {
    private final List<String> keys;
    private final Map<Integer, SweepPoint> byIndex = new HashMap<>();

    PointIndex(List<SweepPoint> points) {
        SweepPoint first = null;
        for (SweepPoint p : points) {
            if (byIndex.put(p.index(), p) != null) {
                throw new IllegalArgumentException("two sweep points have index " + p.index());
            }
            if (first == null || p.index() < first.index()) {
                first = p;
            }
        }
        keys = first == null ? List.of() : List.copyOf(first.assignments().keySet());
        for (SweepPoint p : points) {
            if (!List.copyOf(p.assignments().keySet()).equals(keys)) {
                throw new IllegalArgumentException("sweep point " + p.index() + " assigns "
                        + p.assignments().keySet() + " but point " + first.index() + " assigns " + keys);
            }
        }
    }

    /** Swept dotted paths, in sweep-key order. */
    List<String> keys() {
        return keys;
    }

    /** The point with this index; fails naming the index if there is none. */
    SweepPoint point(int index) {
        SweepPoint p = byIndex.get(index);
        if (p == null) {
            throw new IllegalArgumentException("results refer to sweep point " + index
                    + ", which is not among the " + byIndex.size() + " points given");
        }
        return p;
    }

    /** The point's swept values as table text, in key order. */
    List<String> formattedValues(int index) {
        SweepPoint p = point(index);
        List<String> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            out.add(Numbers.format(p.assignments().get(key)));
        }
        return out;
    }
}
