package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OveroptimisationFitTest {
    @Test
    void recoversTheBestOfNCoefficientsFromExactPoints() {
        double[] d = {0, 0.5, 1, 1.5, 2, 2.5};
        double[] r = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = d[i] * (3 - 0.8 * d[i]);
        }
        OveroptimisationFit.Fit fit = OveroptimisationFit.fit(OveroptimisationFit.Form.BEST_OF_N, d, r);
        assertEquals(3, fit.alpha(), 1e-10);
        assertEquals(0.8, fit.beta(), 1e-10);
        assertEquals(3 / 1.6, fit.peak(), 1e-10);
    }

    @Test
    void recoversTheRlCoefficientsFromExactPoints() {
        double[] d = {0, 1, 2, 4, 8, 16};
        double[] r = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = d[i] == 0 ? 0 : d[i] * (2 - 0.5 * Math.log(d[i]));
        }
        OveroptimisationFit.Fit fit = OveroptimisationFit.fit(OveroptimisationFit.Form.RL, d, r);
        assertEquals(2, fit.alpha(), 1e-10);
        assertEquals(0.5, fit.beta(), 1e-10);
        assertEquals(Math.exp(2 / 0.5 - 1), fit.peak(), 1e-8);
        assertEquals(r[3], fit.value(4), 1e-10);
    }

    @Test
    void aLineWithoutOverOptimisationPeaksAtInfinity() {
        OveroptimisationFit.Fit fit = OveroptimisationFit.fit(OveroptimisationFit.Form.BEST_OF_N,
                new double[] {0, 1, 2, 3}, new double[] {0, 1, 2, 3});
        assertEquals(1, fit.alpha(), 1e-10);
        assertEquals(0, fit.beta(), 1e-10);
        assertEquals(Double.POSITIVE_INFINITY, new OveroptimisationFit.Fit(OveroptimisationFit.Form.RL, 1, -0.1).peak());
    }

    @Test
    void needsTwoPointsAwayFromTheOrigin() {
        assertThrows(IllegalArgumentException.class, () -> OveroptimisationFit.fit(OveroptimisationFit.Form.RL,
                new double[] {0, 1}, new double[] {0, 1}));
    }
}
