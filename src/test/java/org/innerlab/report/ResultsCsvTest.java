package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.Bootstrap;
import org.innerlab.measure.MeanEstimate;
import org.innerlab.measure.MetricValue;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {
    static SweepPoint point(int index, Object percent, Object note) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("environment.train.random_coin_percent", percent);
        a.put("learner.note", note);
        return new SweepPoint(index, a, null);
    }

    static final List<SweepPoint> POINTS = List.of(point(0, 0, "plain"), point(1, 2.5, "say \"hi\", twice"));

    /** Deliberately out of (point, run) order, as a parallel executor may deliver them. */
    static final List<RunResult> RUNS = List.of(
            new RunResult(1, 0, -5L, List.of(new MetricValue("test", "got_coin", 0.25),
                    new MetricValue("test", "odd,name", 3))),
            new RunResult(0, 1, 11L, List.of(new MetricValue("test", "got_coin", 1),
                    new MetricValue("train", "line\nbreak", Double.NaN))),
            new RunResult(0, 0, 10L, List.of(new MetricValue("test", "got_coin", 1, 0.75, 1),
                    new MetricValue("train", "line\nbreak", 1.5E-7))));

    @Test
    void runsTableIsLongFormatOrderedByPointRunThenMetricWithQuoting() {
        String expected = """
                point,environment.train.random_coin_percent,learner.note,seed,distribution,metric,value,ci_low,ci_high,label
                0,0,plain,0,test,got_coin,1,0.75,1,unclassified
                0,0,plain,0,train,"line
                break",1.5E-7,,,unclassified
                0,0,plain,1,test,got_coin,1,,,unclassified
                0,0,plain,1,train,"line
                break",NaN,,,unclassified
                1,2.5,"say ""hi"", twice",0,test,got_coin,0.25,,,unclassified
                1,2.5,"say ""hi"", twice",0,test,"odd,name",3,,,unclassified
                """;
        assertEquals(expected, ResultsCsv.runs(POINTS, RUNS));
    }

    @Test
    void summaryTableHasOneRowPerPointDistributionAndMetric() {
        List<RunResult> runs = List.of(
                new RunResult(0, 0, 1L, List.of(new MetricValue("test", "got_coin", 1), new MetricValue("test", "steps", 4))),
                new RunResult(0, 1, 2L, List.of(new MetricValue("test", "got_coin", 1), new MetricValue("test", "steps", 8))),
                new RunResult(1, 0, 3L, List.of(new MetricValue("test", "got_coin", 0.5))));
        MeanEstimate steps = Bootstrap.standard().mean(new double[] {4, 8}, Bootstrap.seedFor(0, "test", "steps"));
        String expected = "point,environment.train.random_coin_percent,learner.note,distribution,metric,n,mean,ci_low,ci_high\n"
                + "0,0,plain,test,got_coin,2,1,1,1\n"
                + "0,0,plain,test,steps,2,6," + Numbers.format(steps.ciLow()) + "," + Numbers.format(steps.ciHigh()) + "\n"
                + "0,0,plain,labels,label_share/unclassified,2,1,1,1\n"
                + "1,2.5,\"say \"\"hi\"\", twice\",test,got_coin,1,0.5,0.5,0.5\n"
                + "1,2.5,\"say \"\"hi\"\", twice\",labels,label_share/unclassified,1,1,1,1\n";
        assertEquals(expected, ResultsCsv.summary(POINTS, ResultsWriter.summarise(runs)));
        // Two runs of 4 and 8: resample means can only be 4, 6 or 8, so the 95% interval is [4, 8].
        assertEquals(4, steps.ciLow(), 0.0);
        assertEquals(8, steps.ciHigh(), 0.0);
    }

    @Test
    void withoutASweepThereAreNoParameterColumns() {
        List<SweepPoint> single = List.of(new SweepPoint(0, Map.of(), null));
        List<RunResult> runs = List.of(new RunResult(0, 0, 1L, List.of(new MetricValue("test", "m", 0.5))));
        assertEquals("point,seed,distribution,metric,value,ci_low,ci_high,label\n0,0,test,m,0.5,,,unclassified\n",
                ResultsCsv.runs(single, runs));
    }

    @Test
    void inconsistentInputsFailNamingTheProblem() {
        List<RunResult> unknownPoint = List.of(new RunResult(7, 0, 1L, List.of()));
        assertEquals("results refer to sweep point 7, which is not among the 2 points given",
                assertThrows(IllegalArgumentException.class, () -> ResultsCsv.runs(POINTS, unknownPoint)).getMessage());
        List<RunResult> twice = List.of(new RunResult(0, 0, 1L, List.of()), new RunResult(0, 0, 1L, List.of()));
        assertThrows(IllegalArgumentException.class, () -> ResultsCsv.runs(POINTS, twice));
        List<SweepPoint> mismatched = List.of(point(0, 0, "a"), new SweepPoint(1, Map.of("other", 1), null));
        assertThrows(IllegalArgumentException.class, () -> ResultsCsv.runs(mismatched, List.of()));
    }
}
