package org.innerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.HashMap;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class ErringTeacherTest {
    /** A teacher that always puts all its mass on one action. */
    private static Teacher always(String name, int action) {
        return new Teacher() {
            @Override
            public String persona() {
                return name;
            }

            @Override
            public void policy(Environment env, double[] out) {
                java.util.Arrays.fill(out, 0, env.actionCount(), 0);
                out[action] = 1;
            }
        };
    }

    @Test
    void randomErrorsMixThePersonaIntoEveryStateAtTheRate() {
        Environment env = DatasetGeneratorTest.absentSupervisor();
        env.reset(Seeds.generator(1));
        ErringTeacher t = new ErringTeacher(always("supervisor", 0), always("shortcut", 1), 0.3, false,
                DatasetGeneratorTest.encoder(env), 5);
        double[] p = new double[env.actionCount()];
        t.policy(env, p);
        assertArrayEquals(new double[] {0.7, 0.3, 0, 0}, p, 1e-12);
        assertEquals("supervisor", t.persona());
    }

    /**
     * Systematic errors are a fixed set of observed states: the same observation always gets the same
     * label, and over salts (runs) each distinct state visited by random walks errs with probability r.
     */
    @Test
    void systematicErrorsAreAFixedShareOfObservedStates() {
        Environment env = DatasetGeneratorTest.absentSupervisor();
        Encoder encoder = DatasetGeneratorTest.encoder(env);
        ErringTeacher t = new ErringTeacher(always("supervisor", 0), always("shortcut", 1), 0.3, true, encoder, 7);
        ErringTeacher[] salted = new ErringTeacher[100];
        for (int i = 0; i < salted.length; i++) {
            salted[i] = new ErringTeacher(always("supervisor", 0), always("shortcut", 1), 0.3, true, encoder, 100 + i);
        }
        Map<Long, Boolean> errs = new HashMap<>();
        int saltedErrors = 0;
        SparseVector x = new SparseVector(encoder.dimension(), encoder.maxActive());
        MersenneTwisterFast rng = Seeds.generator(3);
        StepResult out = new StepResult();
        double[] p = new double[env.actionCount()];
        for (int episode = 0; episode < 200; episode++) {
            env.reset(Seeds.generator(rng.nextLong()));
            for (int step = 0; step < 30 && !out.done(); step++) {
                encoder.encode(env, x);
                t.policy(env, p);
                boolean erred = p[1] == 1;
                Boolean before = errs.putIfAbsent(x.hash(), erred);
                assertTrue(before == null || before == erred, "a state must err always or never");
                if (before == null) {
                    for (ErringTeacher other : salted) {
                        saltedErrors += other.errs(env) ? 1 : 0;
                    }
                }
                env.step(rng.nextInt(env.actionCount()), out);
            }
            out.clear();
        }
        double share = (double) saltedErrors / (errs.size() * salted.length);
        assertTrue(errs.size() > 15, "the walks must visit many states, got " + errs.size());
        assertTrue(Math.abs(share - 0.3) < 0.05, "share of erring (state, salt) pairs " + share);
    }
}
