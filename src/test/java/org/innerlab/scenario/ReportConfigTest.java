package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.innerlab.scenario.TestScenarios.SPECS;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional {@code report} key: which animations the HTML report embeds, and the paper table's columns. */
class ReportConfigTest {
    private static final String WITH_TEST = MINIMAL.replace("  id: test-grid-v1\n",
            "  id: test-grid-v1\n  test: { random_coin_percent: 100 }\n");

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void absentMeansNoAnimationsAndIsNotWrittenOut() {
        Scenario s = parse(MINIMAL);
        assertEquals(ReportConfig.NONE, s.report());
        assertFalse(ScenarioWriter.toYaml(s).contains("report:"));
    }

    @Test
    void animationsAndFramesAreReadAndRoundTrip() {
        Scenario s = parse(WITH_TEST + "report: { animations: [test, train], frames: 12 }\n");
        assertEquals(new ReportConfig(List.of("test", "train"), 12), s.report());
        String yaml = ScenarioWriter.toYaml(s);
        assertTrue(yaml.contains("report:\n  animations: [test, train]\n  frames: 12\n"), yaml);
        Scenario back = ScenarioLoader.parse(yaml, "scenario.yaml", List.of(), SPECS);
        assertEquals(s.withSource(null), back);
        assertEquals(yaml, ScenarioWriter.toYaml(back));
        assertEquals(ReportConfig.DEFAULT_FRAMES, parse(WITH_TEST + "report: { animations: [test] }\n").report().frames());
    }

    @Test
    void pointsAndSmokeCopiesKeepTheReport() {
        Scenario s = parse(WITH_TEST + "report: { animations: [test] }\n");
        assertEquals(s.report(), s.smoke().report());
        assertEquals(s.report(), s.points(SPECS).get(0).scenario().report());
    }

    @Test
    void badValuesAreReportedWithFileLineAndColumn() {
        assertEquals("x.yaml:10:24: report.animations.0: unknown distribution 'tset'; did you mean 'test'?",
                error(WITH_TEST + "report: { animations: [tset] }\n"));
        assertEquals("x.yaml:10:30: report.animations.1: distribution 'test' is listed twice",
                error(WITH_TEST + "report: { animations: [test, test] }\n"));
        assertEquals("x.yaml:10:39: report.frames: must be an integer in [1, 600], got 0",
                error(WITH_TEST + "report: { animations: [test], frames: 0 }\n"));
        assertEquals("x.yaml:10:11: report.animation: unknown key 'animation'; did you mean 'animations'?",
                error(WITH_TEST + "report: { animation: [test] }\n"));
    }

    @Test
    void aTableNamesEvaluatedSeriesWithLabelsRoundTripsAndReachesEveryPoint() {
        Scenario s = parse(WITH_TEST + "report: { table: [test/hidden_performance, train/true_return], "
                + "table_labels: [\"hidden | test\", train] }\n");
        assertEquals(List.of("test/hidden_performance", "train/true_return"), s.report().table());
        assertEquals(List.of("hidden | test", "train"), s.report().tableLabels());
        String yaml = ScenarioWriter.toYaml(s);
        Scenario back = ScenarioLoader.parse(yaml, "scenario.yaml", List.of(), SPECS);
        assertEquals(s.withSource(null), back);
        assertEquals(s.report(), s.points(SPECS).get(0).scenario().report());
    }

    @Test
    void badTableColumnsAreReportedWithFileLineAndColumn() {
        assertStarts(error(WITH_TEST + "report: { table: [test/hiden_performance] }\n"),
                "x.yaml:10:19: report.table.0: unknown metric 'hiden_performance'");
        assertStarts(error(WITH_TEST + "report: { table: [tset/true_return] }\n"),
                "x.yaml:10:19: report.table.0: unknown distribution 'tset'");
        assertStarts(error(WITH_TEST + "report: { table: [test/true_return], table_labels: [a, b] }\n"),
                "x.yaml:10:52: report.table_labels: has 2 labels for 1 columns");
        assertStarts(error(WITH_TEST + "report: { table_labels: [a] }\n"),
                "x.yaml:10:25: report.table_labels: labels for a table that is not written");
    }

    private static void assertStarts(String message, String prefix) {
        assertTrue(message.startsWith(prefix), message);
    }
}
