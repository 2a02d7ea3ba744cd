package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.MetricValue;
import org.junit.jupiter.api.Test;

class LabelsCsvTest {
    private static final String K = "environment.train.cheese_region";

    private static RunResult run(int point, int run, double trainSuccess, double testMisgeneralized,
                                 double testMargin) {
        return new RunResult(point, run, 0, List.of(
                new MetricValue("train", "intended_success", trainSuccess),
                new MetricValue("test", "intended_success", 1 - testMisgeneralized),
                new MetricValue("test", "competence", 1),
                new MetricValue("test", "goal_misgeneralization", testMisgeneralized),
                new MetricValue("test", "proxy_margin_low/top_right_corner", testMargin)));
    }

    private static final List<SweepPoint> POINTS = List.of(new SweepPoint(0, Map.of(K, 1), null),
            new SweepPoint(1, Map.of(K, 5), null));

    /** Point 0: a misgeneralized proxy-aligned run and an unlearned one; point 1: two robust runs. */
    private static final List<RunResult> RUNS = List.of(run(1, 1, 1, 0.1, -0.5), run(0, 0, 0.95, 0.8, 0.4),
            run(0, 1, 0.5, 0.9, 0.6), run(1, 0, 0.92, 0.0, -0.9));

    @Test
    void everyRunsLabelsAreListedInRunOrder() {
        assertEquals("""
                point,environment.train.cheese_region,seed,label
                0,1,0,goal-misgeneralized
                0,1,0,proxy-aligned:top_right_corner
                0,1,1,not-learned
                1,5,0,robust
                1,5,1,robust
                """, LabelsCsv.labels(POINTS, RUNS).replace("\r\n", "\n"));
    }

    @Test
    void theSummaryGivesEachLabelsShareOfEveryPointsRuns() {
        assertEquals("""
                point,environment.train.cheese_region,label,runs,share
                0,1,goal-misgeneralized,1,0.5
                0,1,proxy-aligned:top_right_corner,1,0.5
                0,1,not-learned,1,0.5
                0,1,robust,0,0
                1,5,goal-misgeneralized,0,0
                1,5,proxy-aligned:top_right_corner,0,0
                1,5,not-learned,0,0
                1,5,robust,2,1
                """, LabelsCsv.summary(POINTS, RUNS).replace("\r\n", "\n"));
    }

    @Test
    void tallyCountsEachPointsRunsAndLabelsFromTheWrittenFile() {
        List<LabelsCsv.PointLabels> points = LabelsCsv.tally(LabelsCsv.labels(POINTS, RUNS));
        assertEquals(List.of(
                new LabelsCsv.PointLabels("point 0, " + K + "=1", 2,
                        Map.of("goal-misgeneralized", 1, "proxy-aligned:top_right_corner", 1, "not-learned", 1)),
                new LabelsCsv.PointLabels("point 1, " + K + "=5", 2, Map.of("robust", 2))), points);
        assertEquals(List.of("goal-misgeneralized", "proxy-aligned:top_right_corner", "not-learned"),
                List.copyOf(points.get(0).counts().keySet()), "labels in the order the file lists them");
    }
}
