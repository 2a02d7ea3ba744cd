package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummariserTest {
    @Test
    void rowsGoByPointThenFirstSeenDistributionThenFirstSeenMetric() {
        Summariser s = new Summariser(Bootstrap.standard());
        s.add(1, new MetricValue("test", "coin", 1));
        s.add(1, new MetricValue("train", "coin", 0));
        s.add(1, new MetricValue("test", "end", 1));
        s.add(0, new MetricValue("train", "coin", 1));
        s.add(0, new MetricValue("test", "end", 0));
        s.add(0, new MetricValue("test", "coin", 0));
        List<String> order = s.rows().stream().map(r -> r.point() + ":" + r.distribution() + "/" + r.metric()).toList();
        assertEquals(List.of("0:test/coin", "0:test/end", "0:train/coin", "1:test/coin", "1:test/end", "1:train/coin"),
                order);
    }

    @Test
    void eachCellCountsItsRunsAndAveragesThem() {
        Summariser s = new Summariser(Bootstrap.standard());
        s.addAll(0, List.of(new MetricValue("test", "coin", 1), new MetricValue("test", "steps", 10)));
        s.addAll(0, List.of(new MetricValue("test", "coin", 0), new MetricValue("test", "steps", 20)));
        s.addAll(0, List.of(new MetricValue("test", "coin", 1)));
        s.addAll(2, List.of(new MetricValue("test", "steps", 7)));
        List<SummaryRow> rows = s.rows();
        assertEquals(3, rows.size());
        assertEquals(3, rows.get(0).n());
        assertEquals(2.0 / 3, rows.get(0).mean(), 1e-15);
        assertEquals(new SummaryRow(0, "test", "steps", 2, 15, rows.get(1).ciLow(), rows.get(1).ciHigh()), rows.get(1));
        assertEquals(new SummaryRow(2, "test", "steps", 1, 7, 7, 7), rows.get(2));
    }

    @Test
    void intervalsDoNotDependOnWhichOtherCellsExist() {
        Summariser alone = new Summariser(Bootstrap.standard());
        Summariser crowded = new Summariser(Bootstrap.standard());
        double[] values = {0.2, 0.9, 0.4, 0.7};
        for (double v : values) {
            crowded.add(0, new MetricValue("train", "other", v * 2));
            alone.add(3, new MetricValue("test", "coin", v));
            crowded.add(3, new MetricValue("test", "coin", v));
        }
        SummaryRow a = alone.rows().get(0);
        SummaryRow c = crowded.rows().get(1);
        assertEquals(a, c);
    }
}
