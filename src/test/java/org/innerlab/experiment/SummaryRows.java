package org.innerlab.experiment;

import java.util.List;
import org.innerlab.measure.SummaryRow;

/** Looking up a summary row in the statistical tests of shipped scenarios. */
final class SummaryRows {
    private SummaryRows() {
    }

    /** The row of {@code metric} on {@code distribution} at sweep point {@code point}; fails if there is none. */
    static SummaryRow row(List<SummaryRow> rows, int point, String distribution, String metric) {
        return rows.stream().filter(r -> r.point() == point && r.distribution().equals(distribution)
                && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no summary row " + distribution + "/" + metric + " at point "
                        + point));
    }
}
