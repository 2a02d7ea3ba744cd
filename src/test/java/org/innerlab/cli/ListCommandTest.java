package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.learner.Learners;
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
        names.addAll(List.of("coinrun-goal-misgeneralization", "absent-supervisor", "conditional_misbehaviour_gap",
                "oversight: supervisor (observed: present, unobserved: absent)", "safety-pretraining",
                "kl_to_reference", "attack_success"));
        names.addAll(Curations.TYPES.ids());
        names.addAll(List.of("shortcut", "sneaky", "transformer", "drinker", "corner"));
        for (String name : names) {
            assertTrue(o.out().contains(name), name + " in\n" + o.out());
        }
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
