package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HolmTest {
    /** Sorted 0.005 ≤ 0.05/4, 0.01 ≤ 0.05/3, then 0.03 > 0.05/2 stops the walk: 0.04 is not rejected either. */
    @Test
    void stepsDownUntilTheFirstPValueMissesItsBound() {
        assertArrayEquals(new boolean[] {true, false, false, true},
                Holm.rejected(new double[] {0.01, 0.04, 0.03, 0.005}, 0.05));
    }

    @Test
    void oneHypothesisIsTestedAtAlphaItself() {
        assertArrayEquals(new boolean[] {true}, Holm.rejected(new double[] {0.05}, 0.05));
        assertArrayEquals(new boolean[] {false}, Holm.rejected(new double[] {0.0501}, 0.05));
    }

    @Test
    void aFamilyOfSmallPValuesIsAllRejected() {
        assertArrayEquals(new boolean[] {true, true, true}, Holm.rejected(new double[] {0.001, 0.02, 0.01}, 0.05));
    }
}
