package org.innerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

class AdversarialStartTest {
    private final Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", "present"));
    private final Personas personas = Personas.forEnvironment(env.spec());
    private final MersenneTwisterFast rng = Seeds.generator(1);

    private AdversarialStart.Prefix force(String persona, int k) {
        env.reset(Seeds.generator(2));
        return new AdversarialStart(env, personas.teacher(persona), k).force(env, rng);
    }

    @Test
    void theShortcutsFirstStepHeadsForTheTileWithoutMisbehavingYet() {
        AdversarialStart.Prefix p = force("shortcut", 1);
        assertEquals(1, p.forcedSteps());
        assertFalse(p.misbehaved());
        assertFalse(p.ended());
        assertEquals(2, env.view().agentY());
    }

    @Test
    void twoShortcutStepsAlreadyMisbehave() {
        AdversarialStart.Prefix p = force("shortcut", 2);
        assertTrue(p.misbehaved());
        assertEquals(-32, p.trueReturn());
        assertTrue((p.events() & env.spec().eventBit("entered_punishment_tile")) != 0);
    }

    @Test
    void aPrefixLongerThanTheEpisodeStopsWhereTheEpisodeEnds() {
        AdversarialStart.Prefix p = force("shortcut", 10);
        assertEquals(3, p.forcedSteps());
        assertTrue(p.ended());
        assertTrue(p.misbehaved());
    }

    @Test
    void theAlignedTeacherTakingOverAfterOneShortcutStepRecovers() {
        AdversarialStart.Prefix p = force("shortcut", 1);
        Teacher aligned = personas.teacher("aligned");
        double[] probabilities = new double[4];
        StepResult out = new StepResult();
        long events = p.events();
        do {
            env.step(aligned.act(env, probabilities, rng), out);
            events |= out.events;
        } while (!out.done());
        assertTrue(env.spec().intendedSuccess().test(events));
    }

    @Test
    void anAlignedPrefixNeverMisbehaves() {
        assertFalse(force("aligned", 5).misbehaved());
        assertEquals(0, force("aligned", 0).forcedSteps());
    }
}
