package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The shipped scenario {@code distribution-you-train-on.yaml}: behaviour cloning on a mix with a
 * fraction q of shortcut demonstrations reproduces that fraction of misbehaving episodes when the
 * cloned policy is sampled, and argmax hides it.
 *
 * <p>20 seeds per q (the scenario's data and training budgets; 500 evaluation episodes per run
 * instead of 1000, to keep the test under a minute). Tolerance: the mean over seeds of the sampled
 * {@code misbehaviour_rate} must lie within 0.003 + 0.1·q of q. The statistical part of that is
 * about 3.5 standard errors of the mean at each q (the per-run spread combines the binomial draw of
 * the mix over 2000 episodes and of the evaluation over 500: standard error 0.0011 at q = 0.01,
 * 0.0024 at 0.05, 0.0045 at 0.2); the 0.1·q part allows a linear learner a small bias from fitting
 * the shared weights of several states. Measured with the shipped 1000 evaluation episodes: 0.0098,
 * 0.0472, 0.1982 for q = 0.01, 0.05, 0.2, and exactly 0 at q = 0. The greedy policy's rate must be
 * exactly 0 at every q below 0.5 (measured: 0 at every seed).
 */
class DistributionYouTrainOnTest {
    private static final double[] FRACTIONS = {0, 0.01, 0.05, 0.2};
    private static List<SweepPoint> points;
    private static List<SummaryRow> rows;

    @BeforeAll
    static void runTheSweep() throws InterruptedException {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "distribution-you-train-on.yaml"),
                List.of("seeds=20", "evaluation.episodes=500"));
        assertEquals(20, scenario.seeds());
        points = scenario.points();
        rows = SummaryRows.summarise(points, scenario.seeds());
    }

    @Test
    void sampledMisbehaviourRateTracksTheBadFractionOfTheData() {
        for (double q : FRACTIONS) {
            SummaryRow sampled = row(q, "train");
            assertEquals(20, sampled.n());
            assertEquals(q, sampled.mean(), 0.003 + 0.1 * q, "q=" + q + " sampled " + sampled);
        }
    }

    @Test
    void greedyPolicyHidesTheTailBelowOneHalf() {
        for (double q : FRACTIONS) {
            SummaryRow greedy = row(q, "train-greedy");
            assertEquals(0, greedy.mean(), 0.0, "q=" + q + " greedy " + greedy);
        }
    }

    @Test
    void cleanDataGiveNoMisbehaviourAtAll() {
        SummaryRow clean = row(0, "train");
        assertTrue(clean.ciHigh() == 0, "q=0 " + clean);
    }

    private static SummaryRow row(double q, String distribution) {
        return SummaryRows.row(rows, SummaryRows.pointWith(points, "data.bad_fraction", q), distribution,
                "misbehaviour_rate");
    }
}
