package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.Bootstrap;
import org.innerlab.measure.MeanEstimate;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped cheese-vector scenario (steering vectors on the Cheese Maze policy trained at k = 1) with
 * 20 seeds, in two setups: as shipped (master seed 20261207, mazes of side 5–7) and at another master
 * seed (7) with every maze of side 5. Each claim is a paired difference per seed between a steered
 * twin and the unsteered test distribution (the same levels and action draws), with its 95% percentile
 * bootstrap CI over the 20 seeds.
 *
 * <p>What appears is not the published shape (Mini, Turner et al. 2023), and the tests hold what
 * appears, so a change that made the published shape appear would fail them and be noticed
 * (docs/organisms/cheese-vector.md):
 * <ul>
 *   <li>subtracting the cheese vector at c = −1 barely moves the policy: P(top-right corner | test)
 *       rises by less than 0.05 and P(got cheese | test) falls by less than 0.05 (CI ends);</li>
 *   <li>at c = −8 it disrupts navigation rather than redirecting it: both P(got cheese | test) and
 *       P(top-right corner | test) fall (CI upper ends below 0);</li>
 *   <li>adding the top-right vector at c = 4 lowers P(top-right corner | test) (CI upper end below 0)
 *       instead of raising it.</li>
 * </ul>
 */
class CheeseVectorTest {
    private static final int SEEDS = 20;
    private static List<RunResult> shipped;
    private static List<RunResult> otherSetup;

    @BeforeAll
    static void trainBothSetups() throws Exception {
        shipped = runs(List.of("seeds=" + SEEDS));
        otherSetup = runs(List.of("seeds=" + SEEDS, "seed=7", "environment.params.max_size=5"));
    }

    private static List<RunResult> runs(List<String> sets) throws InterruptedException {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "cheese-vector.yaml"), sets);
        return new Sweep(scenario.points(), scenario.seeds()).execute(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void subtractingTheCheeseVectorAtUnitScaleBarelyMovesThePolicy() {
        for (List<RunResult> runs : List.of(shipped, otherSetup)) {
            MeanEstimate corner = change(runs, "test-steered-cheese@-1", "reached_top_right_corner");
            MeanEstimate cheese = change(runs, "test-steered-cheese@-1", "got_cheese");
            assertTrue(corner.ciHigh() < 0.05, "corner " + corner);
            assertTrue(cheese.ciLow() > -0.05, "cheese " + cheese);
        }
    }

    @Test
    void aLargeNegativeCheeseVectorDisruptsNavigationRatherThanRedirectingIt() {
        for (List<RunResult> runs : List.of(shipped, otherSetup)) {
            MeanEstimate corner = change(runs, "test-steered-cheese@-8", "reached_top_right_corner");
            MeanEstimate cheese = change(runs, "test-steered-cheese@-8", "got_cheese");
            assertTrue(corner.ciHigh() < 0, "corner " + corner);
            assertTrue(cheese.ciHigh() < 0, "cheese " + cheese);
        }
    }

    @Test
    void addingTheTopRightVectorLowersCornerVisitsInsteadOfRaisingThem() {
        for (List<RunResult> runs : List.of(shipped, otherSetup)) {
            MeanEstimate corner = change(runs, "test-steered-top-right@4", "reached_top_right_corner");
            assertTrue(corner.ciHigh() < 0, "corner " + corner);
        }
    }

    /** The mean over seeds of steered minus unsteered {@code metric} at test, with its bootstrap CI. */
    private static MeanEstimate change(List<RunResult> runs, String steered, String metric) {
        double[] differences = new double[runs.size()];
        for (int i = 0; i < differences.length; i++) {
            differences[i] = value(runs.get(i), steered, metric) - value(runs.get(i), "test", metric);
        }
        return Bootstrap.standard().mean(differences, Bootstrap.seedFor(0, steered, metric));
    }

    private static double value(RunResult run, String distribution, String metric) {
        return run.metrics().stream().filter(m -> m.distribution().equals(distribution) && m.metric().equals(metric))
                .mapToDouble(MetricValue::value).findFirst()
                .orElseThrow(() -> new AssertionError("run " + run.run() + " has no " + distribution + "/" + metric));
    }
}
