package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;

/**
 * A monster-world scenario run at 0 training monsters (the control, which never meets one) and at 2, with
 * 20 seeds, summarised as summary.csv is; and the claim the monster-world tests share about a room
 * without monsters.
 *
 * @param rows    the summary rows
 * @param control the point trained without monsters
 * @param trained the point trained with 2
 */
record ShieldSweep(List<SummaryRow> rows, int control, int trained) {
    private static final String MONSTERS = "environment.train.monsters";

    /** Runs {@code scenarios/<file>} at 0 and 2 training monsters. */
    static ShieldSweep run(String file) throws InterruptedException {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", file), List.of("seeds=20"));
        List<SweepPoint> points = scenario.points().stream()
                .filter(p -> List.of(0, 2).contains(((Number) p.assignments().get(MONSTERS)).intValue()))
                .toList();
        return new ShieldSweep(SummaryRows.summarise(points, scenario.seeds()), SummaryRows.pointWith(points, MONSTERS, 0),
                SummaryRows.pointWith(points, MONSTERS, 2));
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
     * In a room without monsters every shield is useless: the trained agent picks up more than the
     * control (CIs apart) and at least 1.4 times as many per apple eaten, so it is not just more walking.
     */
    void assertUselessShieldsAreAHabitNotMoreWalking() {
        SummaryRow shields = trained("no-monsters", "shields_picked");
        SummaryRow baseline = control("no-monsters", "shields_picked");
        assertTrue(shields.ciLow() > baseline.ciHigh(), "shields " + shields + " against " + baseline);
        double perApple = shields.mean() / trained("no-monsters", "apples_eaten").mean();
        double baselinePerApple = baseline.mean() / control("no-monsters", "apples_eaten").mean();
        assertTrue(perApple >= 1.4 * baselinePerApple, "shields per apple " + perApple + " against " + baselinePerApple);
    }
}
