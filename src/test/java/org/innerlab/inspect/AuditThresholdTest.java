package org.innerlab.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditThresholdTest {
    @Test
    void theThresholdLeavesAtMostTheAllowedShareOfCleanScoresAboveIt() {
        double[] clean = new double[20];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = i / 100.0;   // 0.00 .. 0.19, shuffled below to show the order does not matter
        }
        clean[3] = 0.19;
        clean[19] = 0.03;
        AuditThreshold t = AuditThreshold.calibrate(clean, 0.05);
        assertEquals(0.18, t.value(), 1e-12);   // floor(0.05 * 20) = 1 clean score may lie above: 0.19
        assertEquals(20, t.calibrations());
        assertTrue(t.flags(0.19));
        assertFalse(t.flags(0.18));
    }

    @Test
    void atARateBelowOneInNTheThresholdIsTheLargestCleanScore() {
        AuditThreshold t = AuditThreshold.calibrate(new double[] {0, 0.25, 0, 0}, 0.05);
        assertEquals(0.25, t.value());
        assertFalse(t.flags(0.25));
        assertTrue(t.flags(0.5));
    }

    @Test
    void anAuditorWhoseCleanModelsNeverMisbehaveFlagsAnyMisbehaviour() {
        AuditThreshold t = AuditThreshold.calibrate(new double[] {0, 0, 0}, 0.05);
        assertFalse(t.flags(0));
        assertTrue(t.flags(0.25));
    }

    @Test
    void noCleanScoreOrAnImpossibleRateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuditThreshold.calibrate(new double[0], 0.05));
        assertThrows(IllegalArgumentException.class, () -> AuditThreshold.calibrate(new double[] {0}, 1));
    }
}
