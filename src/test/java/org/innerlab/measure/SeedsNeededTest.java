package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeedsNeededTest {
    /** Cohen (1988), Table 2.4.1, one-tailed α = 0.05, power 0.80: n per group for d = 0.2, 0.5, 0.8. */
    @Test
    void twoSampleCountsMatchCohensTable() {
        assertEquals(310, SeedsNeeded.twoSample(0.2, 1.0));
        assertEquals(50, SeedsNeeded.twoSample(0.5, 1.0));
        assertEquals(20, SeedsNeeded.twoSample(0.8, 1.0));
    }

    @Test
    void onlyTheRatioOfEffectToSpreadMatters() {
        assertEquals(SeedsNeeded.twoSample(0.5, 1.0), SeedsNeeded.twoSample(0.05, 0.1));
    }

    /** A paired design needs half the seeds of two samples with the same spread: (1.645 + 0.842)² / 0.5² = 24.7. */
    @Test
    void pairedNeedsHalfAsManyAsTwoSamples() {
        assertEquals(25, SeedsNeeded.paired(0.5, 1.0));
    }

    /** Two-sided α = 0.05 (one-sided 0.025), power 0.8, d = 0.5: 63 per group, the textbook normal-approximation value. */
    @Test
    void twoSidedLevelGivesTheFamiliarSixtyThree() {
        assertEquals(63, SeedsNeeded.twoSample(0.5, 1.0, 0.025, 0.8));
    }

    @Test
    void aNoiselessEffectStillNeedsTwoSeeds() {
        assertEquals(2, SeedsNeeded.twoSample(0.3, 0.0));
    }

    @Test
    void noEffectHasNoSeedCount() {
        assertThrows(IllegalArgumentException.class, () -> SeedsNeeded.twoSample(0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> SeedsNeeded.paired(-0.1, 1.0));
    }

    @Test
    void pooledSpreadWeighsEachSampleByItsDegreesOfFreedom() {
        // Sums of squares 2 (1, 2, 3) and 8 (0, 2, 4, ...): sqrt((2 + 8) / (3 + 3 - 2)).
        assertEquals(Math.sqrt(10.0 / 4), SeedsNeeded.pooledSd(new double[] {1, 2, 3}, new double[] {0, 2, 4}), 1e-12);
        assertEquals(1.0, SeedsNeeded.sd(new double[] {1, 2, 3}), 1e-12);
    }
}
