package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Keys &amp; Chests' claims survive a change of setup: {@code keys-chests.yaml} rerun with
 * {@code --set environment.params.size=4} (a 4 x 4 room instead of 5 x 5; the time limit, 10 x size,
 * scales with it) and master seed 7 instead of 20261125, 20 seeds at full budget, the sweep thinned to the
 * penalties 0 and 0.5 as {@link KeysChestsHoardingTest} thins it. Every one of the scenario's four claims
 * must hold, with their own thresholds: without a penalty, chests opened in training at least 1.9, keys
 * picked up at test at least 3 and keys left unused at least 1 (means over seeds); with penalty 0.5 the test
 * keys-picked CI entirely below the no-penalty CI.
 *
 * <p>Measured when written (means with 95% bootstrap CIs over 20 seeds): chests opened in training 1.995;
 * at test keys picked up 3.73 [3.71, 3.75], unused 1.74 [1.72, 1.76]; with penalty 0.5, 3.59 [3.56, 3.61].
 * Seeds needed ({@link org.innerlab.measure.SeedsNeeded}, α = 0.05, power 0.8, from the run's own spread):
 * 2 for every claim; the 20 seeds buy reliable percentile intervals.
 *
 * <p>Why 4 and not 6: in a 6 x 6 room (master seed 7, 6 seeds) the agent without a penalty hoards as in
 * the shipped room (3.80 keys picked at test), but with penalty 0.5 it no longer masters training (0.66
 * chests opened of 2, every run labelled not-learned), so "the penalty reduces hoarding" would hold only
 * because the penalised agent stopped collecting anything. The 4 x 4 room keeps both agents competent.
 * Cost: about 35 CPU-seconds (40 runs of 60,000 PPO steps), about 18 s on a quiet 2-core machine.
 */
class KeysChestsRobustnessTest {
    @Test
    void keysAreHoardedAndAPenaltyReducesItInAFourByFourRoomAtAnotherMasterSeed() throws Exception {
        CheckedSweep sweep = KeysChestsHoardingTest.runWithoutAndWithTheHalfPenalty("seed=7",
                "environment.params.size=4");
        assertEquals(4, sweep.verdicts().size());
        sweep.assertAllHold("in a 4 x 4 room at master seed 7");
    }
}
