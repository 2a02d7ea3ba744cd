package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The linear Q(λ) CoinRun-lite organism's claims survive a change of setup inside the scenario's validated
 * range ({@code environment.params.width} in [12, 16]): {@code coinrun-linear-q.yaml} rerun with
 * {@code --set environment.params.width=12} (levels a quarter narrower; {@code time_limit_per_column} gives
 * 75 steps instead of 100) and master seed 7 instead of 20261124, over the scenario's 20 seeds at full
 * budget, the sweep thinned to 0% and 25% randomized coins. Claims 1 to 4 and 6 must hold with their own
 * thresholds (claim 5 names the 10% point, thinned away): at 0%, train coin rate at least 0.9, test
 * reached-end above 0.5, test coin rate at most 0.25, goal misgeneralization at least 0.5 (means over seeds);
 * at 25% the test coin rate above the 0% one, CIs apart and a one-sided Mann–Whitney test (Holm).
 *
 * <p>Why 12 and not 20: at width 20 (master seed 7, 3 seeds) the epsilon-greedy learner never finds the
 * coin at the end of a training level within its budget (train coin rate 0 in every run), so the scenario
 * declares widths 12 to 16 as where its claims hold.
 *
 * <p>Measured when written (20 seeds, means with 95% bootstrap CIs): train coin 0.977 [0.968, 0.985]; test
 * reached-end 0.839 [0.817, 0.859], test coin 0.118 [0.107, 0.130]; at 25% test coin 0.764 [0.738, 0.791]
 * (p = 3.1e-8). Seeds needed ({@link org.innerlab.measure.SeedsNeeded}, α = 0.05, power 0.8, from the run's
 * own spread): 2 for every claim; the 20 seeds buy reliable percentile intervals. Cost: about 30
 * CPU-seconds (40 runs of 600,000 Q(λ) steps), about 15 s on a quiet 2-core machine.
 */
class CoinRunLinearQRobustnessTest {
    private static final String PERCENT = "environment.train.random_coin_percent";

    @Test
    void goalMisgeneralizesAndRandomizedCoinsRepairItAtWidthTwelveAndAnotherMasterSeed() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "coinrun-linear-q.yaml"),
                List.of("environment.params.width=12", "seed=7"));
        assertEquals(20, scenario.seeds(), "the claims are held over the scenario's own 20 seeds");
        // Thinned here, not by --set, so each point keeps its seeds.
        CheckedSweep sweep = CheckedSweep.run(scenario,
                p -> List.of(0, 25).contains(((Number) p.assignments().get(PERCENT)).intValue()));
        sweep.assertHold(List.of(1, 2, 3, 4, 6), "at width 12 and master seed 7");
    }
}
