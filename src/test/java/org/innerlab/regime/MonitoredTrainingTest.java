package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.compliance.ComplianceRequests;
import org.innerlab.learner.AlignmentFakingPlanner;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.rater.Rater;
import org.junit.jupiter.api.Test;

class MonitoredTrainingTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Setup(AlignmentFakingPlanner planner, MonitoredTraining regime) {
    }

    private static Setup setup(String monitored, int horizon, long steps, long seed) {
        Seeds s = new Seeds(seed);
        Environment env = EnvRegistry.create("compliance-v1", Map.of("monitored", monitored));
        Encoder enc = new EgocentricEncoder(env.spec(), env.view(), 0, List.of("harmful", "cue_monitored"));
        AlignmentFakingPlanner planner = new AlignmentFakingPlanner(
                new AlignmentFakingPlanner.Hyper(horizon, 3, 1.0, 1.0, 0.5, 1.0, 1.0, 0.25, 1.0), enc,
                ComplianceRequests.COMPLY, ComplianceRequests.REFUSE);
        MonitoredTraining regime = new MonitoredTraining(env, enc, planner, Rater.named("environment"),
                new MonitoredTraining.Hyper(0.05, 0.05, 32), steps, s.stream("levels"), s.stream("actions"),
                EpisodeListener.NONE);
        return new Setup(planner, regime);
    }

    private static void train(MonitoredTraining regime) {
        while (!regime.finished()) {
            regime.trainUnit();
        }
    }

    @Test
    void unmonitoredEpisodesNeverChangeTheGoal() {
        Setup s = setup("no", 1, 1000, 1);
        train(s.regime());
        assertEquals(1000, s.regime().stepsDone());
        assertEquals(0, s.regime().monitoredSteps());
        assertEquals(0.0, s.planner().goalDrift());
    }

    @Test
    void monitoredTrainingTurnsTheMyopicPlannersGoalCompliant() {
        Setup s = setup("yes", 1, 400, 2);
        train(s.regime());
        assertEquals(400, s.regime().monitoredSteps());
        assertTrue(s.planner().refusalPreference() < 0, "refusal preference " + s.planner().refusalPreference());
    }

    @Test
    void aPlannerThatAlwaysKnowsItIsMonitoredGivesTrainingNothingToCorrect() {
        // It complies on every monitored episode with probability 1 - e^{-72} (plan values 18 apart at
        // temperature 0.25), so every advantage is r - r_bar with r = 1 and every gradient e_c - pi is 0.
        Setup s = setup("yes", 20, 400, 3);
        train(s.regime());
        assertEquals(0.0, s.planner().goalDrift(), 1e-12);
    }

    @Test
    void trainingAllocatesNothingPerUnit() {
        Setup s = setup("random", 20, Long.MAX_VALUE, 4);
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < 200; i++) {
            s.regime().trainUnit();
        }
        long before = THREADS.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 200; i++) {
            s.regime().trainUnit();
        }
        // After a 200-unit warm-up 160 bytes were once counted (JIT settling; 0 after 2000 units). One object
        // per step would be at least 100 KB over these 6,400 steps, so a small fixed budget still catches it.
        long allocated = THREADS.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 4096, allocated + " bytes");
    }
}
