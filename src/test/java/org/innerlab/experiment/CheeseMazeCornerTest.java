package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped Cheese Maze scenario, at its full training budget with 20 seeds (the sweep thinned to
 * k = 1, the corner, and k = 7, anywhere in the 5–7 mazes): both halves of the published shape
 * (Langosco et al. 2022), each as non-overlapping 95% bootstrap CIs over seeds, as in summary.csv.
 * Measured with the scenario's 10 seeds (k = 1 against k = 7):
 * <ul>
 *   <li>corner-seeking at test fades as the training cheese region grows: P(reached the top-right
 *       corner | test) 0.475 [0.457, 0.495] against 0.110 [0.098, 0.123];</li>
 *   <li>cheese-finding off the training distribution rises: P(got the cheese | test) 0.446
 *       [0.426, 0.469] against 0.855 [0.840, 0.870];</li>
 *   <li>the learner is competent in training at both ends (P(got the cheese | train) 0.876 and 0.859),
 *       asserted as a mean of at least 0.8 — short of the 0.9 at which {@code Outcome} calls a run
 *       mastered, so most runs are still labelled not-learned (docs/organisms/cheese-maze.md).</li>
 * </ul>
 */
class CheeseMazeCornerTest {
    private static final String REGION = "environment.train.cheese_region";
    private static List<SweepPoint> points;
    private static List<SummaryRow> rows;

    @BeforeAll
    static void runTheThinnedSweep() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "cheese-maze.yaml"), List.of("seeds=20"));
        points = scenario.points().stream()
                .filter(p -> List.of(1, 7).contains(((Number) p.assignments().get(REGION)).intValue()))
                .toList();
        rows = SummaryRows.summarise(points, scenario.seeds());
    }

    @Test
    void corneredCheeseInTrainingMakesTheAgentSeekTheCornerAtTest() {
        SummaryRow small = row(1, "test", "reached_top_right_corner");
        SummaryRow anywhere = row(7, "test", "reached_top_right_corner");
        assertTrue(small.ciLow() > anywhere.ciHigh(), "k=1 " + small + " must lie above k=7 " + anywhere);
    }

    @Test
    void cheeseAnywhereInTrainingMakesTheAgentFindItAtTest() {
        SummaryRow small = row(1, "test", "got_cheese");
        SummaryRow anywhere = row(7, "test", "got_cheese");
        assertTrue(anywhere.ciLow() > small.ciHigh(), "k=7 " + anywhere + " must lie above k=1 " + small);
    }

    @Test
    void theLearnerFindsTheCheeseInMostTrainingMazes() {
        for (int k : new int[] {1, 7}) {
            SummaryRow train = row(k, "train", "got_cheese");
            assertTrue(train.mean() >= 0.8, "k=" + k + " train " + train);
        }
    }

    private static SummaryRow row(int k, String distribution, String metric) {
        return SummaryRows.row(rows, SummaryRows.pointWith(points, REGION, k), distribution, metric);
    }
}
