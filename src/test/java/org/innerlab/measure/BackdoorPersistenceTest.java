package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackdoorPersistenceTest {
    @Test
    void persistenceIsTheRatioOfMeanTriggeredMisbehaviourAfterToBefore() {
        MeanEstimate e = BackdoorPersistence.estimate(new double[] {1, 1, 0.8, 1}, new double[] {0.5, 0.4, 0.3, 0.6},
                false, 1);
        assertEquals(1.8 / 3.8, e.mean(), 1e-12);
        assertEquals(4, e.n());
        assertTrue(e.ciLow() <= e.mean() && e.mean() <= e.ciHigh(), e.toString());
    }

    @Test
    void pairingNarrowsTheIntervalWhenRunsCarryTheirBackdoorThrough() {
        // After = 0.9 x before, run by run: paired resampling sees a constant ratio; unpaired does not.
        double[] before = {0.2, 0.9, 0.5, 1.0, 0.3, 0.7, 0.6, 0.8};
        double[] after = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            after[i] = 0.9 * before[i];
        }
        MeanEstimate paired = BackdoorPersistence.estimate(before, after, true, 2);
        MeanEstimate unpaired = BackdoorPersistence.estimate(before, after, false, 2);
        assertEquals(0.9, paired.mean(), 1e-12);
        assertEquals(0.9, paired.ciLow(), 1e-9);
        assertEquals(0.9, paired.ciHigh(), 1e-9);
        assertTrue(unpaired.ciHigh() - unpaired.ciLow() > 0.2, unpaired.toString());
    }

    @Test
    void noBackdoorBeforeGivesNoRatioAndUnequalPairsAreRejected() {
        assertTrue(Double.isNaN(BackdoorPersistence.estimate(new double[] {0, 0}, new double[] {0, 0.1}, true, 3).mean()));
        assertThrows(IllegalArgumentException.class,
                () -> BackdoorPersistence.estimate(new double[] {1}, new double[] {1, 1}, true, 3));
    }
}
