package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.data.PersonaSight;
import org.innerlab.data.Personas;
import org.innerlab.data.Teacher;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class PersonaMixtureTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Setup(Environment env, PersonaMixture mixture, PersonaSight sight, List<Teacher> teachers) {
    }

    private static Setup absentSupervisor(String supervisor, PersonaMixture.Hyper hyper) {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", supervisor));
        Personas personas = Personas.forEnvironment(env.spec());
        List<Teacher> teachers = new ArrayList<>();
        for (String name : personas.unconditional()) {
            teachers.add(personas.teacher(name));
        }
        PersonaSight sight = new PersonaSight(new EgocentricEncoder(env.spec(), env.view(), 0, List.of()), teachers);
        return new Setup(env, new PersonaMixture(hyper, sight, env.actionCount()), sight, teachers);
    }

    @Test
    void executionNoiseIsOneMinusCapabilityStrongAndOneMinusFidelityTimesCapabilityWeak() {
        PersonaMixture m = absentSupervisor("random", new PersonaMixture.Hyper(0.6, 0.5, 0.8, 0.5)).mixture();
        assertEquals(List.of("aligned-weak", "aligned-strong", "shortcut-weak", "shortcut-strong", "sneaky-weak",
                "sneaky-strong"), m.componentNames());
        for (int p = 0; p < 3; p++) {
            assertEquals(1 - 0.5 * 0.6, m.epsilon(2 * p), 1e-15);
            assertEquals(1 - 0.6, m.epsilon(2 * p + 1), 1e-15);
        }
    }

    @Test
    void thePriorGivesTheAlignedPersonaItsMassAndSplitsTheRestEvenly() {
        PersonaMixture m = absentSupervisor("random", new PersonaMixture.Hyper(1, 0.5, 0.7, 0.25)).mixture();
        double[] w = new double[m.components()];
        m.shares(w);
        double[] expected = {0.7 * 0.75, 0.7 * 0.25, 0.15 * 0.75, 0.15 * 0.25, 0.15 * 0.75, 0.15 * 0.25};
        for (int i = 0; i < w.length; i++) {
            assertEquals(expected[i], w[i], 1e-12, m.componentNames().get(i));
        }
    }

    @Test
    void aComponentActsAsItsTeacherMixedWithUniformNoise() {
        Setup s = absentSupervisor("absent", new PersonaMixture.Hyper(0.4, 0.5, 0.8, 0.5));
        s.env().reset(new MersenneTwisterFast(1));
        s.sight().encode(s.env(), new SparseVector(s.sight().dimension(), s.sight().maxActive()));
        double[] teacher = new double[4];
        double[] component = new double[4];
        for (int i = 0; i < s.mixture().components(); i++) {
            s.teachers().get(i / 2).policy(s.env(), teacher);
            s.mixture().componentPolicy(i, component);
            double eps = s.mixture().epsilon(i);
            double sum = 0;
            for (int a = 0; a < 4; a++) {
                assertEquals((1 - eps) * teacher[a] + eps / 4, component[a], 1e-15);
                sum += component[a];
            }
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void beforeItsPersonaIsDrawnAnEpisodeSeesThePriorPredictive() {
        Setup s = absentSupervisor("absent", new PersonaMixture.Hyper(0.8, 0.5, 0.6, 0.3));
        s.env().reset(new MersenneTwisterFast(2));
        SparseVector obs = new SparseVector(s.sight().dimension(), s.sight().maxActive());
        s.sight().encode(s.env(), obs);
        double[] mixture = new double[4];
        s.mixture().probabilities(obs, mixture);
        double[] w = new double[s.mixture().components()];
        s.mixture().shares(w);
        double[] component = new double[4];
        double[] expected = new double[4];
        for (int i = 0; i < w.length; i++) {
            s.mixture().componentPolicy(i, component);
            for (int a = 0; a < 4; a++) {
                expected[a] += w[i] * component[a];
            }
        }
        for (int a = 0; a < 4; a++) {
            assertEquals(expected[a], mixture[a], 1e-12);
        }
    }

    /**
     * With every persona executed perfectly and (almost) all prior mass on the strong emulations, an
     * episode played through the {@link Policy} interface keeps one persona: on the unsupervised board the
     * aligned persona goes round the punishment tile and both misaligned ones cross it, so the share of
     * episodes that cross is the prior's misaligned mass, 0.3. 2000 episodes: binomial sd 0.010; tolerance
     * 0.04 (four sd).
     */
    @Test
    void aPersonaIsDrawnOncePerEpisodeThroughThePolicyInterface() {
        Setup s = absentSupervisor("absent", new PersonaMixture.Hyper(1, 0.5, 0.7, 1 - 1e-6));
        MersenneTwisterFast levels = new MersenneTwisterFast(3);
        MersenneTwisterFast actions = new MersenneTwisterFast(4);
        SparseVector obs = new SparseVector(s.sight().dimension(), s.sight().maxActive());
        double[] scratch = new double[4];
        StepResult step = new StepResult();
        long punished = s.env().spec().eventBit("entered_punishment_tile");
        int crossed = 0;
        int episodes = 2000;
        for (int e = 0; e < episodes; e++) {
            s.env().reset(levels);
            long events = 0;
            int persona = -1;
            do {
                s.sight().encode(s.env(), obs);
                int a = s.mixture().sample(obs, actions, scratch);
                if (persona < 0) {
                    persona = s.mixture().currentComponent();
                }
                assertEquals(persona, s.mixture().currentComponent(), "persona changed within episode " + e);
                s.env().step(a, step);
                events |= step.events;
            } while (!step.done());
            assertEquals(persona >= 2, (events & punished) != 0, "persona " + persona + " in episode " + e);
            crossed += (events & punished) != 0 ? 1 : 0;
        }
        assertEquals(0.3, (double) crossed / episodes, 0.04);
    }

    @Test
    void actingAllocatesNothingOnceItsStatesArePlanned() {
        Setup s = absentSupervisor("random", new PersonaMixture.Hyper(0.5, 0.5, 0.8, 0.5));
        MersenneTwisterFast levels = new MersenneTwisterFast(5);
        MersenneTwisterFast actions = new MersenneTwisterFast(6);
        SparseVector obs = new SparseVector(s.sight().dimension(), s.sight().maxActive());
        double[] scratch = new double[4];
        StepResult step = new StepResult();
        Runnable episodes = () -> {
            for (int e = 0; e < 200; e++) {
                s.env().reset(levels);
                do {
                    s.sight().encode(s.env(), obs);
                    s.env().step(s.mixture().sample(obs, actions, scratch), step);
                } while (!step.done());
            }
        };
        for (int warm = 0; warm < 5; warm++) {
            episodes.run();
        }
        long tid = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        episodes.run();
        long allocated = THREADS.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated == 0, "allocated " + allocated + " bytes over 200 episodes");
    }
}
