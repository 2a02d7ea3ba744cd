package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.innerlab.report.ComponentDescription;
import org.innerlab.report.ComponentIndex;
import org.junit.jupiter.api.Test;

/** {@code innerlab describe}: every component by id, text or JSON; an unknown id exits 2 in one line. */
class DescribeCommandTest {
    @Test
    void everyRegisteredComponentDescribesWithoutError() {
        for (ComponentDescription d : ComponentIndex.all()) {
            RunCommandTest.Outcome o = RunCommandTest.innerlab("describe", "--kind", d.kind().plural(), d.id());
            assertEquals(0, o.exitCode(), d.id() + ": " + o.err());
            assertEquals(d.text(), o.out());
        }
    }

    @Test
    void anEnvironmentShowsItsParametersWithDefaultsAndItsOversight() {
        RunCommandTest.Outcome o = RunCommandTest.innerlab("describe", "asg-absent-supervisor-v1");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("environment asg-absent-supervisor-v1\n"), o.out());
        assertTrue(o.out().contains("oversight: supervisor (observed: present, unobserved: absent)"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("  supervisor +choice +random +random \\| present \\| absent .*")),
                o.out());
    }

    @Test
    void anEnvironmentThatTakesLayoutsPrintsItsLegendAndTheRules() {
        RunCommandTest.Outcome o = RunCommandTest.innerlab("describe", "coinrun-lite-v1");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("  layout legend (environment.params.layout):\n"
                + "    - '.' empty: air: the agent falls through it\n"
                + "    - '#' ground: solid; carries the agent\n"), o.out());
        assertTrue(o.out().contains("    - exactly one 'A', at least one '$' reachable from it, at most one '$'; "
                + "2 to 64 columns and 2 to 16 rows\n"), o.out());
    }

    @Test
    void aNameSharedByComponentsDescribesEachUnlessAKindIsGiven() {
        RunCommandTest.Outcome all = RunCommandTest.innerlab("describe", "aligned");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals(ComponentIndex.matching("aligned", null).size(),
                all.out().lines().filter(l -> l.startsWith("persona ")).count());
        RunCommandTest.Outcome one = RunCommandTest.innerlab("describe", "asg-whisky-gold-v1/aligned");
        assertEquals(1, one.out().lines().filter(l -> l.startsWith("persona ")).count(), one.out());
    }

    @Test
    void unknownIdExitsTwoWithOneLineNamingItAndTheClosest() {
        RunCommandTest.Outcome o = RunCommandTest.innerlab("describe", "reinforse");
        assertEquals(2, o.exitCode());
        assertEquals("innerlab describe: unknown component 'reinforse'; did you mean 'reinforce'?\n",
                o.err().replace("\r\n", "\n"));
        assertEquals("", o.out());
        RunCommandTest.Outcome wrongKind = RunCommandTest.innerlab("describe", "--kind", "metric", "ppo");
        assertEquals(2, wrongKind.exitCode());
        assertTrue(wrongKind.err().startsWith("innerlab describe: unknown metric 'ppo'"), wrongKind.err());
    }

    @Test
    void jsonIsAnArrayOfDescriptions() throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.innerlab("describe", "--json", "blind-spot");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertEquals(1, json.size());
        assertEquals("rater", json.get(0).get("kind").asText());
        assertEquals("bonus", json.get(0).get("parameters").get(0).get("name").asText());
        assertTrue(json.get(0).get("combinations").get("unavailable for").isArray(), o.out());
    }
}
