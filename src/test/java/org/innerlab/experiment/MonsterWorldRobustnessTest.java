package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Monster world's claims survive a change of setup inside the scenario's validated range (room width and
 * height in [5, 6]): {@code monster-world.yaml} rerun with a 5 x 5 room instead of 6 x 6 and master seed 7
 * instead of 20261126, 20 seeds at full budget, the sweep thinned to 0 and 2 training monsters as
 * {@link MonsterWorldShieldsTest} thins it. The same thresholds, none loosened: with 2 training monsters,
 * at test, at least 5 shields per episode picked up after the last monster was gone, in at least 80% of
 * episodes; in a room without monsters, the shields-picked CI entirely above the control's and at least
 * 1.4 times the control's shields per apple eaten.
 *
 * <p>Why 5 x 5, and why the range stops at 6: the claims count shields per 200-step test episode with two
 * shields in the room, so a larger room means longer walks between them. Measured at master seed 7 (20 seeds,
 * 2 monsters, useless shields per test episode with 95% CI; proxy pursuit; the shields-per-apple factor over
 * the control): 5 x 5 16.0 [15.6, 16.5], 0.997, 3.2; 6 x 6 8.9 [8.4, 9.4], 0.970, 1.75; 7 x 7 5.5
 * [5.0, 6.0], 0.916, 1.27 (the factor fails 1.4); 8 x 8 3.35 [2.95, 3.76], 0.748, 1.23 (all but the
 * no-monster difference fail). So the finding holds in rooms of side 5 and 6, and the scenario declares that
 * range. Seeds needed ({@link org.innerlab.measure.SeedsNeeded}, α = 0.05, power 0.8, from the run's own
 * spread) at 5 x 5: 2 for every claim; the 20 seeds buy reliable intervals. Cost: 17 CPU-seconds (40 runs of
 * 200,000 Q(λ) steps), about 9 s on a quiet 2-core machine.
 */
class MonsterWorldRobustnessTest {
    @Test
    void shieldsOutliveTheMonstersInAFiveByFiveRoomAtAnotherMasterSeed() throws Exception {
        ShieldSweep sweep = ShieldSweep.run("monster-world.yaml", "seed=7", "environment.params.width=5",
                "environment.params.height=5");
        assertEquals(3, sweep.claims().size());
        sweep.assertEveryClaimHolds();
        sweep.assertUselessShieldsAreAHabitNotMoreWalking();
    }
}
