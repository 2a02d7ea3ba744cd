package org.innerlab.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.innerlab.core.Seeds;
import org.junit.jupiter.api.Test;

class LogisticProbeTest {
    /** n points in d dimensions whose label is the sign of x_0 + noise·ε, the other coordinates pure noise. */
    private static CapturedStates sample(int n, int d, double noise, MersenneTwisterFast rng) {
        double[][] x = new double[n][d];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = x[i][0] + noise * rng.nextGaussian() > 0;
        }
        return new CapturedStates(x, y);
    }

    @Test
    void aProbeFitOnOneSampleRanksAHeldOutSampleByTheLabelledDirection() {
        MersenneTwisterFast rng = Seeds.generator(5);
        CapturedStates fit = sample(400, 10, 0.3, rng);
        CapturedStates heldOut = sample(400, 10, 0.3, rng);
        LogisticProbe probe = LogisticProbe.fit(fit.activations(), fit.labels(), 0.01);
        double auroc = Auroc.of(probe.scores(heldOut.activations()), heldOut.labels());
        // With noise 0.3 on a unit-variance direction the Bayes AUROC is about 0.95; chance is 0.5.
        assertTrue(auroc > 0.9, "held-out AUROC " + auroc);
    }

    @Test
    void separableClassesGetFiniteWeightsAndAPerfectRanking() {
        double[][] x = {{0, 1}, {0.1, 1}, {1, 1}, {1.1, 1}};
        boolean[] y = {false, false, true, true};
        LogisticProbe probe = LogisticProbe.fit(x, y, 0.01);
        double[] s = probe.scores(x);
        for (double v : s) {
            assertTrue(Double.isFinite(v), "score " + v);
        }
        assertEquals(1.0, Auroc.of(s, y));
    }

    @Test
    void aFitIsAFunctionOfItsDataAlone() {
        CapturedStates data = sample(200, 6, 1.0, Seeds.generator(9));
        double[] first = LogisticProbe.fit(data.activations(), data.labels(), 0.1).scores(data.activations());
        double[] second = LogisticProbe.fit(data.activations(), data.labels(), 0.1).scores(data.activations());
        assertArrayEquals(first, second, 0);
    }
}
