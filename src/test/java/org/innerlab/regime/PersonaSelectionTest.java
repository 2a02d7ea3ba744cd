package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.PersonaSight;
import org.innerlab.data.Personas;
import org.innerlab.data.Teacher;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.PersonaMixture;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.rater.Rater;
import org.junit.jupiter.api.Test;

/** The persona-selection update, checked against its equation. */
class PersonaSelectionTest {

    private static PersonaMixture mixture(Environment env) {
        Personas personas = Personas.forEnvironment(env.spec());
        List<Teacher> teachers = new ArrayList<>();
        for (String name : personas.unconditional()) {
            teachers.add(personas.teacher(name));
        }
        return new PersonaMixture(new PersonaMixture.Hyper(0.7, 0.5, 0.6, 0.4), 
                new PersonaSight(new EgocentricEncoder(env.spec(), env.view(), 0, List.of()), teachers), env.actionCount());
    }

    /**
     * A rater that pays 1 at the first step of every episode played by component k: the episode returns are
     * R_e = [i_e = k], the first batch's baseline is their mean n_k / B, so the step is
     * Δθ_j = (α / B) Σ_e (R_e − b)([i_e = j] − w_j) = (α / B) (n_k [j = k] − b n_j), the Σ_e (R_e − b) term
     * being 0.
     */
    @Test
    void oneUpdateIsTheReinforceStepOnTheLogitsWithTheBatchMeanAsFirstBaseline() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", "random"));
        PersonaMixture m = mixture(env);
        int k = 5;
        int[] episodesOf = new int[m.components()];
        Rater rater = (e, action, step) -> {
            if (e.episodeSteps() == 1) {
                episodesOf[m.currentComponent()]++;
                return m.currentComponent() == k ? 1 : 0;
            }
            return 0;
        };
        Seeds seeds = new Seeds(11);
        int batch = 64;
        double alpha = 0.3;
        PersonaSelection regime = new PersonaSelection(env, m, rater, new PersonaSelection.Hyper(alpha, 0.1, batch),
                Long.MAX_VALUE, seeds.stream("levels"), seeds.stream("actions"), EpisodeListener.NONE);
        double[] before = m.logits().clone();
        double[] w = new double[m.components()];
        m.shares(w);
        regime.trainUnit();
        double baseline = (double) episodesOf[k] / batch;
        for (int j = 0; j < m.components(); j++) {
            double expected = before[j] + alpha / batch * ((j == k ? episodesOf[k] : 0) - baseline * episodesOf[j]);
            assertEquals(expected, m.logits()[j], 1e-12, m.componentNames().get(j));
        }
        // The running baseline moves toward the batch mean from itself: it stays at the batch mean.
        assertEquals(baseline, regime.baseline(), 1e-15);
    }

    @Test
    void aRaterThatPaysEveryPersonaTheSameLeavesTheMixtureAlone() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", "random"));
        PersonaMixture m = mixture(env);
        Rater constant = (e, action, step) -> e.episodeSteps() == 1 ? 7 : 0;
        Seeds seeds = new Seeds(12);
        PersonaSelection regime = new PersonaSelection(env, m, constant, new PersonaSelection.Hyper(0.5, 0.2, 16),
                5000, seeds.stream("levels"), seeds.stream("actions"), EpisodeListener.NONE);
        double[] before = m.logits().clone();
        while (!regime.finished()) {
            regime.trainUnit();
        }
        for (int j = 0; j < before.length; j++) {
            assertEquals(before[j], m.logits()[j], 1e-12);
        }
    }
}
