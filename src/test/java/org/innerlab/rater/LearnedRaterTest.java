package org.innerlab.rater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.regime.Regime;
import org.innerlab.regime.Reinforce;
import org.junit.jupiter.api.Test;

/** The learned rater: what it scores, iterated rating, and that rating allocates nothing. */
class LearnedRaterTest {
    private static Environment absentSupervisor() {
        return EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
    }

    private static LearnedRater learned(Environment env, Map<String, Object> params) {
        return (LearnedRater) Raters.create("learned", params, env, null, new Seeds(1).stream("rater"));
    }

    @Test
    void scoresTheStateTheStepStartedFromAndTheActionTaken() {
        Environment env = absentSupervisor();
        LearnedRater rater = learned(env, Map.of("model", "mlp", "hidden", 8, "comparisons", 30, "epochs", 2));
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, env.spec().features());
        SparseVector before = new SparseVector(enc.dimension(), enc.maxActive());
        MersenneTwisterFast rng = new MersenneTwisterFast(2);
        StepResult step = new StepResult();
        int steps = 0;
        for (int episode = 0; episode < 10; episode++) {
            env.reset(rng);
            rater.startEpisode(env);
            do {
                enc.encode(env, before);
                int a = rng.nextInt(env.actionCount());
                double expected = rater.model().reward(before, a);
                env.step(a, step);
                assertEquals(expected, rater.rate(env, a, step), 0.0);
                steps++;
            } while (!step.done());
        }
        assertTrue(steps > 20);
    }

    @Test
    void retrainsEveryKUpdatesOnFreshComparisonsOfTheEpisodesItRated() {
        Environment env = absentSupervisor();
        LearnedRater rater = learned(env, Map.of("comparisons", 20, "epochs", 2, "retrain_every", 2,
                "retrain_comparisons", 30, "buffer_episodes", 10, "max_comparisons", 45));
        assertTrue(rater.retrains());
        double[] initial = rater.model().parameters().clone();
        MersenneTwisterFast rng = new MersenneTwisterFast(4);
        StepResult step = new StepResult();
        for (int episode = 0; episode < 25; episode++) {
            env.reset(rng);
            rater.startEpisode(env);
            do {
                int a = rng.nextInt(env.actionCount());
                env.step(a, step);
                rater.rate(env, a, step);
            } while (!step.done());
        }
        assertTrue(rater.bufferedEpisodes() >= 10 && rater.bufferedEpisodes() < 20, "rolling buffer of 10 to 19");
        rater.updateDone();
        assertEquals(0, rater.retrainings(), "not yet the K-th update");
        assertTrue(Arrays.equals(initial, rater.model().parameters()));
        rater.updateDone();
        assertEquals(1, rater.retrainings());
        assertEquals(45, rater.labelled().size(), "20 + 30 comparisons, the oldest 5 dropped");
        assertEquals(90, rater.labelled().trajectories().size());
        assertFalse(Arrays.equals(initial, rater.model().parameters()), "retraining moved the model");
        ComparisonSet labelled = rater.labelled();
        for (int c = 0; c < labelled.size(); c++) {
            Trajectories t = labelled.trajectories();
            assertEquals(ComparisonSet.label(t.trueReturn(labelled.first(c)), t.trueReturn(labelled.second(c))),
                    labelled.label(c));
        }
    }

    @Test
    void trajectoryStoreKeepsTheNewestInOrder() {
        Trajectories store = new Trajectories();
        SparseVector row = new SparseVector(100, 3);
        for (int t = 0; t < 7; t++) {
            store.begin();
            for (int s = 0; s <= t; s++) {
                row.clear();
                row.add(t, s);
                row.add(50 + s, 1);
                store.addStep(row, s % 4);
            }
            store.finish(-t);
        }
        store.keepNewest(3);
        assertEquals(3, store.size());
        for (int k = 0; k < 3; k++) {
            int t = k + 4;
            assertEquals(-t, store.trueReturn(k));
            assertEquals(t + 1, store.end(k) - store.first(k));
            int s = store.first(k) + 2;
            store.row(s, row);
            assertEquals(2, row.size);
            assertEquals(t, row.index[0]);
            assertEquals(2.0, row.value[0]);
            assertEquals(52, row.index[1]);
            assertEquals(2, store.action(s));
        }
    }

    /**
     * Rating inside a regime's hot loop allocates nothing once the buffers have grown: REINFORCE on
     * the absent supervisor (supervisor fixed: with {@code random} the supervised-only rater reads the
     * episode's draw through a small map, once per episode) with a learned rater that buffers every
     * episode for retraining, and with each of the other raters.
     */
    @Test
    void ratingInTheTrainingLoopAllocatesNothing() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", "absent"));
        List<Rater> raters = List.of(
                learned(env, Map.of("model", "mlp", "hidden", 8, "comparisons", 10, "epochs", 1, "retrain_every", 1000,
                        "buffer_episodes", 50)),
                Raters.create("supervised-only", Map.of(), env, null, new Seeds(1).stream("r")),
                Raters.create("noisy", Map.of(), env, null, new Seeds(1).stream("r")),
                Raters.create("blind-spot", Map.of("event", "entered_punishment_tile"), env, null, null),
                Raters.create("sycophantic", Map.of("event", "reached_goal"), env, null, null));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Rater rater : raters) {
            Seeds s = new Seeds(3);
            Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, List.of());
            LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(enc.dimension(), env.actionCount(), 0, s.stream("init"));
            Regime regime = new Reinforce(env, enc, policy, rater, new Reinforce.Hyper(0.1, 0.1, 0.99, 0.01, 8),
                    Long.MAX_VALUE, s.stream("levels"), s.stream("actions"), EpisodeListener.NONE);
            for (int i = 0; i < 300; i++) {
                regime.trainUnit();
            }
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100; i++) {
                regime.trainUnit();
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            // Same slack as the regimes' own test: JIT settling once counted 88 bytes; one object per
            // step would be tens of kilobytes here.
            assertTrue(allocated < 4096, rater.getClass().getSimpleName() + " allocated " + allocated + " bytes");
        }
    }
}
