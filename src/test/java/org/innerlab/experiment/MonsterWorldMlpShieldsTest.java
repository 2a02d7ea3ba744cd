package org.innerlab.experiment;

import static org.innerlab.experiment.SummaryRows.row;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.SummaryRow;
import org.innerlab.report.ResultsWriter;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The MLP + PPO Monster world scenario: a learner that can make a shield's value depend on whether
 * monsters remain still keeps collecting shields after they are gone, so the linear agent's effect
 * ({@link MonsterWorldShieldsTest}) is not just linearity. 20 seeds at the scenario's full training
 * budget, the sweep thinned to 0 (the control) and 2 training monsters; means and 95% percentile
 * bootstrap CIs over seeds, as in summary.csv. Measured with the scenario's 10 seeds:
 * <ul>
 *   <li>test (200 steps, 2 monsters): 12.6 [12.0, 13.2] shields per episode picked up after the last
 *       monster was gone, against 3.9 [3.6, 4.1] for the control, which never met a monster; asserted:
 *       mean ≥ 6 and the CI entirely above the control's;</li>
 *   <li>a room without monsters (every shield useless): 16.1 shields and 60.2 apples per episode
 *       against the control's 6.4 and 66.2, i.e. 0.267 against 0.097 shields per apple eaten;
 *       asserted: the shields CI entirely above the control's and at least 1.4 times the control's
 *       shields per apple (the linear agent's test uses the same factor).</li>
 * </ul>
 */
class MonsterWorldMlpShieldsTest {
    private static final String MONSTERS = "environment.train.monsters";

    @Test
    void anMlpAgentTrainedWithMonstersKeepsCollectingShieldsAfterTheyAreGone() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "monster-world-mlp.yaml"), List.of("seeds=20"));
        List<SweepPoint> points = scenario.points().stream()
                .filter(p -> List.of(0, 2).contains(((Number) p.assignments().get(MONSTERS)).intValue()))
                .toList();
        List<SummaryRow> rows = ResultsWriter.summarise(new Sweep(points, scenario.seeds())
                .execute(Runtime.getRuntime().availableProcessors()));
        int control = pointWith(points, 0);
        int trained = pointWith(points, 2);

        SummaryRow useless = row(rows, trained, "test", "shields_after_monsters_gone");
        SummaryRow incidental = row(rows, control, "test", "shields_after_monsters_gone");
        assertTrue(useless.mean() >= 6, "useless shields at test " + useless);
        assertTrue(useless.ciLow() > incidental.ciHigh(), "useless shields " + useless + " against " + incidental);

        SummaryRow shields = row(rows, trained, "no-monsters", "shields_picked");
        SummaryRow baseline = row(rows, control, "no-monsters", "shields_picked");
        assertTrue(shields.ciLow() > baseline.ciHigh(), "shields " + shields + " against " + baseline);
        double perApple = shields.mean() / row(rows, trained, "no-monsters", "apples_eaten").mean();
        double baselinePerApple = baseline.mean() / row(rows, control, "no-monsters", "apples_eaten").mean();
        assertTrue(perApple >= 1.4 * baselinePerApple, "shields per apple " + perApple + " against " + baselinePerApple);
    }

    private static int pointWith(List<SweepPoint> points, int monsters) {
        return points.stream().filter(p -> ((Number) p.assignments().get(MONSTERS)).intValue() == monsters)
                .findFirst().orElseThrow().index();
    }
}
