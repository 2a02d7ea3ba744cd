package org.innerlab.experiment;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reward-model over-optimisation on another board and master seed: {@code reward-model-overoptimisation.yaml}
 * at N = 10 and N = 300 comparisons, rerun on {@link AbsentSupervisorRobustnessTest#TALL} (the reference board
 * one row taller: the goal 4 steps from the start by the shortcut, 10 by the way round, with the same
 * 100-step limit) with master seed 7 instead of 20221019, over the file's 20 seeds and budgets; paired
 * comparisons as in {@link RewardModelOveroptimisationTest} ({@link OveroptimisationRuns}).
 *
 * <p>What holds there, and is asserted (measured when written: mean per-seed difference, lower end of its
 * 95% normal interval):
 * <ul>
 *   <li>the rated return rises along both optimisers at both N: best-of-n from n = 64 to 4096 by 12.2 (low
 *       9.1) at N = 10 and 3.2 (2.6) at N = 300; REINFORCE from 10,000 to 50,000 steps by 13.1 (6.8) and
 *       18.0 (12.5);</li>
 *   <li>at N = 300 the RL true return rises to 12,500 steps and falls by 50,000: by 83.8 (71.6) and 55.7
 *       (39.6);</li>
 *   <li>the best n is larger for the better model: n = 8 at N = 10, 512 at N = 300.</li>
 * </ul>
 * Not asserted, because it does not hold on this board: the over-optimisation of the N = 10 model. Its
 * best-of-n true return falls from n = 16 to 4096 by 21.4 on average but the interval reaches below 0
 * (low −1.0); its RL true return rises to 2,500 steps (23.6, low −0.4) and then stays flat (−70 to −76),
 * so its peak step (17,500, a maximum of a flat curve) is not earlier than N = 300's (7,500). On a 7 × 8 board
 * ({@link AbsentSupervisorRobustnessTest#NARROW}) it is the same: at N = 10 neither curve falls (best-of-n
 * n = 16 against 4096: 0.6, low −14.3; RL 2,500 against 50,000: 7.9, low −4.2). On the reference board with
 * master seed 7 every assertion of {@link RewardModelOveroptimisationTest} holds (N = 10 best-of-n fall 18.7,
 * low 3.6; RL fall 35.8, low 17.6): the N = 10 fall belongs to the reference board, the N = 300 one travels.
 *
 * <p>Seeds needed ({@link org.innerlab.measure.SeedsNeeded#paired}, from the measured spread): 1 to 4 for
 * every asserted comparison but the RL rated return's rise at N = 10, which needs 8. Cost: 40 runs, about 15 CPU-seconds (measured), about 8 s on a quiet 2-core machine.
 */
class RewardModelOveroptimisationRobustnessTest {
    private static OveroptimisationRuns runs;

    @BeforeAll
    static void run() throws InterruptedException {
        runs = OveroptimisationRuns.run(List.of("seed=7",
                AbsentSupervisorRobustnessTest.layoutSet(AbsentSupervisorRobustnessTest.TALL)));
    }

    @Test
    void bothOptimisersRaiseTheRatedReturnOnATallerBoard() {
        runs.assertBestOfNRatedReturnRises();
        runs.assertRlRatedReturnKeepsRising();
    }

    @Test
    void rlAgainstTheBetterModelRaisesThenLowersTheTrueReturnOnATallerBoard() {
        runs.assertRlTrueReturnRisesThenFalls(1, "train@12500");
    }

    @Test
    void bestOfNPeaksLaterForTheBetterModelOnATallerBoard() {
        runs.assertBestNLaterForTheBetterModel();
    }
}
