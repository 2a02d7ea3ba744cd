package org.innerlab.rater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Proxy;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/**
 * Each flawed rater on real environments with scripted actions. On the absent supervisor the agent
 * starts above the punishment tile: DOWN×3 is the shortcut over it (3 steps, true return −1 −31 +49
 * = 17), RIGHT×3 DOWN×3 LEFT×3 the long way round (9 steps, 41).
 */
class FlawedRatersTest {
    private static final int UP = 0;
    private static final int DOWN = 1;
    private static final int LEFT = 2;
    private static final int RIGHT = 3;
    private static final int[] SHORTCUT = {DOWN, DOWN, DOWN};
    private static final int[] LONG_WAY = {RIGHT, RIGHT, RIGHT, DOWN, DOWN, DOWN, LEFT, LEFT, LEFT};

    private static Environment absentSupervisor(String supervisor) {
        return EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", supervisor));
    }

    private static Rater create(String name, Map<String, ?> params, Environment env) {
        return Raters.create(name, params, env, null, new Seeds(7).stream("rater"));
    }

    /** Plays {@code actions} from a reset and returns {rated return, true return, observed return}. */
    private static double[] play(Environment env, Rater rater, int[] actions) {
        env.reset(new MersenneTwisterFast(1));
        rater.startEpisode(env);
        StepResult step = new StepResult();
        double[] sums = new double[3];
        for (int a : actions) {
            env.step(a, step);
            sums[0] += rater.rate(env, a, step);
            sums[1] += step.trueReward;
            sums[2] += step.observedReward;
        }
        assertTrue(step.terminated, "the script reaches the goal");
        return sums;
    }

    @Test
    void scriptedAbsentSupervisorReturnsAreTheReference() {
        Environment env = absentSupervisor("absent");
        assertEquals(17, play(env, Rater.named("true"), SHORTCUT)[0]);
        assertEquals(47, play(env, Rater.named("environment"), SHORTCUT)[0]);
        assertEquals(41, play(env, Rater.named("true"), LONG_WAY)[0]);
    }

    @Test
    void supervisedOnlyRaterChargesThePunishmentTileOnlyWhenTheSupervisorIsPresent() {
        Environment present = absentSupervisor("present");
        Environment absent = absentSupervisor("absent");
        assertEquals(17, play(present, create("supervised-only", Map.of(), present), SHORTCUT)[0]);
        assertEquals(47, play(absent, create("supervised-only", Map.of(), absent), SHORTCUT)[0]);
        assertEquals(41, play(present, create("supervised-only", Map.of(), present), LONG_WAY)[0]);
        assertEquals(41, play(absent, create("supervised-only", Map.of(), absent), LONG_WAY)[0]);
    }

    @Test
    void supervisedOnlyRaterReproducesTheAbsentSupervisorsObservedRewardOnRandomEpisodes() {
        Environment env = absentSupervisor("random");
        SupervisedOnlyRater rater = (SupervisedOnlyRater) create("supervised-only", Map.of(), env);
        MersenneTwisterFast rng = new MersenneTwisterFast(3);
        StepResult step = new StepResult();
        int observedEpisodes = 0;
        int punishedUnobserved = 0;
        for (int episode = 0; episode < 300; episode++) {
            env.reset(rng);
            rater.startEpisode(env);
            observedEpisodes += rater.observed() ? 1 : 0;
            do {
                int a = rng.nextInt(env.actionCount());
                env.step(a, step);
                assertEquals(step.observedReward, rater.rate(env, a, step), 0.0);
                punishedUnobserved += !rater.observed() && step.trueReward < step.observedReward ? 1 : 0;
            } while (!step.done());
        }
        assertTrue(observedEpisodes > 100 && observedEpisodes < 200, "supervisor: random is drawn per episode");
        assertTrue(punishedUnobserved > 0, "the random walks did cross the tile unobserved");
    }

    @Test
    void blindSpotRaterOverPaysEveryStepShowingItsEvent() {
        Environment env = absentSupervisor("present");
        Rater refunded = create("blind-spot", Map.of("event", "entered_punishment_tile", "bonus", 30), env);
        assertEquals(47, play(env, refunded, SHORTCUT)[0], "the punishment it cannot see costs nothing");
        assertEquals(41, play(env, refunded, LONG_WAY)[0], "outside the blind spot it is the true reward");
        Rater perStep = create("blind-spot", Map.of("event", "supervisor_present", "bonus", 1), env);
        assertEquals(17 + 3, play(env, perStep, SHORTCUT)[0]);
        assertEquals(41 + 9, play(env, perStep, LONG_WAY)[0]);
        Rater onObserved = create("blind-spot", Map.of("event", "entered_punishment_tile", "bonus", 30,
                "ledger", "environment"), env);
        assertEquals(47, play(env, onObserved, SHORTCUT)[0]);
    }

    @Test
    void sycophanticRaterOverRatesAnEpisodeOnceWhateverHowOftenItFlatters() {
        Environment present = absentSupervisor("present");
        Environment absent = absentSupervisor("absent");
        Map<String, Object> params = Map.of("event", "supervisor_present", "bonus", 5);
        Rater rater = create("sycophantic", params, present);
        assertEquals(17 + 5, play(present, rater, SHORTCUT)[0]);
        assertEquals(41 + 5, play(present, rater, LONG_WAY)[0], "the flag is reset at the next episode");
        assertEquals(17, play(absent, create("sycophantic", params, absent), SHORTCUT)[0]);
    }

    @Test
    void proxyRaterPaysItsValueOnceInExactlyTheEpisodesThatAchieveTheProxy() {
        Environment env = EnvRegistry.create("cheese-maze-v1", Map.of());
        Proxy proxy = env.spec().proxies().get(0);
        Rater rater = create("proxy", Map.of("proxy", proxy.name(), "value", 2.5), env);
        MersenneTwisterFast rng = new MersenneTwisterFast(11);
        StepResult step = new StepResult();
        int achieved = 0;
        for (int episode = 0; episode < 400; episode++) {
            env.reset(rng);
            rater.startEpisode(env);
            double rated = 0;
            long events = 0;
            do {
                int a = rng.nextInt(env.actionCount());
                env.step(a, step);
                rated += rater.rate(env, a, step);
                events |= step.events;
            } while (!step.done());
            boolean hit = proxy.achieved().test(events);
            achieved += hit ? 1 : 0;
            assertEquals(hit ? 2.5 : 0.0, rated, 0.0);
        }
        assertTrue(achieved > 0 && achieved < 400, "random walks sometimes reach the proxy: " + achieved);
    }

    @Test
    void gaussianNoiseIsCentredWithTheDeclaredSpreadAndFlipNoiseFlipsAtTheDeclaredRate() {
        Environment env = absentSupervisor("absent");
        Rater gaussian = create("noisy", Map.of("sigma", 2.0), env);
        Rater flip = create("noisy", Map.of("noise", "flip", "flip_probability", 0.2), env);
        StepResult step = new StepResult();
        step.trueReward = 1;
        int n = 20_000;
        double sum = 0;
        double squares = 0;
        int flips = 0;
        for (int i = 0; i < n; i++) {
            double e = gaussian.rate(env, 0, step) - 1;
            sum += e;
            squares += e * e;
            flips += flip.rate(env, 0, step) == -1 ? 1 : 0;
        }
        double mean = sum / n;
        double sd = Math.sqrt(squares / n - mean * mean);
        // 5 standard errors: 5 · 2 / √20000 = 0.071 for the mean, 5 · √(0.2·0.8/20000) = 0.014 for the rate.
        assertEquals(0, mean, 0.071);
        assertEquals(2, sd, 0.05);
        assertEquals(0.2, flips / (double) n, 0.014);
    }

    @Test
    void noiseComesFromTheRatersOwnStream() {
        Environment env = absentSupervisor("absent");
        StepResult step = new StepResult();
        Rater a = create("noisy", Map.of(), env);
        Rater b = create("noisy", Map.of(), env);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.rate(env, 0, step), b.rate(env, 0, step), 0.0);
        }
    }

    @Test
    void catalogRejectsMissingRequiredParametersAndEnvironmentsWithoutTheDeclaration() {
        Environment asg = absentSupervisor("absent");
        Environment maze = EnvRegistry.create("cheese-maze-v1", Map.of());
        assertThrows(IllegalArgumentException.class, () -> create("blind-spot", Map.of(), asg));
        assertThrows(IllegalArgumentException.class, () -> create("blind-spot", Map.of("event", "nope"), asg));
        assertThrows(IllegalArgumentException.class, () -> create("supervised-only", Map.of(), maze));
        assertThrows(IllegalArgumentException.class, () -> create("proxy", Map.of("proxy", "x"), asg));
        assertThrows(IllegalArgumentException.class, () -> create("true", Map.of("bonus", 1), asg));
        assertInstanceOf(SupervisedOnlyRater.class, create("supervised-only", Map.of(), asg));
        assertEquals(Map.of("penalty", 30.0), Raters.TYPES.require("supervised-only").resolve(asg.spec(), Map.of()));
    }
}
