package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The shipped tabular baseline memorizes and does not generalize, over the scenario's own 20 seeds
 * and budget: on its 10 training levels the coin rate's 95% CI lies above 0.3, while on new levels
 * the agent reaches the end in at most 5% of episodes (mean over seeds). These are the scenario's two
 * {@code claims}, asserted through their verdicts.
 */
class TabularBaselineTest {
    @Test
    void aQTableLearnsItsTrainingLevelsAndNothingThatTransfers() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "coinrun-tabular-baseline.yaml"), List.of());
        CheckedSweep sweep = CheckedSweep.run(scenario, p -> true);
        assertEquals(2, sweep.verdicts().size());
        sweep.assertAllHold("as shipped");
    }
}
