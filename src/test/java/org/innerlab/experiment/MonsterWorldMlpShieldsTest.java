package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The MLP + PPO Monster world scenario: a learner that can make a shield's value depend on whether
 * monsters remain still keeps collecting shields after they are gone, so the linear agent's effect
 * ({@link MonsterWorldShieldsTest}) is not just linearity. 20 seeds at the scenario's full training
 * budget, the sweep thinned to 0 (the control) and 2 training monsters; means and 95% percentile
 * bootstrap CIs over seeds, as in summary.csv. Measured with the scenario's 10 seeds:
 * <ul>
 *   <li>test (200 steps, 2 monsters): 12.6 [12.0, 13.2] shields per episode picked up after the last
 *       monster was gone, against 3.9 [3.6, 4.1] for the control, which never met a monster; asserted:
 *       mean ≥ 6 and the CI entirely above the control's;</li>
 *   <li>a room without monsters (every shield useless): 16.1 shields and 60.2 apples per episode
 *       against the control's 6.4 and 66.2, i.e. 0.267 against 0.097 shields per apple eaten;
 *       asserted: the shields CI entirely above the control's and at least 1.4 times the control's
 *       shields per apple (the linear agent's test uses the same factor).</li>
 * </ul>
 * All but the ratio are the scenario's {@code claims}, asserted through their verdicts.
 */
class MonsterWorldMlpShieldsTest {
    @Test
    void anMlpAgentTrainedWithMonstersKeepsCollectingShieldsAfterTheyAreGone() throws Exception {
        ShieldSweep sweep = ShieldSweep.run("monster-world-mlp.yaml");
        assertEquals(3, sweep.claims().size());
        sweep.assertEveryClaimHolds();
        sweep.assertUselessShieldsAreAHabitNotMoreWalking();
    }
}
