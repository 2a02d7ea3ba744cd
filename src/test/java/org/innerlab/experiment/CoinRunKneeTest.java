package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;

/**
 * CoinRun-lite's knee ({@code coinrun-knee.yaml}): randomizing the coin in 2% of training levels repairs
 * the goal of linear Q(λ), as Langosco et al. report, but not yet that of REINFORCE on a policy of the same
 * linear capacity. The scenario's own claims are asserted over its 20 seeds at full budget, the sweep thinned
 * in Java (so every run draws the seed the scenario gives it) to the points the claims name:
 * <ul>
 *   <li>claim 1, 0%: both learners take the coin in training, mean ≥ 0.9 (measured 0.952 Q(λ), 0.974
 *       REINFORCE);</li>
 *   <li>claim 2, Q(λ): the test coin rate at 2% exceeds 0% by more than 0.1, 95% CIs apart, one-sided
 *       Mann–Whitney at α = 0.05 with Holm (measured 0.122 [0.108, 0.138] → 0.322 [0.298, 0.355]);</li>
 *   <li>claim 3, Q(λ): at 1% already by more than 0.05, CIs apart (measured 0.252 [0.237, 0.267]);</li>
 *   <li>claim 4, REINFORCE: at 2% the test coin rate is at most 0.2 (measured 0.160 [0.146, 0.175], up from
 *       0.123 at 0%: it does rise, by a fifth of Q(λ)'s rise);</li>
 *   <li>claim 5: at 2% Q(λ) exceeds REINFORCE by more than 0.1, CIs apart, Mann–Whitney with Holm
 *       (measured 0.163);</li>
 *   <li>claim 6, REINFORCE: at 10% the test coin rate exceeds 0% by more than 0.2, CIs apart (measured
 *       0.443 [0.424, 0.462]).</li>
 * </ul>
 * The thresholds were set from the run at the shipped master seed (20261207) and then confirmed, unchanged,
 * at master seed 7 and width 12 ({@code --set environment.params.width=12}: 75 steps per episode through
 * {@code time_limit_per_column}), where the second test asserts claims 1, 2, 4 and 5 on Q(λ) and REINFORCE at
 * 0% and 2% (measured: training coin 0.977 and 0.986; Q(λ) 0.118 [0.107, 0.130] → 0.303 [0.290, 0.316];
 * REINFORCE at 2% 0.183 [0.171, 0.197]; Q(λ) − REINFORCE at 2% 0.120, p = 0.017). Claims 3 and 6 held there
 * too in the full sweep (0.266 at 1%; REINFORCE 0.631 at 10%) but are left out to keep the test within
 * the CI budget. At width 12 REINFORCE's knee comes a little earlier (0.265 at 3%, 0.477 at 5%), so claims
 * 4 and 5 have the smallest margins there. Width 18 and 20 lie outside the scenario's {@code validated}
 * range: Q(λ) no longer learns the training levels within its budget (claim 1 fails).
 *
 * <p>Seeds needed ({@link org.innerlab.measure.SeedsNeeded}, α = 0.05 one-sided, power 0.8, from the shipped
 * run's own per-seed spread and margin over the threshold, as claims.csv reports it): 4 for claims 1 and 2,
 * 3 for claim 3, 5 for claim 4, 10 for claim 5 (the tightest: 0.163 against its 0.1), 2 for claim 6. At width
 * 12 and seed 7 the margins of claims 4 and 5 shrink to 0.017 and 0.020, which 20 and 31 seeds would detect
 * with power 0.8: there the claims hold, but narrowly. About 200 runs in all, about 80 CPU-seconds
 * (0.4 s a run).
 */
class CoinRunKneeTest {
    private static final String PERCENT = "environment.train.random_coin_percent";

    @Test
    void qLambdaIsRepairedAtTwoPercentWhileReinforceWaitsUntilTen() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "coinrun-knee.yaml"), List.of());
        assertEquals(20, scenario.seeds(), "the claims are held over the scenario's own 20 seeds");
        CheckedSweep.run(scenario, p -> kept(p, Map.of("q-lambda", List.of(0, 1, 2), "reinforce", List.of(0, 2, 10))))
                .assertAllHold("at the shipped setting");
    }

    @Test
    void theKneesKeepTheirOrderAtWidthTwelveAndAnotherMasterSeed() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "coinrun-knee.yaml"),
                List.of("seed=7", "environment.params.width=12"));
        assertEquals(20, scenario.seeds(), "the claims are held over the scenario's own 20 seeds");
        CheckedSweep.run(scenario, p -> kept(p, Map.of("q-lambda", List.of(0, 2), "reinforce", List.of(0, 2))))
                .assertHold(List.of(1, 2, 4, 5), "at width 12 and master seed 7");
    }

    private static boolean kept(SweepPoint p, Map<String, List<Integer>> percents) {
        return percents.get((String) p.assignments().get("condition"))
                .contains(((Number) p.assignments().get(PERCENT)).intValue());
    }
}
