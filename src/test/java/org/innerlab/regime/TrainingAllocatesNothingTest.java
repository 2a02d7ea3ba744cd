package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.data.DatasetGenerator;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearQ;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.rater.Rater;
import org.junit.jupiter.api.Test;

/**
 * The training loop (encode, act, step, score, update) allocates nothing once its buffers have
 * grown: measured with the JVM's per-thread allocation counter over 200 units of training on a
 * pooled CoinRun level set (a fresh level's generation is the environment's business, not training's),
 * and likewise for the KL-penalised REINFORCE and for fitted Q-iteration on absent supervisor.
 */
class TrainingAllocatesNothingTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Windows measured after the warm-up; a result is the least any of them allocated. */
    private static final int WINDOWS = 3;

    private static long allocatedBy(Regime regime, int units) {
        long tid = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        for (int i = 0; i < units; i++) {
            regime.trainUnit();
        }
        return THREADS.getThreadAllocatedBytes(tid) - before;
    }

    /**
     * The least {@code units} training units allocate, over {@link #WINDOWS} windows in a row. On a loaded machine
     * the JIT may still be settling after the warm-up (a late compilation or deoptimisation once counted 152 bytes
     * in one window); an allocation per step or per unit shows in every window, so the least of them still
     * catches it.
     */
    private static long leastAllocatedBy(Regime regime, int units) {
        long least = Long.MAX_VALUE;
        for (int window = 0; window < WINDOWS; window++) {
            least = Math.min(least, allocatedBy(regime, units));
        }
        return least;
    }

    private static Environment pooledCoinRun() {
        return EnvRegistry.create("coinrun-lite-v1", Map.of("num_levels", 50, "time_limit", 100));
    }

    @Test
    void reinforceOnALinearSoftmaxPolicyAllocatesNothingPerUnit() {
        Seeds s = new Seeds(3);
        Environment env = pooledCoinRun();
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, List.of("agent_x"));
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(enc.dimension(), env.actionCount(), 0, s.stream("init"));
        Regime regime = new Reinforce(env, enc, policy, Rater.named("environment"),
                new Reinforce.Hyper(0.3, 0.3, 0.99, 0.001, 8), Long.MAX_VALUE, s.stream("levels"), s.stream("actions"),
                EpisodeListener.NONE);
        allocatedBy(regime, 500);
        assertEquals(0, leastAllocatedBy(regime, 200));
    }

    @Test
    void qLambdaOnALinearQFunctionAllocatesNothingPerUnit() {
        Seeds s = new Seeds(4);
        Environment env = pooledCoinRun();
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, List.of());
        LinearQ q = new LinearQ(enc.dimension(), env.actionCount(), 0, 0, s.stream("init"));
        Regime regime = new QLearning(env, enc, q, Rater.named("environment"),
                new QLearning.Hyper(0.02, 0.99, 0.3, 0.3, 0.5, 0.8, 64), Long.MAX_VALUE, s.stream("levels"),
                s.stream("actions"), EpisodeListener.NONE);
        allocatedBy(regime, 500);
        assertEquals(0, leastAllocatedBy(regime, 200));
    }

    @Test
    void ppoOnAnMlpInACheeseMazeAllocatesNothingPerUnit() {
        Seeds s = new Seeds(5);
        Environment env = EnvRegistry.create("cheese-maze-v1", Map.of("max_size", 9, "cheese_region", 3));
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 3, List.of("agent_x", "agent_y"));
        org.innerlab.learner.MlpPolicy net = new org.innerlab.learner.MlpPolicy(enc.dimension(), enc.maxActive(),
                env.actionCount(), new int[] {16, 16}, org.innerlab.learner.MlpPolicy.Activation.TANH, s.stream("init"));
        Regime regime = new Ppo(env, enc, net, Rater.named("environment"),
                new Ppo.Hyper(1e-3, 0.99, 0.95, 0.2, 0.5, 0.01, 128, 2, 32, 0.5), Long.MAX_VALUE,
                s.stream("levels"), s.stream("actions"), EpisodeListener.NONE);
        // In the full suite 88 bytes were once counted after the warm-up (JIT settling); one object
        // per step would be at least 200 KB over these 12,800 steps, so a small fixed budget still
        // catches any per-step allocation.
        allocatedBy(regime, 400);
        long allocated = leastAllocatedBy(regime, 100);
        assertTrue(allocated < 4096, allocated + " bytes");
    }

    private static Regime behaviourCloning(org.innerlab.learner.Learner learner, org.innerlab.observe.ControlTagEncoder tags,
                                           org.innerlab.data.Dataset data, BehaviourCloning.Optimiser optimiser) {
        return new BehaviourCloning(data, tags, learner,
                new BehaviourCloning.Hyper(1000, 32, optimiser, 1e-3, 1e-4, 0.5, true), new Seeds(6).stream("shuffle"));
    }

    @Test
    void behaviourCloningWithTagInputsAndATagHeadAllocatesNothingPerMinibatch() {
        org.innerlab.data.Dataset data = BehaviourCloningLearnsTest.taggedMix(6);
        org.innerlab.observe.ControlTagEncoder tags =
                new org.innerlab.observe.ControlTagEncoder(new FixedDimension(data.dimension()));
        for (BehaviourCloning.Optimiser optimiser : BehaviourCloning.Optimiser.values()) {
            Regime linear = behaviourCloning(new LinearSoftmaxPolicy(tags.dimension(), data.actionCount(), 0,
                    new Seeds(7).stream("init"), true), tags, data, optimiser);
            Regime mlp = behaviourCloning(new org.innerlab.learner.MlpPolicy(tags.dimension(), 3, data.actionCount(),
                    new int[] {16, 16}, org.innerlab.learner.MlpPolicy.Activation.RELU, true, new Seeds(8).stream("init")),
                    tags, data, optimiser);
            // 300 minibatches cross an epoch boundary (250 per epoch), so the reshuffle is measured too.
            for (Regime regime : new Regime[] {linear, mlp}) {
                allocatedBy(regime, 300);
                long allocated = leastAllocatedBy(regime, 300);
                assertTrue(allocated < 4096, optimiser + ": " + allocated + " bytes");
            }
        }
    }

    @Test
    void behaviourCloningWithATrainedBeliefHeadAllocatesNothingPerMinibatch() {
        org.innerlab.data.Dataset data = BehaviourCloningLearnsTest.taggedMix(6);
        org.innerlab.learner.MlpPolicy net = new org.innerlab.learner.MlpPolicy(data.dimension(), 3, data.actionCount(),
                new int[] {16, 16}, org.innerlab.learner.MlpPolicy.Activation.TANH, false, true,
                new Seeds(8).stream("init"));
        // Every event bit labels "deployed": the label's value does not matter to allocation.
        Regime regime = new BehaviourCloning(data, null, net, new BehaviourCloning.Hyper(1000, 32,
                BehaviourCloning.Optimiser.ADAM, 1e-3, 1e-4, 0, true, 0.5), -1L, new Seeds(6).stream("shuffle"));
        allocatedBy(regime, 300);
        long allocated = leastAllocatedBy(regime, 300);
        assertTrue(allocated < 4096, allocated + " bytes");
    }

    @Test
    void reinforceWithAKlPenaltyAllocatesNothingPerUnit() {
        Seeds s = new Seeds(3);
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, List.of());
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(enc.dimension(), env.actionCount(), 0.1, s.stream("init"));
        Regime regime = new Reinforce(env, enc, policy, Rater.named("true"), new Reinforce.Hyper(0.1, 0.1, 0.99, 0, 8),
                Long.MAX_VALUE, s.stream("levels"), s.stream("actions"), EpisodeListener.NONE,
                new KlPenalty(policy.snapshot(), 0.5));
        allocatedBy(regime, 300);
        assertEquals(0, leastAllocatedBy(regime, 100));
    }

    @Test
    void fittedQIterationOnALinearQAllocatesNothingPerIteration() {
        Seeds s = new Seeds(4);
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 2, List.of("supervisor_present"));
        Dataset data = new DatasetGenerator(env, enc, Personas.forEnvironment(env.spec()),
                List.of(new DatasetGenerator.Share("aligned", 1)), 0.2).generate(100, s);
        RatedTransitions rated = RatedTransitions.rate(data, EnvRegistry.create("asg-absent-supervisor-v1", Map.of()),
                Rater.named("true"));
        LinearQ q = new LinearQ(enc.dimension(), env.actionCount(), 0, 0, s.stream("init"));
        Regime regime = new OfflineQ(data, rated, q, new OfflineQ.Hyper(0.1, 0.95, 2), Long.MAX_VALUE,
                s.stream("fitting"));
        allocatedBy(regime, 60);
        assertEquals(0, leastAllocatedBy(regime, 40));
    }
}
