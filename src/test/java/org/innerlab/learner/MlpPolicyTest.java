package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import org.innerlab.core.Seeds;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class MlpPolicyTest {
    private static final double[] LOGIT_WEIGHTS = {0.7, -1.3, 0.4};
    private static final double VALUE_WEIGHT = -0.9;
    /** c_s of the test loss's direct term on the belief logit (an auxiliary belief loss's upstream gradient). */
    private static final double BELIEF_LOGIT_WEIGHT = 0.6;

    private static SparseVector input() {
        SparseVector x = new SparseVector(9, 4);
        x.add(0, 1.0);
        x.add(3, -0.5);
        x.add(5, 1.5);
        x.add(8, 0.25);
        return x;
    }

    /**
     * The test loss L = c · z + c_V V (+ c_s s with a belief head), whose upstream gradients are the
     * constants c, c_V and c_s; z includes the belief's r β, so the belief head is reached twice.
     */
    private static double loss(MlpPolicy net, SparseVector x) {
        double v = net.forward(x);
        double sum = VALUE_WEIGHT * v + (net.hasBeliefHead() ? BELIEF_LOGIT_WEIGHT * net.beliefLogit() : 0);
        for (int a = 0; a < 3; a++) {
            sum += LOGIT_WEIGHTS[a] * net.logits()[a];
        }
        return sum;
    }

    /**
     * Every analytic partial derivative agrees with a central finite difference (h = 1e−6) to within
     * 1e−6 absolutely or relatively; ReLU kinks are avoided because no pre-activation of this input
     * lies within h·(sum of the weights touched) of zero (checked by the agreement itself).
     */
    private static void checkGradients(int[] hidden, MlpPolicy.Activation activation, long seed) {
        checkGradients(hidden, activation, false, seed);
    }

    private static void checkGradients(int[] hidden, MlpPolicy.Activation activation, boolean beliefHead, long seed) {
        MlpPolicy net = new MlpPolicy(9, 4, 3, hidden, activation, false, beliefHead, Seeds.generator(seed));
        // Larger-than-default head weights, so the test is not dominated by near-zero policy weights.
        double[] p = net.parameters();
        MersenneTwisterFast rng = Seeds.generator(seed + 1);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * rng.nextGaussian();
        }
        SparseVector x = input();
        net.zeroGradients();
        loss(net, x);
        net.backward(x, LOGIT_WEIGHTS, VALUE_WEIGHT, null, beliefHead ? BELIEF_LOGIT_WEIGHT : 0);
        double[] g = net.gradients().clone();
        double h = 1e-6;
        int touched = 0;
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            p[i] = saved + h;
            double up = loss(net, x);
            p[i] = saved - h;
            double down = loss(net, x);
            p[i] = saved;
            double numeric = (up - down) / (2 * h);
            double error = Math.abs(numeric - g[i]);
            assertTrue(error <= 1e-6 * Math.max(1, Math.abs(numeric)),
                    "parameter " + i + ": analytic " + g[i] + ", numeric " + numeric);
            if (g[i] != 0) {
                touched++;
            }
        }
        // Inputs 1, 2, 4, 6, 7 are zero, so their first-layer rows must have no gradient at all.
        for (int unused : new int[] {1, 2, 4, 6, 7}) {
            for (int j = 0; j < hidden[0]; j++) {
                assertEquals(0.0, g[unused * hidden[0] + j]);
            }
        }
        assertTrue(touched > p.length / 4, "most parameters of the active rows carry gradient");
    }

    @Test
    void backpropagationMatchesFiniteDifferencesWithOneTanhLayer() {
        checkGradients(new int[] {6}, MlpPolicy.Activation.TANH, 1);
    }

    @Test
    void backpropagationMatchesFiniteDifferencesWithTwoTanhLayers() {
        checkGradients(new int[] {6, 5}, MlpPolicy.Activation.TANH, 2);
    }

    @Test
    void backpropagationMatchesFiniteDifferencesWithTwoReluLayers() {
        checkGradients(new int[] {7, 4}, MlpPolicy.Activation.RELU, 3);
    }

    @Test
    void backpropagationThroughTheBeliefHeadMatchesFiniteDifferencesWithOneTanhLayer() {
        checkGradients(new int[] {6}, MlpPolicy.Activation.TANH, true, 11);
    }

    @Test
    void backpropagationThroughTheBeliefHeadMatchesFiniteDifferencesWithTwoReluLayers() {
        checkGradients(new int[] {7, 4}, MlpPolicy.Activation.RELU, true, 13);
    }

    /**
     * The belief head adds v (H_L), c and r (A) after every other parameter and draws its initial
     * weights last, so the rest of the network starts as it would without it; with r = 0 the policy
     * does not read the belief yet, and β starts near ½.
     */
    @Test
    void aBeliefHeadLeavesTheRestOfTheInitialNetworkAndItsPolicyUnchanged() {
        MlpPolicy plain = new MlpPolicy(9, 4, 3, new int[] {8}, MlpPolicy.Activation.TANH, Seeds.generator(9));
        MlpPolicy believer = new MlpPolicy(9, 4, 3, new int[] {8}, MlpPolicy.Activation.TANH, false, true,
                Seeds.generator(9));
        assertEquals(plain.parameterCount() + 8 + 1 + 3, believer.parameterCount());
        assertEquals(plain.parameterCount(), believer.beliefHeadStart());
        for (int i = 0; i < plain.parameterCount(); i++) {
            assertEquals(plain.parameters()[i], believer.parameters()[i]);
        }
        double[] p = new double[3];
        double[] q = new double[3];
        plain.probabilities(input(), p);
        believer.probabilities(input(), q);
        for (int a = 0; a < 3; a++) {
            assertEquals(p[a], q[a]);
        }
        assertEquals(0.5, believer.deploymentBelief(input()), 0.05);
        assertTrue(believer.snapshot().hasBeliefHead());
        assertThrows(IllegalStateException.class, () -> plain.deploymentBelief(input()));
    }

    /**
     * Distilling the belief away leaves a network as freshly initialised from the given stream (every
     * weight outside the belief head as a new network's), whose belief head is zero, no longer read
     * and no longer trained.
     */
    @Test
    void distillingTheBeliefAwayLeavesAFreshNetworkWithoutTheHead() {
        MlpPolicy trained = new MlpPolicy(9, 4, 3, new int[] {6}, MlpPolicy.Activation.TANH, false, true,
                Seeds.generator(21));
        MlpPolicy fresh = new MlpPolicy(9, 4, 3, new int[] {6}, MlpPolicy.Activation.TANH, false, true,
                Seeds.generator(22));
        int head = trained.beliefHeadStart();
        for (int i = 0; i < trained.parameterCount(); i++) {
            trained.parameters()[i] += 1.0;
        }
        trained.distilWithoutBelief(Seeds.generator(22));
        assertTrue(!trained.hasBeliefHead() && !trained.snapshot().hasBeliefHead());
        assertEquals(-1, trained.beliefHeadStart());
        for (int i = 0; i < trained.parameterCount(); i++) {
            assertEquals(i < head ? fresh.parameters()[i] : 0.0, trained.parameters()[i], "parameter " + i);
        }
        SparseVector x = input();
        trained.zeroGradients();
        loss(trained, x);
        trained.backward(x, LOGIT_WEIGHTS, VALUE_WEIGHT);
        for (int i = head; i < trained.parameterCount(); i++) {
            assertEquals(0.0, trained.gradients()[i]);
        }
        assertThrows(IllegalStateException.class, () -> trained.deploymentBelief(x));
    }

    /** A two-layer network with a belief head whose every weight is drawn at unit scale, so r ≠ 0 and β ≠ ½. */
    private static MlpPolicy believer(long seed) {
        MlpPolicy net = new MlpPolicy(9, 4, 3, new int[] {6, 5}, MlpPolicy.Activation.TANH, false, true,
                Seeds.generator(seed));
        MersenneTwisterFast rng = Seeds.generator(seed + 1);
        for (int i = 0; i < net.parameterCount(); i++) {
            net.parameters()[i] = rng.nextGaussian();
        }
        return net;
    }

    private static SparseVector otherInput() {
        SparseVector y = new SparseVector(9, 4);
        y.add(1, 1.0);
        y.add(2, 0.75);
        y.add(7, -1.0);
        return y;
    }

    @Test
    void clampingTheBeliefToTheValueTheHeadComputesChangesNothing() {
        MlpPolicy net = believer(31);
        for (SparseVector x : new SparseVector[] {input(), otherInput()}) {
            double beta = net.deploymentBelief(x);
            double[] own = new double[3];
            double[] steered = new double[3];
            net.probabilities(x, own);
            net.steeredBelief(beta).probabilities(x, steered);
            for (int a = 0; a < 3; a++) {
                assertEquals(own[a], steered[a], "action " + a);
            }
        }
    }

    /**
     * Clamping β to β′ adds r_a (β′ − β) to each logit and nothing else: checked against the softmax of
     * the unsteered logits so shifted, computed here by hand, for β′ = 0 and β′ = 1.
     */
    @Test
    void clampingTheBeliefShiftsEachLogitByItsReadWeightTimesTheChange() {
        MlpPolicy net = believer(33);
        SparseVector x = input();
        net.forward(x);
        double beta = net.belief();
        double[] z = net.logits().clone();
        double[] r = new double[3];
        System.arraycopy(net.parameters(), (int) net.parameterCount() - 3, r, 0, 3);
        assertTrue(beta > 0.05 && beta < 0.95 && Math.abs(r[0] - r[1]) > 0.1, "the test network reads its belief");
        for (double clamped : new double[] {0, 1}) {
            double[] expected = new double[3];
            double sum = 0;
            for (int a = 0; a < 3; a++) {
                expected[a] = Math.exp(z[a] + r[a] * (clamped - beta));
                sum += expected[a];
            }
            double[] steered = new double[3];
            net.steeredBelief(clamped).probabilities(x, steered);
            for (int a = 0; a < 3; a++) {
                assertEquals(expected[a] / sum, steered[a], 1e-12, "beta' = " + clamped + ", action " + a);
            }
        }
    }

    /** A steered view computes in buffers of its own: the learner's weights and last forward pass stay as they were. */
    @Test
    void steeringLeavesTheLearnersWeightsAndForwardStateUnchanged() {
        MlpPolicy net = believer(35);
        SparseVector x = input();
        double[] before = net.parameters().clone();
        double value = net.forward(x);
        double[] logits = net.logits().clone();
        double[] probs = net.probs().clone();
        double belief = net.belief();
        double[] steered = new double[3];
        net.steeredBelief(1).probabilities(otherInput(), steered);
        net.steeredBelief(0).probabilities(x, steered);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], net.parameters()[i], "parameter " + i);
        }
        for (int a = 0; a < 3; a++) {
            assertEquals(logits[a], net.logits()[a]);
            assertEquals(probs[a], net.probs()[a]);
        }
        assertEquals(belief, net.belief());
        assertEquals(value, net.value());
        // The gradient at x is still the one of the unsteered pass.
        net.zeroGradients();
        net.backward(x, LOGIT_WEIGHTS, VALUE_WEIGHT);
        double[] afterSteering = net.gradients().clone();
        net.zeroGradients();
        net.forward(x);
        net.backward(x, LOGIT_WEIGHTS, VALUE_WEIGHT);
        for (int i = 0; i < afterSteering.length; i++) {
            assertEquals(net.gradients()[i], afterSteering[i], "gradient " + i);
        }
    }

    @Test
    void steeringNeedsABeliefHeadAndAProbability() {
        MlpPolicy plain = new MlpPolicy(9, 4, 3, new int[] {4}, MlpPolicy.Activation.TANH, Seeds.generator(37));
        assertThrows(IllegalStateException.class, () -> plain.steeredBelief(1));
        MlpPolicy net = believer(39);
        assertThrows(IllegalArgumentException.class, () -> net.steeredBelief(1.5));
        assertThrows(IllegalArgumentException.class, () -> net.steeredBelief(Double.NaN));
        Policy view = net.steeredBelief(1);
        net.distilWithoutBelief(Seeds.generator(40));
        assertThrows(IllegalStateException.class, () -> view.probabilities(input(), new double[3]));
    }

    @Test
    void gradientsAccumulateAcrossSamplesUntilZeroed() {
        MlpPolicy net = new MlpPolicy(9, 4, 3, new int[] {4}, MlpPolicy.Activation.TANH, Seeds.generator(4));
        SparseVector x = input();
        net.zeroGradients();
        net.forward(x);
        net.backward(x, LOGIT_WEIGHTS, VALUE_WEIGHT);
        double[] once = net.gradients().clone();
        net.forward(x);
        net.backward(x, LOGIT_WEIGHTS, VALUE_WEIGHT);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], net.gradients()[i], 1e-12);
        }
    }

    @Test
    void theInitialPolicyIsNearlyUniformAndSumsToOne() {
        MlpPolicy net = new MlpPolicy(9, 4, 3, new int[] {16, 16}, MlpPolicy.Activation.RELU, Seeds.generator(5));
        double[] out = new double[3];
        net.probabilities(input(), out);
        assertEquals(1.0, out[0] + out[1] + out[2], 1e-12);
        for (double q : out) {
            assertEquals(1.0 / 3, q, 0.02);
        }
        assertEquals(9 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3 + 16 + 1, net.parameterCount());
    }

    @Test
    void adamDescendsAQuadraticLossAndClipsTheStepDirectionNotItsSize() {
        // Drive V(x) to 3 by minimising ½ (V − 3)²; Adam's first steps have size ≈ α whatever the
        // gradient scale, so clipping must not stop it from converging.
        MlpPolicy net = new MlpPolicy(9, 4, 3, new int[] {8}, MlpPolicy.Activation.TANH, Seeds.generator(6));
        SparseVector x = input();
        for (int i = 0; i < 500; i++) {
            net.zeroGradients();
            double v = net.forward(x);
            net.backward(x, new double[3], v - 3);
            net.adamStep(0.01, 0.5);
        }
        assertEquals(3.0, net.forward(x), 1e-2);
    }

    @Test
    void forwardAndBackwardAllocateNothing() {
        // With a belief head: the longest forward and backward path, and a steered view of it.
        MlpPolicy net = new MlpPolicy(9, 4, 3, new int[] {8, 8}, MlpPolicy.Activation.RELU, false, true,
                Seeds.generator(7));
        SparseVector x = input();
        double[] out = new double[3];
        Policy steered = net.steeredBelief(1);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long allocated = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                net.probabilities(x, out);
                net.backward(x, LOGIT_WEIGHTS, VALUE_WEIGHT, null, BELIEF_LOGIT_WEIGHT);
                steered.probabilities(x, out);
                if (i % 100 == 0) {
                    net.adamStep(1e-4, 1.0);
                    net.zeroGradients();
                }
            }
            allocated = threads.getThreadAllocatedBytes(tid) - before;
        }
        // One object per forward pass would be at least 320 KB; the JIT may allocate a few bytes once.
        assertTrue(allocated < 4096, allocated + " bytes");
    }

    @Test
    void tanhFromTheExponentialAgreesWithTheLibraryToRounding() {
        for (double x = -20; x <= 20; x += 0.01) {
            assertEquals(Math.tanh(x), MlpPolicy.tanh(x), 4e-16);
        }
        assertEquals(1.0, MlpPolicy.tanh(1e6));
        assertEquals(-1.0, MlpPolicy.tanh(-1e6));
    }

    @Test
    void layerCountsOutsideOneOrTwoAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new MlpPolicy(9, 4, 3, new int[] {}, MlpPolicy.Activation.TANH, Seeds.generator(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new MlpPolicy(9, 4, 3, new int[] {2, 2, 2}, MlpPolicy.Activation.TANH, Seeds.generator(1)));
    }
}
