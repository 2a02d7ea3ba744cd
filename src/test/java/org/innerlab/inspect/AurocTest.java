package org.innerlab.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AurocTest {
    @Test
    void perfectSeparationIsOneAndTheWrongWayRoundIsZero() {
        boolean[] labels = {false, false, true, true};
        assertEquals(1.0, Auroc.of(new double[] {0.1, 0.2, 0.3, 0.9}, labels));
        assertEquals(0.0, Auroc.of(new double[] {0.9, 0.8, 0.3, 0.1}, labels));
    }

    @Test
    void isTheShareOfPositiveNegativePairsOrderedRightWithTiesCountingHalf() {
        // Positives 0.5, 0.2; negatives 0.5, 0.1, 0.3. Pairs: (0.5,0.5) tie ½, (0.5,0.1) 1, (0.5,0.3) 1,
        // (0.2,0.5) 0, (0.2,0.1) 1, (0.2,0.3) 0: 3.5 of 6.
        double auroc = Auroc.of(new double[] {0.5, 0.2, 0.5, 0.1, 0.3}, new boolean[] {true, true, false, false, false});
        assertEquals(3.5 / 6, auroc, 1e-15);
    }

    @Test
    void oneClassAloneHasNoAuroc() {
        assertTrue(Double.isNaN(Auroc.of(new double[] {0.1, 0.2}, new boolean[] {true, true})));
    }
}
