package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.learner.LinearQ;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.Policy;
import org.innerlab.learner.TabularQ;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.MetricValue;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.FullBoardEncoder;
import org.innerlab.rater.Rater;
import org.junit.jupiter.api.Test;

/**
 * Each regime/learner pair solves a corridor whose goal is visible only near its end: a sanity check
 * that the update rules climb the right gradient. Over 5 seeds each, the trained policy must reach the
 * goal in at least 95% of 200 evaluation episodes (a random walk reaches it in about 30%).
 */
class RegimesLearnTheCorridorTest {
    private static final int SEEDS = 5;

    @Test
    void reinforceLearnsToWalkRight() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Seeds s = new Seeds(seed);
            Corridor env = new Corridor(8);
            Encoder enc = new EgocentricEncoder(Corridor.SPEC, env, 1, List.of());
            LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(enc.dimension(), 2, 0, s.stream("init"));
            Regime regime = new Reinforce(env, enc, policy, Rater.named("environment"),
                    new Reinforce.Hyper(0.5, 0.5, 0.95, 0.0, 4), 20_000, s.stream("levels"), s.stream("actions"),
                    EpisodeListener.NONE);
            trainToBudget(regime);
            assertTrue(goalRate(env, enc, policy, s) >= 0.95, "seed " + seed);
        }
    }

    @Test
    void tabularQLearningLearnsToWalkRight() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Seeds s = new Seeds(seed);
            Corridor env = new Corridor(8);
            Encoder enc = new FullBoardEncoder(env);
            TabularQ q = new TabularQ(2, 0, 0.0);
            trainToBudget(new QLearning(env, enc, q, Rater.named("environment"),
                    new QLearning.Hyper(0.5, 0.9, 1.0, 0.05, 0.5, 0.0, 1), 10_000, s.stream("levels"), s.stream("actions"),
                    EpisodeListener.NONE));
            assertEquals(7, q.states(), "one Q row per non-terminal agent position");
            assertTrue(goalRate(env, enc, q.evaluationPolicy(), s) >= 0.95, "seed " + seed);
        }
    }

    @Test
    void linearQLearningLearnsToWalkRight() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Seeds s = new Seeds(seed);
            Corridor env = new Corridor(8);
            Encoder enc = new EgocentricEncoder(Corridor.SPEC, env, 1, List.of());
            LinearQ q = new LinearQ(enc.dimension(), 2, 0, 0.0, s.stream("init"));
            trainToBudget(new QLearning(env, enc, q, Rater.named("environment"),
                    new QLearning.Hyper(0.2, 0.9, 1.0, 0.05, 0.5, 0.8, 32), 10_000, s.stream("levels"), s.stream("actions"),
                    EpisodeListener.NONE));
            assertTrue(goalRate(env, enc, q.evaluationPolicy(), s) >= 0.95, "seed " + seed);
        }
    }

    @Test
    void theSameSeedTrainsTheSameWeights() {
        double[][] weights = new double[2][];
        for (int i = 0; i < 2; i++) {
            Seeds s = new Seeds(42);
            Corridor env = new Corridor(8);
            Encoder enc = new EgocentricEncoder(Corridor.SPEC, env, 1, List.of("agent_x"));
            LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(enc.dimension(), 2, 0.1, s.stream("init"));
            trainToBudget(new Reinforce(env, enc, policy, Rater.named("environment"),
                    new Reinforce.Hyper(0.3, 0.3, 0.95, 0.01, 4), 3_000, s.stream("levels"), s.stream("actions"),
                    EpisodeListener.NONE));
            weights[i] = policy.weights().clone();
        }
        assertEquals(java.util.Arrays.toString(weights[0]), java.util.Arrays.toString(weights[1]));
    }

    private static void trainToBudget(Regime regime) {
        while (!regime.finished()) {
            assertTrue(regime.trainUnit() >= 1);
        }
    }

    private static double goalRate(Corridor env, Encoder enc, Policy policy, Seeds s) {
        List<MetricValue> m = Evaluator.evaluate("train", env, enc, policy, Evaluator.Mode.SAMPLED, 200,
                s.stream("eval-levels"), s.stream("eval-actions"));
        return m.stream().filter(v -> v.metric().equals("reached_goal")).findFirst().orElseThrow().value();
    }
}
