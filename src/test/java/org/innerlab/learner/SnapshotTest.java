package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

/** A snapshot acts like the learner did when it was taken, and later training changes only the original. */
class SnapshotTest {
    private static SparseVector obs(int... active) {
        SparseVector v = new SparseVector(12, active.length);
        for (int i : active) {
            v.add(i, 1.0);
        }
        return v;
    }

    /** The policy's probabilities, and for a Q-function its values (a greedy policy hides small changes). */
    private static double[] probabilities(Learner l, SparseVector obs) {
        double[] out = new double[8];
        l.evaluationPolicy().probabilities(obs, out);
        if (l instanceof QFunction q) {
            double[] values = new double[4];
            q.qValues(obs, values);
            System.arraycopy(values, 0, out, 4, 4);
        }
        return out;
    }

    private static void check(Learner learner, Consumer<Learner> train) {
        List<SparseVector> states = List.of(obs(0, 3), obs(5, 7, 11), obs(2));
        train.accept(learner);
        Learner copy = learner.snapshot();
        assertEquals(learner.parameterCount(), copy.parameterCount());
        for (SparseVector s : states) {
            assertArrayEquals(probabilities(learner, s), probabilities(copy, s), 0.0, learner.type());
        }
        double[][] before = new double[states.size()][];
        for (int i = 0; i < states.size(); i++) {
            before[i] = probabilities(copy, states.get(i));
        }
        train.accept(learner);
        boolean changed = false;
        for (int i = 0; i < states.size(); i++) {
            assertArrayEquals(before[i], probabilities(copy, states.get(i)), 0.0, learner.type());
            changed |= !Arrays.equals(before[i], probabilities(learner, states.get(i)));
        }
        assertFalse(!changed, learner.type() + ": training the original should change it");
    }

    @Test
    void everyLearnerTypeSnapshotsIndependently() {
        MersenneTwisterFast rng = new MersenneTwisterFast(5);
        check(new LinearSoftmaxPolicy(12, 4, 0.1, rng, true), l -> {
            double[] w = ((LinearSoftmaxPolicy) l).weights();
            w[rng.nextInt(w.length)] += 1.0;
            w[rng.nextInt(12)] += 2.0;
        });
        check(new LinearQ(12, 4, 0.1, 0.2, rng), l -> ((LinearQ) l).adjust(obs(0, 3), rng.nextInt(4), 1.0 + rng.nextDouble()));
        check(new TabularQ(4, 0.0, 0.2), l -> ((TabularQ) l).adjust(obs(rng.nextBoolean() ? 2 : 5, 7, 11), rng.nextInt(4),
                1.0 + rng.nextDouble()));
        check(new MlpPolicy(12, 3, 4, new int[] {8}, MlpPolicy.Activation.TANH, rng), l -> {
            double[] p = ((MlpPolicy) l).parameters();
            for (int i = 0; i < p.length; i++) {
                p[i] += 0.3 * rng.nextGaussian();
            }
        });
    }
}
