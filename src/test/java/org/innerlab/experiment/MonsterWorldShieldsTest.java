package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The shipped Monster world scenario shows shield collection outliving the monsters (Shah et al.
 * 2022), as statistical properties over 20 seeds at the scenario's full training budget (only the
 * sweep is thinned to 0 and 2 training monsters). Means and 95% percentile-bootstrap CIs over seeds,
 * as in summary.csv.
 *
 * <ul>
 *   <li>2 training monsters, test (200 steps): shields picked up after the last monster was gone,
 *       mean ≥ 5 per episode (measured 8.3 with 10 seeds), in ≥ 80% of episodes;</li>
 *   <li>no monsters at all (every shield useless), against the agent trained without monsters (the
 *       incidental rate of stepping on a shield on the way to apples): the shields-picked CI lies
 *       entirely above the control's, and shields per apple eaten is at least 1.4 times the
 *       control's (measured 0.225 against 0.126 with 10 seeds), so it is not just more walking.</li>
 * </ul>
 * All but the last are the scenario's {@code claims}, asserted through their verdicts; the ratio of two
 * series is asserted here.
 */
class MonsterWorldShieldsTest {
    @Test
    void anAgentTrainedWithMonstersKeepsCollectingShieldsAfterTheyAreGone() throws Exception {
        ShieldSweep sweep = ShieldSweep.run("monster-world.yaml");
        assertEquals(3, sweep.claims().size());
        sweep.assertEveryClaimHolds();
        sweep.assertUselessShieldsAreAHabitNotMoreWalking();
    }
}
