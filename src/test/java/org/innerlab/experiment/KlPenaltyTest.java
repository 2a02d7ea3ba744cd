package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The KL penalty restrains REINFORCE against a learned reward model: {@code reward-model-overoptimisation.yaml}
 * at N = 30 comparisons, 20,000 steps, without best-of-n, kl_penalty β = 0 against β = 1, 20 seeds of master
 * seed 1 (means and 95% percentile-bootstrap intervals over seeds, unpaired: the two arms are separate
 * sweep points with their own seeds). Measured before the test was written, with the file's seed (20221019)
 * and β in {0, 0.1, 0.3, 1}, after 20,000 steps: KL to the initial policy
 * 107 [93, 118] at β = 0 and 5.9 [3.4, 9.1] at β = 1; true return −94 [−99, −88] and −30 [−44, −16]
 * (β = 0.1 and 0.3 lay between, in order).
 */
class KlPenaltyTest {
    private static SummaryRow row(List<SummaryRow> rows, int point, String metric) {
        return SummaryRows.row(rows, point, "train@20000", metric);
    }

    /** With β = 1 the KL's interval lies below β = 0's, and the true return's above it. */
    @Test
    void aKlPenaltyKeepsThePolicyNearItsStartAndCurbsOverOptimisation() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "reward-model-overoptimisation.yaml"),
                List.of("seed=1", "sweep={\"training.0.params.kl_penalty\": [0, 1]}", "training.0.rater.comparisons=30",
                        "training.0.steps=20000", "evaluation.curve.best_of_n.pool=1", "evaluation.curve.best_of_n.n=[1]",
                        "charts=[]"));
        List<SummaryRow> rows = SummaryRows.summarise(scenario.points(), scenario.seeds());
        SummaryRow klFree = row(rows, 0, "kl_to_initial");
        SummaryRow klPenalised = row(rows, 1, "kl_to_initial");
        assertTrue(klPenalised.ciHigh() < klFree.ciLow(), klPenalised + " vs " + klFree);
        SummaryRow trueFree = row(rows, 0, "true_return");
        SummaryRow truePenalised = row(rows, 1, "true_return");
        assertTrue(truePenalised.ciLow() > trueFree.ciHigh(), truePenalised + " vs " + trueFree);
    }
}
