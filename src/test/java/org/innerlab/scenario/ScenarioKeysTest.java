package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link ScenarioKeys} documents exactly the keys the section readers accept, so neither can drift. */
class ScenarioKeysTest {
    @Test
    void theDocumentedKeysAreTheKeysTheSectionReadersAccept() {
        Set<String> accepted = new TreeSet<>();
        add(accepted, "", ScenarioSchema.TOP);
        add(accepted, "environment.", EnvironmentSection.KEYS);
        add(accepted, "learner.", LearnerSection.KEYS);
        add(accepted, "learner.observation.", LearnerSection.OBSERVATION_KEYS);
        add(accepted, "data.", DataSection.KEYS);
        add(accepted, "data.teachers.N.", DataSection.TEACHER_KEYS);
        add(accepted, "data.supervisor.", DataSection.SUPERVISOR_KEYS);
        add(accepted, "training.N.", TrainingSection.STAGE_KEYS);
        add(accepted, "training.N.rater.", List.of(RaterSection.NAME_KEY));
        add(accepted, "evaluation.", EvaluationSection.KEYS);
        add(accepted, "evaluation.attack.", EvaluationSection.ATTACK_KEYS);
        add(accepted, "evaluation.curve.", EvaluationSection.CURVE_KEYS);
        add(accepted, "evaluation.curve.best_of_n.", EvaluationSection.BEST_OF_N_KEYS);
        add(accepted, "evaluation.suite.", SuiteSection.KEYS);
        add(accepted, "evaluation.audit.", EvaluationSection.AUDIT_KEYS);
        add(accepted, "evaluation.steering.", SteeringSection.KEYS);
        add(accepted, "evaluation.steering.vectors.N.", SteeringSection.VECTOR_KEYS);
        add(accepted, "report.", ReportSection.KEYS);
        add(accepted, "report.backdoor_persistence.", ReportSection.PERSISTENCE_KEYS);
        add(accepted, "report.performance_gap_recovered.", ReportSection.GAP_KEYS);
        add(accepted, "report.auditing.", ReportSection.AUDITING_KEYS);
        add(accepted, "charts.N.", ChartsSection.KEYS);
        add(accepted, "claims.N.", ClaimsSection.KEYS);
        // The one sweep key that is not a path.
        add(accepted, "sweep.", List.of(Conditions.KEY));

        Set<String> documented = new TreeSet<>();
        for (ScenarioKeys.Key k : ScenarioKeys.KEYS) {
            if (!k.chosenByScenario()) {
                documented.add(k.path());
            }
        }
        assertEquals(accepted, documented);
    }

    @Test
    void everyKeyIsDocumentedOnceWithItsTypeDefaultAndMeaning() {
        Set<String> paths = new TreeSet<>();
        for (ScenarioKeys.Key k : ScenarioKeys.KEYS) {
            assertTrue(paths.add(k.path()), "twice: " + k.path());
            assertTrue(!k.type().isBlank() && !k.defaultValue().isBlank() && !k.meaning().isBlank(), k.toString());
        }
    }

    @Test
    void aConditionDocumentsTheKeysItMayOverride() {
        ScenarioKeys.Key condition = ScenarioKeys.KEYS.stream().filter(k -> k.path().equals("conditions.<name>"))
                .findFirst().orElseThrow();
        for (String key : Conditions.OVERRIDABLE) {
            assertTrue(condition.type().contains(key), key);
        }
    }

    private static void add(Set<String> into, String prefix, List<String> keys) {
        keys.forEach(k -> into.add(prefix + k));
    }
}
