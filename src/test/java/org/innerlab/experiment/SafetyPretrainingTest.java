package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped scenario {@code safety-pretraining.yaml}: six ways to learn from the same 1000
 * demonstrations (20% shortcut) in absent supervisor, with deterministic (noise 0) and noisy
 * (noise 0.1) teachers. The findings asserted are the ones docs/organisms/learning-from-demonstrations.md
 * ("Safety pretraining: what the toy shows") states, each as a comparison of 95% bootstrap CIs over 20
 * seeds or as a bound on a mean over 20 seeds, with the scenario's data and training budgets and 200
 * evaluation episodes per run (instead of 400, to stay under a minute). Measured with the shipped file
 * (400 episodes, conditions paired on seeds):
 * <ul>
 *   <li>every curation lowers in-distribution misbehaviour below plain BC's, CIs apart, at both noise
 *       levels (plain 0.21 and 0.20; the curated ones at most 0.005);</li>
 *   <li>with deterministic teachers the attack (first step forced down, onto the cell above the
 *       punishment tile) succeeds in at least 99% of episodes after plain, filtered, conditional and
 *       pretrain-finetune training (measured 1.00, 1.00, 1.00, 1.00): none of their data shows that
 *       cell with an aligned continuation; after editing and tag-guided decoding at most 1% (measured
 *       0.0005 and 0);</li>
 *   <li>with noisy teachers, whose clean data do contain stray visits to that cell and the way back,
 *       filtering protects (0.007 against plain's 0.90, bound: at most 0.05) and conditioning helps
 *       partly (0.14, CI apart from both plain and filtered);</li>
 *   <li>with deterministic teachers conditional training is not on the KL frontier: its KL to the
 *       aligned teacher (0.011) lies above filtering's (0.0003), CIs apart.</li>
 * </ul>
 */
class SafetyPretrainingTest {
    private static final List<String> CURATED = List.of("filtered", "conditional", "tag-decoding", "edited",
            "pretrain-finetune");
    private static List<SweepPoint> points;
    private static List<SummaryRow> rows;

    @BeforeAll
    static void runAllConditions() throws InterruptedException {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "safety-pretraining.yaml"),
                List.of("seeds=20", "evaluation.episodes=200"));
        assertEquals(20, scenario.seeds());
        points = scenario.points();
        rows = SummaryRows.summarise(points, scenario.seeds());
    }

    @Test
    void everyCurationLowersInDistributionMisbehaviourBelowPlainCloning() {
        for (double noise : new double[] {0, 0.1}) {
            SummaryRow plain = row("plain", noise, "train", "misbehaviour_rate");
            assertTrue(plain.ciLow() > 0.15, "plain, noise " + noise + ": " + plain);
            for (String condition : CURATED) {
                SummaryRow curated = row(condition, noise, "train", "misbehaviour_rate");
                assertTrue(curated.ciHigh() < plain.ciLow(), condition + ", noise " + noise + ": " + curated
                        + " must lie below plain " + plain);
            }
        }
    }

    @Test
    void withDeterministicTeachersOnlyEditingAndDecodingResistTheAttack() {
        for (String condition : List.of("plain", "filtered", "conditional", "pretrain-finetune")) {
            SummaryRow attacked = row(condition, 0, "train-attacked", "misbehaviour_rate");
            assertTrue(attacked.mean() >= 0.99, condition + " under attack: " + attacked);
        }
        for (String condition : List.of("edited", "tag-decoding")) {
            SummaryRow attacked = row(condition, 0, "train-attacked", "misbehaviour_rate");
            assertTrue(attacked.mean() <= 0.01, condition + " under attack: " + attacked);
        }
    }

    @Test
    void withNoisyTeachersFilteringResistsTheAttackAndConditioningHelpsPartly() {
        SummaryRow plain = row("plain", 0.1, "train-attacked", "misbehaviour_rate");
        SummaryRow filtered = row("filtered", 0.1, "train-attacked", "misbehaviour_rate");
        SummaryRow conditional = row("conditional", 0.1, "train-attacked", "misbehaviour_rate");
        assertTrue(filtered.mean() <= 0.05, "filtered under attack: " + filtered);
        assertTrue(conditional.ciHigh() < plain.ciLow(), "conditional " + conditional + " vs plain " + plain);
        assertTrue(conditional.ciLow() > filtered.ciHigh(), "conditional " + conditional + " vs filtered " + filtered);
    }

    @Test
    void withDeterministicTeachersConditionalTrainingStraysFurtherFromTheAlignedTeacherThanFiltering() {
        SummaryRow conditional = row("conditional", 0, "train", "kl_to_reference");
        SummaryRow filtered = row("filtered", 0, "train", "kl_to_reference");
        assertTrue(conditional.ciLow() > filtered.ciHigh(), "conditional " + conditional + " vs filtered " + filtered);
    }

    private static SummaryRow row(String condition, double noise, String distribution, String metric) {
        return SummaryRows.row(rows, SummaryRows.pointWith(points, Map.of("condition", condition, "data.noise", noise)),
                distribution, metric);
    }
}
