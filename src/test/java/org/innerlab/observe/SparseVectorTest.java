package org.innerlab.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

class SparseVectorTest {
    @Test
    void dotsAreEachWeightVectorsDotBitForBit() {
        MersenneTwisterFast rng = new MersenneTwisterFast(7);
        int dimension = 40;
        for (int count = 1; count <= 9; count++) {
            double[] weights = new double[count * dimension];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = rng.nextGaussian();
            }
            SparseVector x = new SparseVector(dimension, dimension);
            for (int i = 0; i < dimension; i += 1 + rng.nextInt(3)) {
                x.add(i, rng.nextGaussian());
            }
            double[] out = new double[count];
            x.dots(weights, dimension, count, out);
            for (int a = 0; a < count; a++) {
                assertEquals(Double.doubleToRawLongBits(x.dot(weights, a * dimension)),
                        Double.doubleToRawLongBits(out[a]), "count " + count + ", vector " + a);
            }
        }
    }

    @Test
    void squaredNormFollowsTheEntriesThroughAddClearAndCopy() {
        SparseVector x = new SparseVector(10, 10);
        x.add(1, 3.0);
        assertEquals(9.0, x.squaredNorm());
        x.add(4, 4.0);
        assertEquals(25.0, x.squaredNorm());
        SparseVector y = new SparseVector(10, 10);
        y.add(2, 1.0);
        assertEquals(1.0, y.squaredNorm());
        y.copyFrom(x);
        assertEquals(25.0, y.squaredNorm());
        x.clear();
        assertEquals(0.0, x.squaredNorm());
        x.add(0, 2.0);
        assertEquals(4.0, x.squaredNorm());
        assertEquals(25.0, y.squaredNorm());
    }
}
