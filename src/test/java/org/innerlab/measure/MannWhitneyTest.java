package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {
    private static final double[] HIGH = {0.61, 0.55, 0.72, 0.58, 0.66, 0.49, 0.70, 0.63};
    private static final double[] LOW = {0.12, 0.15, 0.09, 0.18, 0.11, 0.52, 0.14, 0.10};

    /** Without ties the one-sided p is half Commons Math's two-sided one (same normal approximation). */
    @Test
    void withoutTiesItIsHalfTheTwoSidedTest() {
        double twoSided = new MannWhitneyUTest().mannWhitneyUTest(HIGH, LOW);
        assertEquals(twoSided / 2, MannWhitney.pExceeds(HIGH, LOW, 0), 1e-12);
    }

    @Test
    void theWrongDirectionIsNotEvidence() {
        assertTrue(MannWhitney.pExceeds(HIGH, LOW, 0) < 0.01);
        assertTrue(MannWhitney.pExceeds(LOW, HIGH, 0) > 0.99);
    }

    /** High exceeds low by about 0.5: by 0.2 clearly, by 0.6 not at all. */
    @Test
    void aShiftAsksForMoreThanItsSize() {
        assertTrue(MannWhitney.pExceeds(HIGH, LOW, 0.2) < 0.05);
        assertTrue(MannWhitney.pExceeds(HIGH, LOW, 0.6) > 0.5);
    }

    /**
     * Tied zeros, as per-seed misbehaviour rates often are: x = {0, 0, 1}, y = {0, 0, 0}. The five zeros
     * share rank 3, the one gets 6: R_x = 12, U = 12 − 6 = 6, E[U] = 4.5,
     * Var[U] = 9/12 · (7 − (125 − 5) / 30) = 2.25, z = 1.5 / 1.5 = 1.
     */
    @Test
    void tiesShrinkTheVariance() {
        assertEquals(1 - 0.8413447460685429, MannWhitney.pExceeds(new double[] {0, 0, 1}, new double[] {0, 0, 0}, 0),
                1e-12);
    }

    @Test
    void allTiedIsNoEvidence() {
        assertEquals(0.5, MannWhitney.pExceeds(new double[] {1, 1}, new double[] {1, 1, 1}, 0));
    }
}
