package org.innerlab.experiment;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code reward-model-overoptimisation.yaml} at two of its reward models, N = 10 and N = 300
 * comparisons, over 20 seeds of a master seed (1) other than the file's, with the file's budgets.
 * The points compared were chosen from the file's own run (seed 20221019) before this seed was run:
 * there the best-of-n true return peaked at n = 8–16 (N = 10) and n = 256–512 (N = 300), and the RL
 * true return at 2,500 steps (N = 10) and 12,500 steps (N = 300).
 *
 * <p>Paired comparisons are over the 20 seeds: the mean of the per-seed differences and its 95%
 * normal interval, mean ± 1.96·sd/√20; "rises" and "falls" mean the interval excludes 0
 * ({@link OveroptimisationRuns}).
 */
class RewardModelOveroptimisationTest {
    private static OveroptimisationRuns runs;

    @BeforeAll
    static void run() throws InterruptedException {
        runs = OveroptimisationRuns.run(List.of("seed=1"));
    }

    /**
     * Best-of-n: the rated return rises from n = 64 to n = 4096 at both N (paired interval above 0); the
     * true return falls from the earlier peak to n = 4096 at N = 10 (n = 16 vs 4096, paired interval above
     * 0); and the n of the highest mean true return is larger at N = 300 than at N = 10.
     */
    @Test
    void bestOfNOverOptimisesTheModelAndTheBetterModelLater() {
        runs.assertBestOfNOverOptimisesTheModelAndTheBetterModelLater();
    }

    /**
     * REINFORCE: the rated return keeps rising from 10,000 to 50,000 steps at both N; the true return
     * rises from the start to the early peak and then falls by the end (N = 10: 2,500 steps; N = 300:
     * 12,500 steps), each paired interval above 0; and the step of the highest mean true return is later
     * at N = 300 than at N = 10.
     */
    @Test
    void rlRatedReturnKeepsRisingWhileTrueReturnRisesThenFalls() {
        runs.assertRlRatedReturnKeepsRisingWhileTrueReturnRisesThenFalls();
    }
}
