package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact values of the comparison statistics on small hand-checked samples. */
class ComparisonTest {
    @Test
    void holmMultipliesTheKthSmallestByMMinusKPlusOneAndKeepsOrder() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("a", 0.01);
        p.put("b", 0.04);
        p.put("c", 0.03);
        p.put("d", 0.5);
        Map<String, Double> adjusted = Comparison.holm(p);
        assertEquals(0.04, adjusted.get("a"), 1e-15);       // 4 × 0.01
        assertEquals(0.09, adjusted.get("c"), 1e-15);       // 3 × 0.03
        assertEquals(0.09, adjusted.get("b"), 1e-15);       // max(2 × 0.04, 0.09): monotone
        assertEquals(0.5, adjusted.get("d"), 1e-15);        // 1 × 0.5
    }

    @Test
    void cliffsDeltaCountsPairsWhereBBeatsAMinusTheReverse() {
        // Pairs (a, b): 1<2, 1<3, 2=2, 2<3, 4>2, 4>3 → (3 − 2) / 6.
        assertEquals(1.0 / 6, Comparison.cliffsDelta(new double[] {1, 2, 4}, new double[] {2, 3}), 1e-15);
        assertEquals(1.0, Comparison.cliffsDelta(new double[] {0, 0}, new double[] {1, 2}), 0);
    }

    @Test
    void completeSeparationOfTenAgainstTenGivesTheNormalApproximationP() {
        double[] a = new double[10];
        double[] b = new double[10];
        for (int i = 0; i < 10; i++) {
            a[i] = i;
            b[i] = 100 + i;
        }
        Comparison.Row r = Comparison.compare(Map.of("m", a), Map.of("m", b)).get(0);
        assertEquals(100, r.u(), 0);
        // z = (0 − 50) / sqrt(10·10·21/12) = −3.7796; p = 2 Φ(z) = 1.5705e-4.
        assertEquals(1.5705e-4, r.p(), 1e-7);
        assertEquals(r.p(), r.pHolm(), 0, "one metric: Holm changes nothing");
        assertEquals(100, r.difference(), 1e-12);
        assertTrue(r.ciLow() > 95 && r.ciHigh() < 105 && r.ciLow() <= 100 && r.ciHigh() >= 100);
        assertEquals(1.0, r.cliffsDelta(), 0);
    }

    @Test
    void identicalConstantSamplesDifferByExactlyNothing() {
        Comparison.Row r = Comparison.compare(Map.of("m", new double[] {0.5, 0.5, 0.5}),
                Map.of("m", new double[] {0.5, 0.5})).get(0);
        assertEquals(0, r.difference(), 0);
        assertEquals(0, r.ciLow(), 0);
        assertEquals(0, r.ciHigh(), 0);
        assertEquals(1, r.p(), 0);
        assertEquals(0, r.cliffsDelta(), 0);
    }

    @Test
    void nanOrASingleRunIsNotTestedAndLeavesTheHolmFamily() {
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("nan", new double[] {Double.NaN, 1});
        a.put("one", new double[] {1});
        a.put("ok", new double[] {0, 0, 0, 0, 0, 0});
        Map<String, double[]> b = new LinkedHashMap<>();
        b.put("nan", new double[] {1, 2});
        b.put("one", new double[] {1, 2});
        b.put("ok", new double[] {1, 1, 1, 1, 1, 1});
        List<Comparison.Row> rows = Comparison.compare(a, b);
        assertTrue(Double.isNaN(rows.get(0).p()) && Double.isNaN(rows.get(1).pHolm()));
        assertEquals(rows.get(2).p(), rows.get(2).pHolm(), 0, "the only tested metric is a family of one");
    }

    @Test
    void differentMetricSetsAreRefusedNamingTheDifference() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparison.compare(
                Map.of("test/got_coin", new double[] {1, 2}), Map.of("test/reached_end", new double[] {1, 2})));
        assertTrue(e.getMessage().contains("only in A [test/got_coin], only in B [test/reached_end]"), e.getMessage());
    }

    @Test
    void severalConditionsShareOneHolmFamilyOverMetricsAndComparisons() {
        Map<String, double[]> base = new LinkedHashMap<>();
        base.put("m1", new double[] {0, 0, 0, 0, 0, 1});
        base.put("m2", new double[] {1, 2, 3, 4, 5, 6});
        Map<String, double[]> b1 = new LinkedHashMap<>();
        b1.put("m1", new double[] {1, 1, 1, 1, 1, 0});
        b1.put("m2", new double[] {2, 3, 4, 5, 6, 7});
        Map<String, double[]> b2 = new LinkedHashMap<>();
        b2.put("m1", new double[] {0, 0, 1, 0, 0, 1});
        b2.put("m2", new double[] {7, 8, 9, 10, 11, 12});
        List<List<Comparison.Row>> all = Comparison.compareAll(base, List.of(b1, b2));
        assertEquals(2, all.size());

        // The family is the four raw p-values; each adjusted p is Holm's over all four.
        Map<String, Double> raw = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            for (Comparison.Row r : all.get(i)) {
                raw.put(i + r.metric(), r.p());
            }
        }
        Map<String, Double> holm = Comparison.holm(raw);
        for (int i = 0; i < 2; i++) {
            for (Comparison.Row r : all.get(i)) {
                assertEquals(holm.get(i + r.metric()), r.pHolm(), 0, i + r.metric());
            }
        }
        // Unadjusted statistics are those of the pairwise comparison; only the adjustment widens.
        Comparison.Row alone = Comparison.compare(base, b2).get(1);
        Comparison.Row together = all.get(1).get(1);
        assertEquals(alone.p(), together.p(), 0);
        assertEquals(alone.difference(), together.difference(), 0);
        assertEquals(6.0, together.difference(), 1e-12);
        assertTrue(together.pHolm() > alone.pHolm(), alone.pHolm() + " vs " + together.pHolm());
    }

    @Test
    void aConditionWithOtherMetricsIsNamedByItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparison.compareAll(
                Map.of("m", new double[] {1, 2}), List.of(Map.of("m", new double[] {1, 2}),
                        Map.of("n", new double[] {1, 2}))));
        assertTrue(e.getMessage().contains("only in A [m], only in B2 [n]"), e.getMessage());
    }
}
