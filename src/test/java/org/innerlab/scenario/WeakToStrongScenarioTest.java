package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weak-to-strong keys, read from the shipped scenario: {@code data.supervisor} per condition,
 * {@code report.performance_gap_recovered}, both round-tripped through the resolved file, and their errors.
 */
class WeakToStrongScenarioTest {
    private static final String GAP = "  performance_gap_recovered: { weak: weak, ceiling: ceiling, metric: true_return, "
            + "distributions: [train, train-greedy] }\n";

    private static String shipped() throws IOException {
        String text = Files.readString(Path.of("scenarios", "weak-to-strong.yaml"));
        assertTrue(text.contains(GAP), "the shipped file declares the gap this test edits");
        return text;
    }

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "s.yaml", List.of(), EnvSpecLookup.registry());
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    private static SweepPoint point(Scenario s, String condition) {
        return s.points().stream().filter(p -> condition.equals(p.assignments().get(Conditions.KEY))).findFirst()
                .orElseThrow();
    }

    @Test
    void eachArmGetsItsSupervisorAndTheResolvedFileKeepsItAndTheGap() throws IOException {
        Scenario s = parse(shipped());
        GapRecoveredConfig gap = new GapRecoveredConfig("weak", "ceiling", "true_return", List.of("train", "train-greedy"));
        assertEquals(gap, s.report().gapRecovered());
        assertNull(point(s, "weak").scenario().training().get(0).data().supervisor());
        DataConfig.Supervisor random = point(s, "random-30").scenario().training().get(0).data().supervisor();
        assertEquals("mlp", random.type());
        assertEquals(2, random.params().get("hidden_1"));
        assertEquals(0.3, random.errorRate());
        assertEquals("corner", random.errorPersona());
        assertTrue(!random.systematic());
        assertTrue(point(s, "systematic-30").scenario().training().get(0).data().supervisor().systematic());
        assertEquals(1.0, point(s, "confidence-100").scenario().training().get(0).params().get("confidence_weight"));
        Scenario back = parse(ScenarioWriter.toYaml(s));
        assertEquals(random, point(back, "random-30").scenario().training().get(0).data().supervisor());
        assertEquals(gap, back.report().gapRecovered());
    }

    @Test
    void chartsMayPlotPgrOnlyWhenTheReportAsksForIt() throws IOException {
        String e = error(shipped().replace(GAP, ""));
        assertTrue(e.contains("unknown metric 'pgr'"), e);
    }

    @Test
    void theGapNamesSweptConditionsAndAReportedMetric() throws IOException {
        String text = shipped();
        String e = error(text.replace(GAP, GAP.replace("ceiling: ceiling", "ceiling: celing")));
        assertTrue(e.contains("report.performance_gap_recovered.ceiling: unknown condition 'celing'"), e);
        e = error(text.replace(GAP, GAP.replace("metric: true_return", "metric: true_retrun")));
        assertTrue(e.contains("report.performance_gap_recovered.metric: unknown metric 'true_retrun'"), e);
        e = error(text.replace(GAP, GAP.replace("ceiling: ceiling", "ceiling: weak")));
        assertTrue(e.contains("the weak and ceiling conditions are both 'weak'"), e);
    }

    @Test
    void aSupervisorMustBeALearnerBehaviourCloningTrainsWithAKnownKindOfErrors() throws IOException {
        String text = shipped();
        String e = error(text.replace("errors: random, error_rate: 0.1", "errors: sometimes, error_rate: 0.1"));
        assertTrue(e.contains("data.supervisor.errors"), e);
        e = error(text.replace("weak-to-strong: { data: { supervisor: { type: mlp,",
                "weak-to-strong: { data: { supervisor: { type: tabular-q,"));
        assertTrue(e.contains("a supervisor is trained by behaviour cloning, which cannot train learner type 'tabular-q'"), e);
    }
}
