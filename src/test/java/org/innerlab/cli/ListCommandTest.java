package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.Registered;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.learner.Learners;
import org.innerlab.observe.Encoders;
import org.innerlab.rater.Raters;
import org.innerlab.regime.Regimes;
import org.junit.jupiter.api.Test;

/** {@code innerlab list}: every catalogue entry and every shipped scenario, as text and as JSON. */
class ListCommandTest {
    @Test
    void textNamesEveryEnvironmentLearnerRegimeAndShippedScenario() {
        RunCommandTest.Outcome o = RunCommandTest.innerlab("list", "--scenarios", "scenarios");
        assertEquals(0, o.exitCode(), o.err());
        List<String> names = new ArrayList<>(EnvRegistry.entries().keySet());
        names.addAll(Learners.TYPES.ids());
        names.addAll(Regimes.TYPES.ids());
        // An environment's oversight moved to innerlab describe (DescribeCommandTest), so list keeps one line each.
        names.addAll(List.of("coinrun-goal-misgeneralization", "absent-supervisor", "conditional_misbehaviour_gap",
                "safety-pretraining", "kl_to_reference", "attack_success"));
        names.addAll(Curations.TYPES.ids());
        names.addAll(List.of("shortcut", "sneaky", "transformer", "drinker", "corner"));
        for (String name : names) {
            assertTrue(o.out().contains(name), name + " in\n" + o.out());
        }
    }

    @Test
    void textShowsEachComponentOnOneLineWithItsSummary() {
        String all = RunCommandTest.innerlab("list", "--scenarios", "scenarios").out();
        // Scenarios may share a component's name (persona-selection), so only the components' part counts.
        String out = all.substring(0, all.indexOf("\nSCENARIOS\n") + 1);
        List<Registered> components = new ArrayList<>(EnvRegistry.registry().all());
        components.addAll(Learners.TYPES.all());
        components.addAll(Encoders.TYPES.all());
        components.addAll(Regimes.TYPES.all());
        components.addAll(Raters.TYPES.all());
        components.addAll(Curations.TYPES.all());
        for (Registered c : components) {
            long lines = out.lines().filter(l -> l.startsWith("  " + c.id() + " ")).count();
            assertEquals(1, lines, c.id() + " in\n" + out);
            assertTrue(out.contains("  " + String.format("%-32s %s", c.id(), c.info().summary()) + "\n"), c.id());
        }
        for (String heading : List.of("ENVIRONMENTS", "LEARNERS", "ENCODERS", "REGIMES", "RATERS", "CURATION",
                "PERSONAS (per environment", "METRICS", "SCENARIOS")) {
            assertTrue(all.lines().anyMatch(l -> l.startsWith(heading)), heading + " in\n" + out);
        }
        assertFalse(out.contains("   intended goal: "), "environment details belong to innerlab describe:\n" + out);
        assertTrue(all.contains("innerlab describe <id>"), all);
    }

    @Test
    void jsonGivesEveryComponentItsSummaryPaperAndParameters() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RunCommandTest.innerlab("list", "--json").out());
        for (String kind : List.of("environments", "learners", "encoders", "regimes", "raters", "curation",
                "personas", "metrics")) {
            for (JsonNode c : json.get(kind)) {
                assertFalse(c.get("summary").asText().isBlank(), kind + ": " + c);
                assertTrue(c.get("paper").isTextual(), kind + ": " + c);
                assertTrue(c.get("parameters").isArray(), kind + ": " + c);
            }
        }
        assertEquals(Encoders.TYPES.all().size(), json.get("encoders").size());
        JsonNode tabular = json.get("learners").get(0);
        assertEquals("tabular-q", tabular.get("type").asText());
        JsonNode initialQ = tabular.get("parameters").get(0);
        assertEquals("initial_q", initialQ.get("name").asText());
        assertEquals("double", initialQ.get("type").asText());
        assertEquals(0.0, initialQ.get("default").asDouble());
        assertEquals(-1e6, initialQ.get("min").asDouble());
        assertEquals(1e6, initialQ.get("max").asDouble());
        assertEquals("initial value of every Q entry", initialQ.get("doc").asText());
        JsonNode coinrun = json.get("environments").get(0);
        assertEquals(coinrun.get("params").size(), coinrun.get("parameters").size());
        assertEquals(coinrun.get("params").get(0).asText(), coinrun.get("parameters").get(0).get("name").asText());
        assertTrue(coinrun.get("paper").asText().startsWith("Langosco"), coinrun.toString());
    }

    @Test
    void aScenariosFolderThatDoesNotExistIsBadInputNotAnEmptyList() {
        RunCommandTest.Outcome o = RunCommandTest.innerlab("list", "--scenarios", "nope");
        assertEquals(2, o.exitCode());
        assertEquals("innerlab list: --scenarios nope is not a folder; give the folder of scenario files (e.g. scenarios)",
                o.err().strip());
        assertEquals("", o.out());
    }

    @Test
    void noCommandAtAllIsBadInput() {
        RunCommandTest.Outcome o = RunCommandTest.innerlab();
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("Usage: innerlab"), o.err());
    }

    @Test
    void jsonHasOneEntryPerRegisteredThing() throws Exception {
        RunCommandTest.Outcome o = RunCommandTest.innerlab("list", "--json", "--scenarios", "scenarios");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertEquals(EnvRegistry.entries().size(), json.get("environments").size());
        assertEquals("coinrun-lite-v1", json.get("environments").get(0).get("id").asText());
        assertEquals(1, json.get("environments").get(0).get("version").asInt());
        JsonNode absent = null;
        for (JsonNode env : json.get("environments")) {
            absent = env.get("id").asText().equals("asg-absent-supervisor-v1") ? env : absent;
        }
        assertEquals("supervisor", absent.get("oversight").get("parameter").asText());
        assertEquals("end_of_level", json.get("environments").get(0).get("proxies").get(0).asText());
        assertEquals(Learners.TYPES.all().size(), json.get("learners").size());
        assertEquals(Curations.TYPES.all().size(), json.get("curation").size());
        int personas = 0;
        for (String id : Personas.environments()) {
            personas += Personas.forEnvironment(EnvRegistry.spec(id)).names().size();
        }
        assertEquals(personas, json.get("personas").size());
        assertEquals("aligned", json.get("personas").get(0).get("persona").asText());
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("scenarios"))) {
            assertEquals(files.filter(p -> p.toString().endsWith(".yaml")).count(), json.get("scenarios").size());
        }
        for (JsonNode s : json.get("scenarios")) {
            assertTrue(!s.get("name").isNull() && !s.get("description").asText().isBlank(), s.toString());
        }
    }
}
