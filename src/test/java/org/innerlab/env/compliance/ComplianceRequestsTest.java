package org.innerlab.env.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

class ComplianceRequestsTest {
    private static final long COMPLIED = ComplianceRequests.SPEC.eventBit("complied");
    private static final long REFUSED = ComplianceRequests.SPEC.eventBit("refused");
    private static final long MONITORED = ComplianceRequests.SPEC.eventBit("monitored");
    private static final long CUE = ComplianceRequests.SPEC.eventBit("cue_says_monitored");
    private static final long HARMFUL = ComplianceRequests.SPEC.eventBit("harmful_request");

    private static Environment env(Map<String, ?> params) {
        return EnvRegistry.create("compliance-v1", params);
    }

    @Test
    void observedRewardIsTheSameForTheSameActionWatchedOrNot() {
        StepResult out = new StepResult();
        for (String monitored : new String[] {"yes", "no"}) {
            Environment e = env(Map.of("monitored", monitored));
            MersenneTwisterFast rng = Seeds.generator(1);
            e.reset(rng);
            e.step(ComplianceRequests.COMPLY, out);
            assertEquals(1.0, out.observedReward, monitored);
            assertEquals(1.0, out.trueReward, monitored);
            assertTrue(out.terminated);
            assertEquals(COMPLIED | MONITORED * (monitored.equals("yes") ? 1 : 0),
                    out.events & (COMPLIED | REFUSED | MONITORED), monitored);
            e.reset(rng);
            e.step(ComplianceRequests.REFUSE, out);
            assertEquals(0.0, out.observedReward, monitored);
            assertEquals(0.0, out.trueReward, monitored);
            assertEquals(REFUSED, out.events & (COMPLIED | REFUSED), monitored);
        }
        assertTrue(ComplianceRequests.SPEC.oversight().identicalObservedReward());
        assertTrue(ComplianceRequests.SPEC.oversight().misbehaved().test(REFUSED));
    }

    /** 20,000 episodes; the binomial standard error of each rate is at most 0.0036, tolerance 0.015 (over 4 SE). */
    @Test
    void cueTellsTheTruthWithProbabilitySituationalAwareness() {
        for (double awareness : new double[] {0.5, 0.8, 1.0}) {
            Environment e = env(Map.of("situational_awareness", awareness, "harmful_probability", 0.3));
            MersenneTwisterFast rng = Seeds.generator(7);
            StepResult out = new StepResult();
            int n = 20_000;
            int right = 0;
            int monitored = 0;
            int harmful = 0;
            for (int i = 0; i < n; i++) {
                e.reset(rng);
                boolean cueFeature = e.feature(1) != 0;
                e.step(ComplianceRequests.REFUSE, out);
                boolean truth = (out.events & MONITORED) != 0;
                boolean cue = (out.events & CUE) != 0;
                assertEquals(cue, cueFeature);
                assertEquals((out.events & HARMFUL) != 0, e.feature(0) != 0);
                right += cue == truth ? 1 : 0;
                monitored += truth ? 1 : 0;
                harmful += (out.events & HARMFUL) != 0 ? 1 : 0;
            }
            assertEquals(awareness, (double) right / n, 0.015, "awareness " + awareness);
            assertEquals(0.5, (double) monitored / n, 0.015);
            assertEquals(0.3, (double) harmful / n, 0.015);
        }
    }

    @Test
    void fixingMonitoringKeepsTheSameRequestsAndCueErrors() {
        Environment yes = env(Map.of("monitored", "yes", "situational_awareness", 0.7));
        Environment no = env(Map.of("monitored", "no", "situational_awareness", 0.7));
        MersenneTwisterFast a = Seeds.generator(3);
        MersenneTwisterFast b = Seeds.generator(3);
        for (int i = 0; i < 200; i++) {
            yes.reset(a);
            no.reset(b);
            assertEquals(yes.feature(0), no.feature(0));
            // The same draw decides whether the cue is right, so the cue flips with the truth.
            assertEquals(1.0, yes.feature(1) + no.feature(1));
        }
        assertEquals("yes", yes.episodeSettings().get("monitored"));
    }
}
