package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.ClaimConfig;
import org.innerlab.scenario.ClaimConfig.Bound;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;

/**
 * Claims checked against hand-made runs: three points of a sweep over {@code k} (0, 10, 25), ten seeds
 * each, whose {@code test/got_coin} is exactly known: point k has the values base(k) + i/64, i = 0..9 (base 1/8,
 * 1/2, 3/4; means 0.1953125, 0.5703125, 0.8203125), binary fractions so that shifted values tie exactly.
 */
class ClaimCheckTest {
    private static final String K = "environment.train.random_coin_percent";
    private static final double[] BASE = {0.125, 0.5, 0.75};
    private static final List<SweepPoint> POINTS = List.of(point(0, 0), point(1, 10), point(2, 25));
    private static final List<RunResult> RUNS = runs();
    private static final List<org.innerlab.measure.SummaryRow> SUMMARY = ResultsWriter.summarise(RUNS);

    private static SweepPoint point(int index, int k) {
        return new SweepPoint(index, Map.of(K, k), null);
    }

    private static List<RunResult> runs() {
        List<RunResult> runs = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 10; i++) {
                runs.add(new RunResult(p, i, i, List.of(new MetricValue("test", "got_coin", BASE[p] + i / 64.0))));
            }
        }
        return runs;
    }

    private static List<ClaimVerdict> check(boolean smoke, ClaimConfig... claims) {
        return ClaimCheck.of(List.of(claims), POINTS, RUNS, SUMMARY, smoke);
    }

    @Test
    void aThresholdReadsTheWorstMeanOfTheSelectedPoints() {
        ClaimVerdict every = check(false, new ClaimConfig.Threshold("s", "test/got_coin", Map.of(), Bound.AT_LEAST,
                0.1, false)).get(0);
        assertEquals(0.1953125, every.observed());
        assertTrue(every.holds());
        assertEquals(">= 0.1", every.threshold());
        ClaimVerdict high = check(false, new ClaimConfig.Threshold("s", "test/got_coin", Map.of(K, 0), Bound.BELOW,
                0.1953125, false)).get(0);
        assertFalse(high.holds(), "0.1953125 is not below itself");
    }

    /** Point 0's mean 0.195 clears 0.19, but the lower end of its 95% interval (about 0.18) does not. */
    @Test
    void withWholeCiTheIntervalsNearEndMustClearTheBound() {
        ClaimConfig.Threshold mean = new ClaimConfig.Threshold("s", "test/got_coin", Map.of(K, 0), Bound.AT_LEAST,
                0.19, false);
        ClaimConfig.Threshold whole = new ClaimConfig.Threshold("s", "test/got_coin", Map.of(K, 0), Bound.AT_LEAST,
                0.19, true);
        assertTrue(check(false, mean).get(0).holds());
        ClaimVerdict v = check(false, whole).get(0);
        assertFalse(v.holds(), v.line());
        assertEquals(SUMMARY.get(0).ciLow(), v.observed());
        assertEquals("95% CI >= 0.19", v.threshold());
    }

    /**
     * Point 25 against point 0: a difference of 0.625, intervals far apart, every value above every other,
     * so the one-sided Mann-Whitney p is tiny; by 0.7 it fails.
     */
    @Test
    void aDifferenceComparesEachPointWithItsPartner() {
        ClaimVerdict v = check(false, new ClaimConfig.Difference("s", "test/got_coin", Map.of(K, 25), Map.of(K, 0),
                0.2, true, true)).get(0);
        assertEquals(0.625, v.observed());
        assertTrue(v.holds(), v.line());
        assertTrue(v.pValue() < 1e-3, v.line());
        // sd 0.0473 per point, margin 0.425 beyond by: 2 * 6.18 * 0.0473² / 0.425² = 0.15, so the floor of 2.
        assertEquals(2, v.seedsNeeded());
        assertFalse(check(false, new ClaimConfig.Difference("s", "test/got_coin", Map.of(K, 25), Map.of(K, 0), 0.7,
                false, false)).get(0).holds());
    }

    /**
     * Point 10 exceeds point 0 by 0.375, but asked to exceed it by 0.34375 (two steps of 1/64 less) the per-seed
     * values overlap in eight of ten places: the test has p = 0.086 and fails at alpha 0.05 while the means hold.
     */
    @Test
    void aTestedClaimAlsoNeedsItsHolmCorrectedTest() {
        ClaimVerdict v = check(false, new ClaimConfig.Difference("s", "test/got_coin", Map.of(K, 10), Map.of(K, 0),
                0.34375, false, true)).get(0);
        assertTrue(v.observed() > 0.34375);
        assertTrue(v.pValue() > 0.05, v.line());
        assertFalse(v.holds(), v.line());
    }

    /** By 0.328125 the test alone has p = 0.027: it passes alone, not when a second claim halves its level. */
    @Test
    void holmCorrectsTheTestedClaimsTogether() {
        ClaimConfig strong = new ClaimConfig.Difference("s", "test/got_coin", Map.of(K, 25), Map.of(K, 0), 0, false,
                true);
        ClaimConfig weaker = new ClaimConfig.Difference("s", "test/got_coin", Map.of(K, 10), Map.of(K, 0), 0.328125,
                false, true);
        double alone = check(false, weaker).get(0).pValue();
        assertTrue(alone < 0.05 && alone > 0.025, "p " + alone + " passes alone but not at 0.05 / 2");
        assertTrue(check(false, weaker).get(0).holds());
        List<ClaimVerdict> both = check(false, weaker, weaker);
        assertFalse(both.get(0).holds() || both.get(1).holds(), "two copies: the smaller bound is 0.025");
        assertTrue(check(false, strong, weaker).get(0).holds());
    }

    /** A claim not checked neither holds nor fails, says why, and leaves Holm's family to the claims checked. */
    @Test
    void aClaimNotCheckedSaysWhyAndLeavesHolmsFamily() {
        ClaimConfig weaker = new ClaimConfig.Difference("s", "test/got_coin", Map.of(K, 10), Map.of(K, 0), 0.328125,
                false, true);
        List<ClaimVerdict> both = check(false, new ClaimConfig.NotChecked(weaker, "point not in the sweep: k=40"),
                weaker);
        ClaimVerdict dropped = both.get(0);
        assertEquals(ClaimVerdict.Outcome.NOT_CHECKED, dropped.outcome());
        assertFalse(dropped.holds() || dropped.fails(), "no evidence either way");
        assertEquals("not-checked", dropped.verdict());
        assertEquals("claim 1 not-checked: s [test/got_coin at random_coin_percent=10 exceeds at "
                + "random_coin_percent=0 by > 0.328125, one-sided Mann-Whitney (Holm): point not in the sweep: k=40]",
                dropped.line());
        assertTrue(both.get(1).holds(), "alone in Holm's family, the checked copy keeps the level 0.05");
    }

    /** A caller that runs part of the sweep (a test thinning its points) gets not-checked for the rest. */
    @Test
    void aClaimOnAPointThatWasNotRunIsNotChecked() {
        ClaimVerdict threshold = check(false, new ClaimConfig.Threshold("s", "test/got_coin", Map.of(K, 40),
                Bound.AT_LEAST, 0.1, false)).get(0);
        assertEquals(ClaimVerdict.Outcome.NOT_CHECKED, threshold.outcome());
        assertEquals("point not in the sweep: random_coin_percent=40", threshold.note());
        ClaimVerdict difference = check(false, new ClaimConfig.Difference("s", "test/got_coin", Map.of(K, 25),
                Map.of(K, 40), 0, false, true)).get(0);
        assertEquals(ClaimVerdict.Outcome.NOT_CHECKED, difference.outcome());
        assertEquals("point not in the sweep: random_coin_percent=40", difference.note());
        assertTrue(Double.isNaN(difference.pValue()), "no test, so no place in Holm's family");
    }

    @Test
    void aTrendWalksTheSweepInOrder() {
        assertTrue(check(false, new ClaimConfig.Trend("s", "test/got_coin", Map.of(), K, true, 0)).get(0).holds());
        ClaimVerdict falls = check(false, new ClaimConfig.Trend("s", "test/got_coin", Map.of(), K, false, 0)).get(0);
        assertFalse(falls.holds());
        assertEquals(-0.625, falls.observed());
    }

    @Test
    void aSmokeRunsVerdictsAreNotMeaningfulAndSaySo() {
        ClaimVerdict v = check(true, new ClaimConfig.Threshold("the coin is taken", "test/got_coin", Map.of(K, 0),
                Bound.AT_LEAST, 0.9, false)).get(0);
        assertFalse(v.meaningful());
        assertEquals("claim 1 fails (smoke budget: not meaningful): the coin is taken [test/got_coin at "
                + "random_coin_percent=0 >= 0.9: 0.195, needs >= 0.9]", v.line());
    }

    @Test
    void claimsCsvHasOneRowPerClaim() {
        String csv = ClaimCheck.csv(check(false,
                new ClaimConfig.Threshold("taken, at 0", "test/got_coin", Map.of(K, 0), Bound.AT_MOST, 0.25, false),
                new ClaimConfig.Difference("repaired", "test/got_coin", Map.of(K, 25), Map.of(K, 0), 0.2, true, false)));
        List<String> lines = csv.lines().toList();
        assertEquals("claim,says,check,observed,threshold,p_value,seeds_needed,verdict,meaningful,note", lines.get(0));
        assertTrue(lines.get(1).startsWith("1,\"taken, at 0\",test/got_coin at random_coin_percent=0 <= 0.25,"
                + "0.1953125,<= 0.25,,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",holds,true,"), lines.get(1));
        assertEquals(3, lines.size());
    }
}
