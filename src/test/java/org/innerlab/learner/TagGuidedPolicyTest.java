package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

/**
 * Tag-guided decoding on a linear policy with hand-set weights: one input (a bias), three actions
 * with logits log 0.5, log 0.3, log 0.2 (so π = 0.5, 0.3, 0.2), and tag-head logits chosen per test.
 */
class TagGuidedPolicyTest {
    private static final SparseVector BIAS = bias();

    private static SparseVector bias() {
        SparseVector x = new SparseVector(1, 1);
        x.add(0, 1.0);
        return x;
    }

    private static LinearSoftmaxPolicy policy(double... badProbabilities) {
        LinearSoftmaxPolicy p = new LinearSoftmaxPolicy(1, 3, 0, null, true);
        double[] pi = {0.5, 0.3, 0.2};
        for (int a = 0; a < 3; a++) {
            p.weights()[a] = Math.log(pi[a]);
            p.tagWeights()[a] = Math.log(badProbabilities[a] / (1 - badProbabilities[a]));
        }
        return p;
    }

    private static double[] decoded(LinearSoftmaxPolicy p, double threshold) {
        double[] out = new double[3];
        new TagGuidedPolicy(p, p, null, threshold).probabilities(BIAS, out);
        return out;
    }

    @Test
    void actionsPredictedBadAboveTheThresholdAreDroppedAndTheRestRenormalised() {
        assertArrayEquals(new double[] {0, 0.6, 0.4}, decoded(policy(0.8, 0.1, 0.3), 0.5), 1e-12);
        assertArrayEquals(new double[] {0, 1, 0}, decoded(policy(0.8, 0.1, 0.3), 0.2), 1e-12);
    }

    @Test
    void nothingChangesWhenNoActionExceedsTheThreshold() {
        assertArrayEquals(new double[] {0.5, 0.3, 0.2}, decoded(policy(0.2, 0.1, 0.3), 0.5), 1e-12);
    }

    @Test
    void whenEveryActionIsDiscardedTheLeastBadOneIsKept() {
        assertArrayEquals(new double[] {0, 0, 1}, decoded(policy(0.9, 0.8, 0.7), 0.5), 0.0);
    }

    @Test
    void decodingAllocatesNothing() {
        LinearSoftmaxPolicy p = policy(0.8, 0.1, 0.3);
        TagGuidedPolicy guided = new TagGuidedPolicy(p, p, null, 0.5);
        double[] out = new double[3];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long allocated = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                guided.probabilities(BIAS, out);
            }
            allocated = threads.getThreadAllocatedBytes(tid) - before;
        }
        assertEquals(0, allocated);
    }
}
