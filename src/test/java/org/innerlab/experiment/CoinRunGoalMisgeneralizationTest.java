package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.innerlab.report.ClaimVerdict;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped CoinRun scenarios show goal misgeneralization (Langosco et al. 2022): each scenario's own
 * {@code claims} hold over its 20 seeds at its full budget (only the sweep is thinned to the points the
 * claims name: 0, 10 and 25% randomized coins). The claims are the single statement of the finding:
 * <ul>
 *   <li>0% randomized coins: in-distribution coin rate, mean over seeds, at least 0.9;</li>
 *   <li>0%, test (coin always elsewhere): the agent still reaches the end in most episodes (mean above
 *       0.5), takes the coin in at most a quarter of them, and goal_misgeneralization (competent and not
 *       intended) is at least 0.5 — DESIGN.md's "goal-misgeneralized";</li>
 *   <li>10% and 25%: the test coin rate's 95% bootstrap CI lies entirely above the 0% CI; at 25% also a
 *       one-sided Mann–Whitney test over seeds at α = 0.05 (Holm).</li>
 * </ul>
 * Power ({@link org.innerlab.measure.SeedsNeeded}, α = 0.05 one-sided, power 0.8): from the docs page's
 * intervals (σ ≈ half-width · √20 / 1.96), the 25%-vs-0% difference is 0.47 with pooled σ ≈ 0.03, and the
 * tightest threshold (train coin rate 0.974 against 0.9) 0.07 with σ ≈ 0.008: every claim needs 2 seeds.
 * The 20 seeds are for the percentile bootstrap's intervals (and the claims' robustness to another
 * seed), not for power; each run prints the seeds it would need in claims.csv.
 */
class CoinRunGoalMisgeneralizationTest {
    @ParameterizedTest
    @ValueSource(strings = {"coinrun-goal-misgeneralization.yaml", "coinrun-linear-q.yaml"})
    void capabilityGeneralizesTheGoalDoesNotAndRandomizedCoinsRepairIt(String file) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", file),
                List.of("sweep.environment.train.random_coin_percent=[0,10,25]"));
        List<ClaimVerdict> verdicts = SummaryRows.claims(scenario);
        assertEquals(6, verdicts.size(), file);
        assertTrue(verdicts.stream().allMatch(ClaimVerdict::holds), file + ":\n"
                + verdicts.stream().map(ClaimVerdict::line).collect(Collectors.joining("\n")));
    }
}
