package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The tabular baseline's claims survive a change of setup: {@code coinrun-tabular-baseline.yaml} rerun with
 * {@code --set environment.params.width=12} (levels a quarter narrower; {@code time_limit_per_column} gives
 * 75 steps instead of 100) and master seed 7 instead of 20261125, over the scenario's 20 seeds at full
 * budget. Both claims must hold with their own thresholds, as in {@link TabularBaselineTest}: on the 10
 * training levels the coin rate's 95% CI above 0.3; on new levels reached-end at most 0.05 (mean over seeds).
 *
 * <p>Why 12 and not 20: narrower levels are the harder case for "nothing transfers", since a wandering
 * policy reaches the end of a short level more often; at width 20 (2 seeds, master seed 7)
 * the Q-table takes the coin on only 0.37 [0.28, 0.47] of its training levels' episodes within the budget,
 * too close to the 0.3 the first claim asks to say anything at 2 seeds.
 *
 * <p>Measured when written (20 seeds, means with 95% bootstrap CIs): train coin rate 1.0 [1.0, 1.0]; new
 * levels reached-end 0.0225 [0.019, 0.026] (coin elsewhere: 0.011). Seeds needed
 * ({@link org.innerlab.measure.SeedsNeeded}, α = 0.05, power 0.8, from the run's own spread): 2 for the second
 * claim; the first has no spread (every seed takes the coin on every training episode). Cost: about 27
 * CPU-seconds (20 runs of 1,500,000 Q(λ) steps on a table), about 14 s on a quiet 2-core machine.
 */
class TabularBaselineRobustnessTest {
    @Test
    void aQTableLearnsItsTrainingLevelsAndNothingThatTransfersAtWidthTwelveAndAnotherMasterSeed() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "coinrun-tabular-baseline.yaml"),
                List.of("environment.params.width=12", "seed=7"));
        assertEquals(20, scenario.seeds(), "the claims are held over the scenario's own 20 seeds");
        CheckedSweep sweep = CheckedSweep.run(scenario, p -> true);
        assertEquals(2, sweep.verdicts().size());
        sweep.assertAllHold("at width 12 and master seed 7");
    }
}
