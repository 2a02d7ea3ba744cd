package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;

/**
 * The shipped tabular baseline memorizes and does not generalize, over the scenario's own 20 seeds
 * and budget: on its 10 training levels the coin rate's 95% CI lies above 0.3, while on new levels
 * the agent reaches the end in at most 5% of episodes (mean over seeds).
 */
class TabularBaselineTest {
    @Test
    void aQTableLearnsItsTrainingLevelsAndNothingThatTransfers() {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "coinrun-tabular-baseline.yaml"), List.of());
        List<SweepPoint> points = scenario.points();
        List<SummaryRow> rows;
        try {
            rows = SummaryRows.summarise(points, scenario.seeds());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        SummaryRow memorized = row(rows, "train", "got_coin");
        assertTrue(memorized.ciLow() > 0.3, "training levels: " + memorized);
        SummaryRow transferred = row(rows, "fresh", "reached_end");
        assertTrue(transferred.mean() <= 0.05, "new levels: " + transferred);
    }

    private static SummaryRow row(List<SummaryRow> rows, String distribution, String metric) {
        return rows.stream().filter(r -> r.distribution().equals(distribution) && r.metric().equals(metric))
                .findFirst().orElseThrow();
    }
}
