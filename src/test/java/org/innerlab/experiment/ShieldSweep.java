package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SummaryRow;
import org.innerlab.report.ClaimCheck;
import org.innerlab.report.ClaimVerdict;
import org.innerlab.report.ResultsWriter;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;

/**
 * A monster-world scenario run at 0 training monsters (the control, which never meets one) and at 2, with
 * 20 seeds, summarised as summary.csv is, with the verdicts on the scenario's claims; and the finding the
 * monster-world tests share about a room without monsters that a claim cannot state (a ratio of series).
 *
 * @param rows    the summary rows
 * @param claims  the verdicts on the scenario's claims (which name only these two points)
 * @param control the point trained without monsters
 * @param trained the point trained with 2
 */
record ShieldSweep(List<SummaryRow> rows, List<ClaimVerdict> claims, int control, int trained) {
    private static final String MONSTERS = "environment.train.monsters";

    /**
     * Runs {@code scenarios/<file>} at 0 and 2 training monsters, with {@code sets} applied ({@code seeds=20}
     * first). The points are thinned here rather than by a {@code --set} sweep, so that each keeps its index in
     * the shipped sweep and with it its seeds.
     */
    static ShieldSweep run(String file, String... sets) throws InterruptedException {
        List<String> overrides = new java.util.ArrayList<>(List.of("seeds=20"));
        overrides.addAll(List.of(sets));
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", file), overrides);
        List<SweepPoint> points = scenario.points().stream()
                .filter(p -> List.of(0, 2).contains(((Number) p.assignments().get(MONSTERS)).intValue()))
                .toList();
        List<RunResult> runs = new Sweep(points, scenario.seeds()).execute(Runtime.getRuntime().availableProcessors());
        List<SummaryRow> rows = ResultsWriter.summarise(points, runs);
        return new ShieldSweep(rows, ClaimCheck.of(scenario.claims(), scenario.validated(), points, runs, rows, false),
                SummaryRows.pointWith(points, MONSTERS, 0), SummaryRows.pointWith(points, MONSTERS, 2));
    }

    /** Every claim of the scenario holds; the message lists their lines. */
    void assertEveryClaimHolds() {
        assertTrue(claims.stream().allMatch(ClaimVerdict::holds),
                claims.stream().map(ClaimVerdict::line).collect(java.util.stream.Collectors.joining("\n")));
    }

    /** The row of the agent trained with monsters. */
    SummaryRow trained(String distribution, String metric) {
        return SummaryRows.row(rows, trained, distribution, metric);
    }

    /** The row of the control. */
    SummaryRow control(String distribution, String metric) {
        return SummaryRows.row(rows, control, distribution, metric);
    }

    /**
     * In a room without monsters every shield is useless: the trained agent picks up at least 1.4 times as
     * many per apple eaten as the control, so its extra shields (a claim) are not just more walking.
     */
    void assertUselessShieldsAreAHabitNotMoreWalking() {
        SummaryRow shields = trained("no-monsters", "shields_picked");
        SummaryRow baseline = control("no-monsters", "shields_picked");
        double perApple = shields.mean() / trained("no-monsters", "apples_eaten").mean();
        double baselinePerApple = baseline.mean() / control("no-monsters", "apples_eaten").mean();
        assertTrue(perApple >= 1.4 * baselinePerApple, "shields per apple " + perApple + " against " + baselinePerApple);
    }
}
