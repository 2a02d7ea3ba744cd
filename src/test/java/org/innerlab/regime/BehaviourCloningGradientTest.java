package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.learner.Learner;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.observe.ControlTagEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

/**
 * The behaviour-cloning loss's analytic gradient (cross-entropy, auxiliary tag and belief heads, L2) agrees with
 * central finite differences (h = 1e−6) to within 1e−6 absolutely or relatively, for every
 * parameter of both learners, on a minibatch of 24 rows over 3 states and 3 actions with good, bad
 * and untagged rows.
 */
class BehaviourCloningGradientTest {
    private static final int STATES = 3;
    private static final int ACTIONS = 3;

    /** The event bit that labels a row deployed in these tests (bit 1 of 2 events). */
    private static final long DEPLOYED = 1L << 1;

    private static Dataset mixedDataset() {
        return Demonstrations.build(STATES, ACTIONS, 24, Seeds.generator(11), (state, rng, d) -> {
            d.action = rng.nextInt(ACTIONS);
            d.tag = (byte) (rng.nextInt(3) - 1);
            // Deployed rows in every state, other events beside them, so the label reads the bit alone.
            d.events = (rng.nextBoolean() ? DEPLOYED : 0) | (rng.nextBoolean() ? 1L : 0);
        });
    }

    /** An encoder standing for the one the dataset was recorded with (only its dimension matters here). */
    private static Encoder base(int dimension) {
        return new Encoder() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public int maxActive() {
                return 2;
            }

            @Override
            public void encode(org.innerlab.env.Environment env, SparseVector out) {
                throw new UnsupportedOperationException("training reads the dataset");
            }

            @Override
            public String featureName(int i) {
                return "x" + i;
            }
        };
    }

    private static BehaviourCloning.Hyper hyper(double tagHeadWeight) {
        return hyper(tagHeadWeight, 0);
    }

    private static BehaviourCloning.Hyper hyper(double tagHeadWeight, double beliefWeight) {
        return new BehaviourCloning.Hyper(1, 24, BehaviourCloning.Optimiser.ADAM, 1e-2, 0.05, tagHeadWeight, true,
                beliefWeight);
    }

    private static void randomise(double[][] arrays, double std, long seed) {
        MersenneTwisterFast rng = Seeds.generator(seed);
        for (double[] a : arrays) {
            for (int i = 0; i < a.length; i++) {
                a[i] += std * rng.nextGaussian();
            }
        }
    }

    private static void checkGradient(BehaviourCloning bc, int rows) {
        checkGradient(bc, rows, 0);
    }

    /** As {@link #checkGradient(BehaviourCloning, int)}, with the confidence loss at weight α_t = {@code confidence}. */
    private static void checkGradient(BehaviourCloning bc, int rows, double confidence) {
        bc.lossAndGradient(0, rows, confidence);
        double[][] theta = bc.parameterArrays();
        double[][] analytic = new double[theta.length][];
        for (int b = 0; b < theta.length; b++) {
            analytic[b] = bc.gradientArrays()[b].clone();
        }
        double h = 1e-6;
        int nonZero = 0;
        for (int b = 0; b < theta.length; b++) {
            double[] t = theta[b];
            for (int i = 0; i < t.length; i++) {
                double saved = t[i];
                t[i] = saved + h;
                double up = bc.lossAndGradient(0, rows, confidence);
                t[i] = saved - h;
                double down = bc.lossAndGradient(0, rows, confidence);
                t[i] = saved;
                double numeric = (up - down) / (2 * h);
                assertTrue(Math.abs(numeric - analytic[b][i]) <= 1e-6 * Math.max(1, Math.abs(numeric)),
                        "array " + b + " parameter " + i + ": analytic " + analytic[b][i] + ", numeric " + numeric);
                if (analytic[b][i] != 0) {
                    nonZero++;
                }
            }
        }
        assertTrue(nonZero > 10, "the check must exercise real gradients, got " + nonZero + " non-zero entries");
    }

    @Test
    void linearCrossEntropyGradientMatchesFiniteDifferences() {
        Dataset data = mixedDataset();
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(data.dimension(), ACTIONS, 0.5, Seeds.generator(1));
        BehaviourCloning bc = new BehaviourCloning(data, null, policy, hyper(0), Seeds.generator(2));
        assertEquals(1, bc.parameterArrays().length);
        checkGradient(bc, data.size());
    }

    @Test
    void linearTagHeadAndTagInputsGradientMatchesFiniteDifferences() {
        Dataset data = mixedDataset();
        ControlTagEncoder tags = new ControlTagEncoder(base(data.dimension()));
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(tags.dimension(), ACTIONS, 0.5, Seeds.generator(3), true);
        BehaviourCloning bc = new BehaviourCloning(data, tags, policy, hyper(0.7), Seeds.generator(4));
        randomise(bc.parameterArrays(), 0.5, 5);
        assertEquals(2, bc.parameterArrays().length);
        checkGradient(bc, data.size());
        // The tag head is never shown the tag it predicts: its weights on the tag inputs get only the L2 term.
        bc.lossAndGradient(0, data.size(), 0);
        double[] tagHeadGradient = bc.gradientArrays()[1];
        double[] u = policy.tagWeights();
        for (int a = 0; a < ACTIONS; a++) {
            for (int i = tags.baseDimension(); i < tags.dimension(); i++) {
                assertEquals(0.05 * u[a * tags.dimension() + i], tagHeadGradient[a * tags.dimension() + i], 1e-15);
            }
        }
    }

    /**
     * The auxiliary confidence loss: (1 − α) CE(π, a) + α CE(π, ĥ) with the hardened prediction ĥ held
     * constant; its gradient matches finite differences on both learners (a step of 1e-6 never moves an
     * argmax here, since the randomised logits differ by far more).
     */
    @Test
    void confidenceLossGradientMatchesFiniteDifferencesOnBothLearners() {
        Dataset data = mixedDataset();
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(data.dimension(), ACTIONS, 0.5, Seeds.generator(61));
        BehaviourCloning linear = new BehaviourCloning(data, null, policy, hyper(0), Seeds.generator(62));
        randomise(linear.parameterArrays(), 0.5, 63);
        checkGradient(linear, data.size(), 0.4);
        MlpPolicy net = new MlpPolicy(data.dimension(), 3, ACTIONS, new int[] {6}, MlpPolicy.Activation.TANH, false,
                Seeds.generator(64));
        randomise(new double[][] {net.parameters()}, 0.3, 65);
        checkGradient(new BehaviourCloning(data, null, net, hyper(0), Seeds.generator(66)), data.size(), 0.4);
    }

    /** At α = 1 the labels carry no weight: the loss is the student's cross-entropy to its own argmax, whatever the labels. */
    @Test
    void fullConfidenceIgnoresTheLabels() {
        Dataset data = mixedDataset();
        Dataset relabelled = Demonstrations.build(STATES, ACTIONS, 24, Seeds.generator(11), (state, rng, d) -> {
            d.action = (rng.nextInt(ACTIONS) + 1) % ACTIONS;
            d.tag = (byte) (rng.nextInt(3) - 1);
            d.events = (rng.nextBoolean() ? DEPLOYED : 0) | (rng.nextBoolean() ? 1L : 0);
        });
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(data.dimension(), ACTIONS, 0.5, Seeds.generator(71));
        randomise(new double[][] {policy.weights()}, 0.5, 72);
        double original = new BehaviourCloning(data, null, policy, hyper(0), Seeds.generator(73))
                .lossAndGradient(0, data.size(), 1.0);
        double other = new BehaviourCloning(relabelled, null, policy, hyper(0), Seeds.generator(73))
                .lossAndGradient(0, data.size(), 1.0);
        assertEquals(original, other, 1e-12);
        double plain = new BehaviourCloning(data, null, policy, hyper(0), Seeds.generator(73))
                .lossAndGradient(0, data.size(), 0.0);
        assertTrue(Math.abs(plain - original) > 1e-3, "at alpha 0 the labels count: " + plain + " vs " + original);
    }

    private static void checkMlp(int[] hidden, MlpPolicy.Activation activation, boolean withTags, long seed) {
        Dataset data = mixedDataset();
        ControlTagEncoder tags = withTags ? new ControlTagEncoder(base(data.dimension())) : null;
        int inputs = withTags ? tags.dimension() : data.dimension();
        MlpPolicy net = new MlpPolicy(inputs, 3, ACTIONS, hidden, activation, true, Seeds.generator(seed));
        randomise(new double[][] {net.parameters()}, 0.3, seed + 1);
        BehaviourCloning bc = new BehaviourCloning(data, tags, net, hyper(0.7), Seeds.generator(seed + 2));
        checkGradient(bc, data.size());
        bc.lossAndGradient(0, data.size(), 0);
        // The value head has no behaviour-cloning target and no L2 penalty: its gradient stays 0.
        for (int i = net.valueHeadStart(); i < net.valueHeadEnd(); i++) {
            assertEquals(0.0, net.gradients()[i]);
        }
    }

    @Test
    void mlpCrossEntropyAndTagHeadGradientMatchesFiniteDifferencesWithTagInputs() {
        checkMlp(new int[] {5, 4}, MlpPolicy.Activation.TANH, true, 21);
    }

    @Test
    void mlpCrossEntropyAndTagHeadGradientMatchesFiniteDifferencesWithoutTagInputs() {
        checkMlp(new int[] {6}, MlpPolicy.Activation.TANH, false, 31);
    }

    @Test
    void mlpGradientMatchesFiniteDifferencesWithReluLayers() {
        checkMlp(new int[] {7, 5}, MlpPolicy.Activation.RELU, true, 41);
    }

    /**
     * With a belief head trained at c_B = 0.8 (beside the tag head, with and without tag inputs): the
     * belief's BCE, its path into the policy logits and the L2 on its weights all match finite differences.
     */
    private static void checkMlpWithBelief(int[] hidden, boolean tagHead, boolean withTags, long seed) {
        Dataset data = mixedDataset();
        ControlTagEncoder tags = withTags ? new ControlTagEncoder(base(data.dimension())) : null;
        int inputs = withTags ? tags.dimension() : data.dimension();
        MlpPolicy net = new MlpPolicy(inputs, 3, ACTIONS, hidden, MlpPolicy.Activation.TANH, tagHead, true,
                Seeds.generator(seed));
        randomise(new double[][] {net.parameters()}, 0.3, seed + 1);
        BehaviourCloning bc = new BehaviourCloning(data, tags, net, hyper(tagHead ? 0.7 : 0, 0.8), DEPLOYED,
                Seeds.generator(seed + 2));
        checkGradient(bc, data.size());
        bc.lossAndGradient(0, data.size(), 0);
        for (int i = net.beliefHeadStart(); i < net.parameterCount(); i++) {
            assertTrue(net.gradients()[i] != 0, "belief parameter " + i + " carries gradient");
        }
    }

    @Test
    void mlpBeliefHeadGradientMatchesFiniteDifferences() {
        checkMlpWithBelief(new int[] {6}, false, false, 51);
    }

    @Test
    void mlpBeliefHeadBesideATagHeadAndTagInputsGradientMatchesFiniteDifferences() {
        checkMlpWithBelief(new int[] {5, 4}, true, true, 61);
    }

    @Test
    void aBeliefWeightWithoutABeliefHeadOrALabelIsRejected() {
        Dataset data = mixedDataset();
        MlpPolicy plain = new MlpPolicy(data.dimension(), 2, ACTIONS, new int[] {4}, MlpPolicy.Activation.TANH,
                Seeds.generator(1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BehaviourCloning(data, null, plain, hyper(0, 1), DEPLOYED, Seeds.generator(2)));
        assertTrue(e.getMessage().contains("no belief head"), e.getMessage());
        MlpPolicy believer = new MlpPolicy(data.dimension(), 2, ACTIONS, new int[] {4}, MlpPolicy.Activation.TANH,
                false, true, Seeds.generator(1));
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BehaviourCloning(data, null, believer, hyper(0, 1), 0, Seeds.generator(2)));
        assertTrue(e.getMessage().contains("no event labels"), e.getMessage());
    }

    @Test
    void aTagHeadWeightWithoutATagHeadIsRejected() {
        Dataset data = mixedDataset();
        Learner policy = new LinearSoftmaxPolicy(data.dimension(), ACTIONS, 0, Seeds.generator(1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BehaviourCloning(data, null, policy, hyper(1), Seeds.generator(2)));
        assertTrue(e.getMessage().contains("no tag head"), e.getMessage());
    }
}
