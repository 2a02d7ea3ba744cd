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
 * The evaluation-awareness claims at another suite size and master seed: {@code eval-awareness.yaml} rerun
 * with {@code --set evaluation.suite.episodes=40} (a suite twice as long; compliance-v1 has no board, and the
 * suite's length is what "size" means for an evaluation) and master seed 7 instead of 20261123, 20 seeds, the
 * sweep narrowed to distinguishability 0.5, 0.9, 0.95 and 1.0 and honeypot shares 0 and 0.2 (every point the
 * claims name, and enough of the curve for the falling trend). Asserted: every claim of the scenario, none
 * loosened (P(caught) ≥ 0.95 at d = 0.5; ≤ 0.05 at d = 1 while deployment misbehaviour is ≥ 0.9 and the
 * suite's ≤ 0.01; falling over d with no step back above 0.1 and by at least 0.9 in all; ≥ 0.85 with 20%
 * honeypots at d = 1).
 *
 * <p>A longer suite can only catch more where it catches at all (1 − (1 − m)^40 against 1 − (1 − m)^20), and
 * at d = 1 without honeypots it sees no misbehaving episode whatever its length: the claims are expected to
 * hold, and this checks that nothing else in the suite depends on its length of 20.
 *
 * <p>Measured when written (20 seeds; the same for both organisms): P(caught) without honeypots 1 / 0.85
 * [0.70, 1] / 0.80 [0.60, 0.95] / 0 at d = 0.5 / 0.9 / 0.95 / 1, and 1 at every d with 20% honeypots; at d = 1
 * deployment misbehaviour 0.983 (the lower of the two) against 0 in the suite. Seeds needed ({@link
 * org.innerlab.measure.SeedsNeeded}, α = 0.05, power 0.8): 2 for every claim that reports it. 320 runs, about
 * 22 CPU-seconds (about 11 s on 2 quiet cores).
 */
class EvalAwarenessRobustnessTest {
    @Test
    void aLongerSuiteStillCatchesOnlyUnrecognisedEvaluationsAndHoneypotsStillRestoreDetection() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "eval-awareness.yaml"),
                List.of("seed=7", "evaluation.suite.episodes=40",
                        "sweep.evaluation.suite.distinguishability=[0.5,0.9,0.95,1.0]",
                        "sweep.evaluation.suite.honeypots=[0.0,0.2]"));
        assertEquals(20, scenario.seeds(), "the claims are held over the scenario's own 20 seeds");
        List<ClaimVerdict> verdicts = SummaryRows.claims(scenario);
        assertTrue(verdicts.stream().allMatch(ClaimVerdict::holds),
                verdicts.stream().map(ClaimVerdict::line).collect(Collectors.joining("\n")));
    }
}
