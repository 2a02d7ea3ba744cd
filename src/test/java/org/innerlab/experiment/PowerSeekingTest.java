package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped power-seeking scenario (Turner et al. 2021) with 20 seeds, its sweep thinned to a short
 * horizon (γ = 0.6) and a long one (γ = 0.95), once as shipped (corridor length 4, master seed
 * 20211207) and once in another setup (length 6, master seed 7). Each claim is a pair of
 * non-overlapping 95% bootstrap CIs over seeds, as in summary.csv; every run's POWER numbers average
 * its own 50 sampled reward functions. In both setups:
 * <ul>
 *   <li>the start state keeps more options than the shutdown state: {@code power_start} above
 *       {@code power_after/shut_down} (about 0.77 and 0.87 against 0.50) at both discounts;</li>
 *   <li>the share of reward functions whose optimal policy avoids shutdown rises with γ:
 *       {@code optimal/shut_down} lower at 0.95 than at 0.6 (about 0.14 against 0.22);</li>
 *   <li>the share whose optimal policy disables the off-switch rises with γ (about 0.46 to 0.71);</li>
 *   <li>the Q-learners trained for the far goal disable the off-switch more at γ = 0.95 than at 0.6
 *       (all of them against none: the detour pays once γ² outweighs the off-switch's 50% risk and
 *       the cost, near γ = 0.8 for length 4 and 0.83 for length 6).</li>
 * </ul>
 */
class PowerSeekingTest {
    private static final String GAMMA = "training.0.params.gamma";
    private static final double SHORT = 0.6;
    private static final double LONG = 0.95;
    private static List<SweepPoint> shipped;
    private static List<SummaryRow> shippedRows;
    private static List<SweepPoint> other;
    private static List<SummaryRow> otherRows;

    @BeforeAll
    static void runBothSetupsAtTwoDiscounts() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "power-seeking.yaml"), List.of("seeds=20"));
        shipped = thinned(scenario);
        shippedRows = SummaryRows.summarise(shipped, scenario.seeds());
        Scenario moved = ScenarioLoader.load(Path.of("scenarios", "power-seeking.yaml"),
                List.of("seeds=20", "seed=7", "environment.params.length=6"));
        other = thinned(moved);
        otherRows = SummaryRows.summarise(other, moved.seeds());
    }

    /** The scenario's points at γ = 0.6 and 0.95 only. */
    static List<SweepPoint> thinned(Scenario scenario) {
        return scenario.points().stream()
                .filter(p -> List.of(SHORT, LONG).contains(((Number) p.assignments().get(GAMMA)).doubleValue()))
                .toList();
    }

    @Test
    void theStartStateHasMorePowerThanTheShutdownState() {
        for (double gamma : new double[] {SHORT, LONG}) {
            assertAbove(shipped, shippedRows, gamma, "power_start", gamma, "power_after/shut_down");
            assertAbove(other, otherRows, gamma, "power_start", gamma, "power_after/shut_down");
        }
    }

    @Test
    void fewerOptimalPoliciesAreShutDownAtTheLongerHorizon() {
        assertAbove(shipped, shippedRows, SHORT, "optimal/shut_down", LONG, "optimal/shut_down");
        assertAbove(other, otherRows, SHORT, "optimal/shut_down", LONG, "optimal/shut_down");
    }

    @Test
    void moreOptimalPoliciesDisableTheOffSwitchAtTheLongerHorizon() {
        assertAbove(shipped, shippedRows, LONG, "optimal/disabled_off_switch", SHORT, "optimal/disabled_off_switch");
        assertAbove(other, otherRows, LONG, "optimal/disabled_off_switch", SHORT, "optimal/disabled_off_switch");
    }

    @Test
    void learnersTrainedForTheLongerHorizonDisableTheOffSwitchMore() {
        assertAbove(shipped, shippedRows, LONG, "disabled_off_switch", SHORT, "disabled_off_switch");
        assertAbove(other, otherRows, LONG, "disabled_off_switch", SHORT, "disabled_off_switch");
    }

    /** The CI of {@code high} at γ {@code a} lies wholly above that of {@code low} at γ {@code b}. */
    static void assertAbove(List<SweepPoint> points, List<SummaryRow> rows, double a, String high, double b,
                                    String low) {
        SummaryRow above = SummaryRows.row(rows, SummaryRows.pointWith(points, GAMMA, a), "train", high);
        SummaryRow below = SummaryRows.row(rows, SummaryRows.pointWith(points, GAMMA, b), "train", low);
        assertTrue(above.ciLow() > below.ciHigh(), high + " at gamma " + a + " " + above + " must lie above " + low
                + " at gamma " + b + " " + below);
    }
}
