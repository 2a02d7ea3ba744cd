package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class EpisodeIntervalTest {
    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // Newcombe (1998), Table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611.
        assertInterval(EpisodeInterval.fraction("d", "m", 81, 263), 0.2553, 0.3662);
        assertInterval(EpisodeInterval.fraction("d", "m", 15, 148), 0.0624, 0.1605);
        assertInterval(EpisodeInterval.fraction("d", "m", 0, 20), 0.0, 0.1611);
    }

    @Test
    void allSuccessesStillLeaveRoomBelowOne() {
        MetricValue v = EpisodeInterval.fraction("d", "m", 20, 20);
        assertEquals(1, v.value(), 0);
        assertEquals(1, v.ciHigh(), 0);
        assertEquals(0.8389, v.ciLow(), 1e-4);
    }

    @Test
    void newcombeDifferenceMatchesThePaper() {
        // Newcombe (1998), Table II, example (a): 56/70 − 48/80 = 0.2, method 10: 0.0524 to 0.3339.
        MetricValue d = EpisodeInterval.difference("d", "gap", EpisodeInterval.fraction("d", "a", 56, 70),
                EpisodeInterval.fraction("d", "b", 48, 80));
        assertEquals(0.2, d.value(), 1e-12);
        assertInterval(d, 0.0524, 0.3339);
    }

    @Test
    void meanIntervalIsTheNormalOneWithTheSampleDeviation() {
        // Episodes 1, 2, 3, 4: mean 2.5, s = 1.29099, half-width 1.96 · s / 2 = 1.26516.
        MetricValue v = EpisodeInterval.mean("d", "m", 10, 30, 4);
        assertEquals(2.5, v.value(), 1e-12);
        assertInterval(v, 2.5 - 1.26516, 2.5 + 1.26516);
        assertFalse(EpisodeInterval.mean("d", "m", 3, 9, 1).hasInterval());
    }

    private static void assertInterval(MetricValue v, double low, double high) {
        assertEquals(low, v.ciLow(), 1e-4, "low of " + v);
        assertEquals(high, v.ciHigh(), 1e-4, "high of " + v);
    }
}
