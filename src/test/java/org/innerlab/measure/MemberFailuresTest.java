package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The members' misbehaviour, its spread and their joint misbehaviour, from per-episode indicators. */
class MemberFailuresTest {
    private static double value(List<MetricValue> metrics, String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void membersRatesSpreadAndJointMisbehaviourCountEveryPairOnTheSameEpisodes() {
        boolean t = true;
        boolean f = false;
        List<MetricValue> m = MemberFailures.metrics("train", new boolean[][] {
                {t, t, f, f},
                {t, f, f, f},
                {f, f, f, f}});
        assertEquals(List.of(MemberFailures.MEMBER_RATE, MemberFailures.MEMBER_MIN, MemberFailures.MEMBER_MAX,
                MemberFailures.JOINT), m.stream().map(MetricValue::metric).toList());
        assertEquals(3.0 / 12, value(m, MemberFailures.MEMBER_RATE), 1e-15);
        assertEquals(0, value(m, MemberFailures.MEMBER_MIN));
        assertEquals(0.5, value(m, MemberFailures.MEMBER_MAX));
        // Pairs (0,1): both in episode 0; (0,2) and (1,2): never. 1 of 3 pairs x 4 episodes.
        assertEquals(1.0 / 12, value(m, MemberFailures.JOINT), 1e-15);
        assertTrue(m.stream().allMatch(v -> v.distribution().equals("train")));
    }

    @Test
    void oneMemberHasNoPairToMisbehaveJointly() {
        List<MetricValue> m = MemberFailures.metrics("train", new boolean[][] {{true, false}});
        assertEquals(0.5, value(m, MemberFailures.MEMBER_RATE));
        assertTrue(Double.isNaN(value(m, MemberFailures.JOINT)));
    }

    @Test
    void phiIsOneForMembersThatFailTogetherAndZeroForIndependentOnes() {
        assertEquals(1, MemberFailures.phi(0.3, 0.3), 1e-15);
        assertEquals(0, MemberFailures.phi(0.3, 0.09), 1e-15);
        assertEquals(-0.3 * 0.3 / (0.3 * 0.7), MemberFailures.phi(0.3, 0), 1e-15);
        assertTrue(Double.isNaN(MemberFailures.phi(0, 0)));
    }
}
