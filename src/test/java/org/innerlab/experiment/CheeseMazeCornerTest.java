package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.innerlab.report.ClaimVerdict;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The shipped Cheese Maze scenario shows what its {@code claims} say, at its full training budget with
 * 20 seeds (the sweep thinned to k = 1, the corner, and k = 7, anywhere in the 5–7 mazes): both halves
 * of the published shape (Langosco et al. 2022), each as non-overlapping 95% bootstrap CIs over seeds
 * plus a one-sided Mann–Whitney test at α = 0.05 (Holm across the two), and competence in training.
 * Measured with the scenario's 10 seeds (k = 1 against k = 7):
 * <ul>
 *   <li>corner-seeking at test fades as the training cheese region grows: P(reached the top-right
 *       corner | test) 0.475 [0.457, 0.495] against 0.110 [0.098, 0.123];</li>
 *   <li>cheese-finding off the training distribution rises: P(got the cheese | test) 0.446
 *       [0.426, 0.469] against 0.855 [0.840, 0.870];</li>
 *   <li>the learner is competent in training at both ends (P(got the cheese | train) 0.876 and 0.859),
 *       claimed as a mean of at least 0.8 — short of the 0.9 at which {@code Outcome} calls a run
 *       mastered, so most runs are still labelled not-learned (docs/organisms/cheese-maze.md).</li>
 * </ul>
 * With two points the scenario's trend claims (corner-seeking falls, cheese-finding rises over k, each
 * step back at most 0.05) reduce to the first two.
 *
 * <p>Power ({@link org.innerlab.measure.SeedsNeeded}, α = 0.05 one-sided, power 0.8), σ from the
 * intervals above (σ ≈ half-width · √10 / 1.96): the corner difference 0.365 with pooled σ ≈ 0.026 and the
 * cheese difference 0.409 with σ ≈ 0.030 need 2 seeds each; the closest threshold (0.859 against 0.8,
 * σ ≈ 0.024) needs 2. The 20 seeds buy reliable percentile intervals, not power.
 */
class CheeseMazeCornerTest {
    @Test
    void cornerSeekingAtTestFadesAndCheeseFindingRisesAsTheTrainingRegionGrows() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "cheese-maze.yaml"),
                List.of("seeds=20", "sweep.environment.train.cheese_region=[1,7]"));
        List<ClaimVerdict> verdicts = SummaryRows.claims(scenario);
        assertEquals(6, verdicts.size());
        assertTrue(verdicts.stream().allMatch(ClaimVerdict::holds),
                verdicts.stream().map(ClaimVerdict::line).collect(Collectors.joining("\n")));
    }
}
