package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Sequence;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static String error(String yaml, String... sets) {
        return assertThrows(ScenarioException.class, () -> TestScenarios.parse(yaml, sets)).getMessage();
    }

    @Test
    void textOverTheSizeLimitIsRefusedBeforeParsing() {
        String huge = MINIMAL + "description: \"" + "x ".repeat(YamlReader.MAX_BYTES) + "\"\n";
        assertEquals("x.yaml:1:1: (document): longer than 1048576 bytes (1 MiB), the limit for a scenario; a scenario"
                + " is a few kilobytes; check that this is the right text", error(huge));
    }

    @Test
    void aLineOverTheLimitIsRefusedWhereItCrossesTheLimit() {
        String line = "description: " + "x".repeat(YamlReader.MAX_LINE);
        assertEquals("x.yaml:9:10001: (document): a line longer than 10000 characters, the limit; break it: YAML"
                + " strings and lists may continue on the next line", error(MINIMAL + line + "\n"));
        assertEquals("x.yaml:9:10001: (document): a line longer than 10000 characters, the limit; break it: YAML"
                + " strings and lists may continue on the next line",
                error(MINIMAL.replace("\n", "\r\n") + line + "\r\n"));
    }

    @Test
    void aLineOfExactlyTheLimitIsRead() {
        String line = "description: " + "x".repeat(YamlReader.MAX_LINE - "description: ".length());
        assertEquals(YamlReader.MAX_LINE - "description: ".length(),
                TestScenarios.parse(MINIMAL + line + "\n").description().length());
    }

    @Test
    void nestingDeeperThanTheLimitIsReportedWhereTheLevelThatCrossesItOpens() {
        int levels = YamlReader.MAX_DEPTH + 5;
        String flow = MINIMAL + "description: " + "[".repeat(levels) + "]".repeat(levels) + "\n";
        // the document's map is level 1, so the first '[' (column 14) is level 2 and level 1001 opens at 1013
        assertEquals("x.yaml:9:1013: description: nested deeper than 1000 levels, the limit; a scenario needs only a"
                + " few levels of maps and lists", error(flow));
        StringBuilder block = new StringBuilder(MINIMAL).append("description:\n");
        for (int level = 1; level < levels; level++) {
            block.append(" ".repeat(level)).append("k:\n");
        }
        block.append(" ".repeat(levels)).append("k: 1\n");
        assertEquals("x.yaml:1009:1001: description: nested deeper than 1000 levels, the limit; a scenario needs only"
                + " a few levels of maps and lists", error(block.toString()));
    }

    @Test
    void nestingOfExactlyTheLimitIsParsed() {
        int lists = YamlReader.MAX_DEPTH - 1;
        Node node = YamlReader.read("k: " + "[".repeat(lists) + "]".repeat(lists) + "\n", "x.yaml");
        int depth = 0;
        while (node != null) {
            depth++;
            node = node instanceof Mapping m ? m.get("k")
                    : node instanceof Sequence s && !s.items().isEmpty() ? s.items().get(0) : null;
        }
        assertEquals(YamlReader.MAX_DEPTH, depth);
    }

    @Test
    void setValuesAreHeldToTheSameLimits() {
        String deep = "[".repeat(YamlReader.MAX_DEPTH + 1) + "]".repeat(YamlReader.MAX_DEPTH + 1);
        String set = "description=" + deep;
        assertEquals("--set " + set.substring(0, 60) + "…: nested deeper than 1000 levels, the limit; a scenario needs"
                + " only a few levels of maps and lists", error(MINIMAL, set));
        String longLine = "description=" + "x".repeat(YamlReader.MAX_LINE + 1);
        assertEquals("--set " + longLine.substring(0, 60) + "…: a line longer than 10000 characters, the limit;"
                + " break it: YAML strings and lists may continue on the next line", error(MINIMAL, longLine));
        String huge = "description=" + "x\n".repeat(YamlReader.MAX_BYTES);
        assertEquals("--set description=x…: longer than 1048576 bytes (1 MiB), the limit for a"
                + " scenario; a scenario is a few kilobytes; check that this is the right text", error(MINIMAL, huge));
    }
}
