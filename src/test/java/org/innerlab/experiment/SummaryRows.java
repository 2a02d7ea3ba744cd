package org.innerlab.experiment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SummaryRow;
import org.innerlab.report.ClaimCheck;
import org.innerlab.report.ClaimVerdict;
import org.innerlab.report.ResultsWriter;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.SweepPoint;

/**
 * Running a shipped scenario's sweep and looking up its summary rows or checking its claims, for the
 * statistical scenario tests.
 */
final class SummaryRows {
    private SummaryRows() {
    }

    /** Every run of {@code points} ({@code seeds} each) on all cores, summarised as summary.csv is. */
    static List<SummaryRow> summarise(List<SweepPoint> points, int seeds) throws InterruptedException {
        return ResultsWriter.summarise(new Sweep(points, seeds).execute(Runtime.getRuntime().availableProcessors()));
    }

    /** Every run of {@code scenario}'s sweep on all cores, and the verdicts on its claims, as claims.csv has them. */
    static List<ClaimVerdict> claims(Scenario scenario) throws InterruptedException {
        List<SweepPoint> points = scenario.points();
        List<RunResult> runs = new Sweep(points, scenario.seeds()).execute(Runtime.getRuntime().availableProcessors());
        return ClaimCheck.of(scenario.claims(), scenario.validated(), points, runs, ResultsWriter.summarise(points, runs),
                false);
    }

    /** The row of {@code metric} on {@code distribution} at sweep point {@code point}; fails if there is none. */
    static SummaryRow row(List<SummaryRow> rows, int point, String distribution, String metric) {
        return rows.stream().filter(r -> r.point() == point && r.distribution().equals(distribution)
                && r.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no summary row " + distribution + "/" + metric + " at point "
                        + point));
    }

    /** The index of the point whose swept {@code key} is {@code value}; fails if there is none. */
    static int pointWith(List<SweepPoint> points, String key, Object value) {
        return pointWith(points, Map.of(key, value));
    }

    /**
     * The index of the point whose swept keys have all these values (numbers compared by value, so 0 finds
     * a swept 0.0); fails if there is none.
     */
    static int pointWith(List<SweepPoint> points, Map<String, Object> values) {
        return points.stream().filter(p -> values.entrySet().stream()
                        .allMatch(e -> same(p.assignments().get(e.getKey()), e.getValue())))
                .findFirst().orElseThrow(() -> new AssertionError("no sweep point with " + values)).index();
    }

    private static boolean same(Object swept, Object wanted) {
        return swept instanceof Number a && wanted instanceof Number b ? a.doubleValue() == b.doubleValue()
                : Objects.equals(swept, wanted);
    }
}
