package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GapRecoveredTest {
    @Test
    void pgrIsTheShareOfTheWeakToCeilingGapTheStudentCloses() {
        MeanEstimate e = GapRecovered.estimate(new double[] {10, 20, 30}, new double[] {15, 25, 35},
                new double[] {30, 40, 50}, true, 1);
        // Means 20, 25, 40: (25 - 20) / (40 - 20).
        assertEquals(0.25, e.mean(), 1e-12);
        assertEquals(3, e.n());
        assertTrue(e.ciLow() <= e.mean() && e.mean() <= e.ciHigh(), e.toString());
    }

    @Test
    void aStudentThatCopiesItsSupervisorRecoversNothingAndOneWorseThanItRecoversLessThanNothing() {
        double[] weak = {10, 20, 30};
        double[] ceiling = {30, 40, 50};
        assertEquals(0, GapRecovered.estimate(weak, weak.clone(), ceiling, true, 2).mean(), 1e-12);
        assertEquals(-0.5, GapRecovered.estimate(weak, new double[] {0, 10, 20}, ceiling, true, 2).mean(), 1e-12);
    }

    @Test
    void pairingNarrowsTheIntervalWhenRunsMoveTogether() {
        // Each run's student sits halfway between its weak and ceiling runs: paired resampling sees 0.5 only.
        double[] weak = {1, 9, 4, 7, 2, 8, 3, 6};
        double[] ceiling = new double[weak.length];
        double[] student = new double[weak.length];
        for (int i = 0; i < weak.length; i++) {
            ceiling[i] = weak[i] + 4;
            student[i] = weak[i] + 2;
        }
        MeanEstimate paired = GapRecovered.estimate(weak, student, ceiling, true, 3);
        MeanEstimate unpaired = GapRecovered.estimate(weak, student, ceiling, false, 3);
        assertEquals(0.5, paired.ciLow(), 1e-9);
        assertEquals(0.5, paired.ciHigh(), 1e-9);
        assertTrue(unpaired.ciHigh() - unpaired.ciLow() > 0.5, unpaired.toString());
    }

    @Test
    void noGapGivesNoRatioAndUnequalPairsAreRejected() {
        assertTrue(Double.isNaN(GapRecovered.estimate(new double[] {1, 2}, new double[] {3, 4}, new double[] {2, 1},
                true, 4).mean()));
        assertThrows(IllegalArgumentException.class, () -> GapRecovered.estimate(new double[] {1}, new double[] {1, 1},
                new double[] {2}, true, 4));
    }
}
