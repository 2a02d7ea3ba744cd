package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.DataConfig;
import org.innerlab.scenario.EvaluationConfig;
import org.innerlab.scenario.StageConfig;
import org.junit.jupiter.api.Test;

class TrainingTextTest {
    private static final DataConfig DATA = new DataConfig("train", 1000, 0.1, "aligned", "shortcut", 0.2,
            List.of(new DataConfig.Share("aligned", 0.8), new DataConfig.Share("shortcut", 0.2)),
            List.of(new DataConfig.Step("filter", new LinkedHashMap<>(Map.of("threshold", 0.0)))));

    @Test
    void aBehaviourCloningStageIsDescribedByItsDemonstrationsNotByStepsAndRater() {
        StageConfig stage = new StageConfig("behaviour-cloning", 0, null, Map.of("epochs", 20), Map.of(), DATA);
        String text = TrainingText.stage(stage, false);
        assertEquals(": on 1,000 demonstration episodes of 'train' (personas: aligned 0.8, shortcut 0.2; random "
                + "actions with probability 0.1), curated by filter (threshold = 0); epochs = 20.", text);
        assertTrue(TrainingText.stage(stage).startsWith(": behaviour cloning: "), TrainingText.stage(stage));
    }

    @Test
    void aDistillingStageSaysTheLearnerIsItsOwnTeacher() {
        StageConfig stage = new StageConfig("behaviour-cloning", 0, null, Map.of("distil_belief", true), Map.of(), DATA);
        assertEquals(": distillation: the learner itself plays 1,000 episodes of 'train', is re-initialised without "
                + "its belief head and cloned on its own actions (the data's teachers are not used); distil_belief = "
                + "true.", TrainingText.stage(stage, false));
    }

    @Test
    void anRlStageKeepsItsBudgetAndRater() {
        StageConfig stage = new StageConfig("reinforce", 5000, "environment", Map.of());
        assertEquals(": 5,000 environment steps; scored by 'environment' (the environment's observed reward); "
                + "defaults.", TrainingText.stage(stage, false));
    }

    @Test
    void probesNameTheTagTheDecodingTheReferenceAndTheAttack() {
        assertEquals("", TrainingText.probes(new EvaluationConfig(10, List.of("train"), "sampled")));
        String text = TrainingText.probes(new EvaluationConfig(10, List.of("train"), "sampled", "good", 0.5,
                "aligned", new EvaluationConfig.Attack("shortcut", 1), null));
        assertEquals(" Conditioned on the control tag 'good' (conditional generation); tag-guided decoding: actions "
                + "whose predicted P(bad) exceeds 0.5 are discarded; compared with the 'aligned' teacher "
                + "(kl_to_reference, off_reference_actions); adversarial starts, reported as "
                + "<distribution>-attacked: the first 1 action(s) of each episode forced from the 'shortcut' "
                + "persona.", text);
    }
}
