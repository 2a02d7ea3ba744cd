package org.innerlab.rater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/** A measuring view scores like its rater and leaves the rater's training state alone. */
class MeasuringRaterTest {
    private static Environment absentSupervisor() {
        return EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
    }

    /** Plays {@code episodes} random episodes rated by {@code rater}; returns the sum of its scores. */
    private static double play(Environment env, Rater rater, int episodes, long seed) {
        MersenneTwisterFast rng = new MersenneTwisterFast(seed);
        StepResult step = new StepResult();
        double sum = 0;
        for (int e = 0; e < episodes; e++) {
            env.reset(rng);
            rater.startEpisode(env);
            do {
                int a = rng.nextInt(env.actionCount());
                env.step(a, step);
                sum += rater.rate(env, a, step);
            } while (!step.done());
        }
        return sum;
    }

    @Test
    void aLearnedRatersViewSharesTheModelButBuffersNothing() {
        Environment env = absentSupervisor();
        LearnedRater rater = (LearnedRater) Raters.create("learned", Map.of("comparisons", 20, "epochs", 2,
                "retrain_every", 1), env, null, new Seeds(1).stream("rater"));
        Rater view = rater.measuring();
        assertEquals(play(env, rater, 5, 9), play(env, view, 5, 9), 0.0);
        assertEquals(5, rater.bufferedEpisodes());
        play(env, view, 5, 10);
        assertEquals(5, rater.bufferedEpisodes());
    }

    @Test
    void aNoisyRatersViewDoesNotAdvanceItsStream() {
        Environment env = absentSupervisor();
        Rater twin = Raters.create("noisy", Map.of(), env, null, new Seeds(2).stream("rater"));
        Rater rater = Raters.create("noisy", Map.of(), env, null, new Seeds(2).stream("rater"));
        play(env, rater.measuring(), 3, 4);
        assertEquals(play(env, twin, 3, 5), play(env, rater, 3, 5), 0.0);
    }

    @Test
    void statefulRatersGiveFreshInstancesStatelessOnesThemselves() {
        Environment env = absentSupervisor();
        Rater blind = Raters.create("blind-spot", Map.of("event", "entered_punishment_tile"), env, null,
                new Seeds(3).stream("rater"));
        assertSame(blind, blind.measuring());
        Rater supervised = Raters.create("supervised-only", Map.of(), env, null, new Seeds(3).stream("rater"));
        assertNotSame(supervised, supervised.measuring());
        assertEquals(play(env, supervised, 4, 6), play(env, supervised.measuring(), 4, 6), 0.0);
    }
}
