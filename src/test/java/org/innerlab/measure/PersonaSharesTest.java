package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.data.PersonaSight;
import org.innerlab.data.Personas;
import org.innerlab.data.Teacher;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.PersonaMixture;
import org.innerlab.observe.EgocentricEncoder;
import org.junit.jupiter.api.Test;

class PersonaSharesTest {
    @Test
    void aMixtureReportsOneDescribedSharePerEmulationAndTheTotalsUnderLearner() {
        Environment env = EnvRegistry.create("asg-tomato-watering-v1", Map.of());
        Personas personas = Personas.forEnvironment(env.spec());
        List<Teacher> teachers = new ArrayList<>();
        for (String name : personas.unconditional()) {
            teachers.add(personas.teacher(name));
        }
        PersonaMixture m = new PersonaMixture(new PersonaMixture.Hyper(1, 0.5, 0.8, 0.25), 
                new PersonaSight(new EgocentricEncoder(env.spec(), env.view(), 0, List.of()), teachers), env.actionCount());
        List<String> names = PersonaShares.learnerMetricNames(env.spec());
        assertEquals(List.of("persona_share/aligned-weak", "persona_share/aligned-strong",
                "persona_share/transformer-weak", "persona_share/transformer-strong", "misaligned_share",
                "strong_share"), names);
        List<MetricValue> metrics = PersonaShares.learnerMetrics(m);
        assertEquals(names, metrics.stream().map(MetricValue::metric).toList());
        double[] expected = {0.6, 0.2, 0.15, 0.05, 0.2, 0.25};
        for (int i = 0; i < expected.length; i++) {
            assertEquals("learner", metrics.get(i).distribution());
            assertEquals(expected[i], metrics.get(i).value(), 1e-12, names.get(i));
            assertNotNull(MetricCatalog.describe(names.get(i), env.spec()), names.get(i));
        }
    }

    @Test
    void anEnvironmentWithoutPersonasHasNoShares() {
        assertEquals(List.of(), PersonaShares.learnerMetricNames(EnvRegistry.spec("coinrun-lite-v1")));
    }
}
