package org.innerlab.env.asg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/** What every safety gridworld shares: registration, the step limit, determinism, no allocation. */
class AsgGamesTest {
    static final List<String> IDS = List.of("asg-absent-supervisor-v1", "asg-boat-race-v1",
            "asg-tomato-watering-v1", "asg-distributional-shift-v1", "asg-safe-interruptibility-v1",
            "asg-side-effects-sokoban-v1", "asg-whisky-gold-v1", "asg-friend-foe-v1", "asg-island-navigation-v1",
            "asg-rocks-diamonds-v1", "asg-conveyor-belt-v1");

    /** Every (id, level) pair, with the random per-step variants switched on where there are some. */
    static List<Map<String, Object>> everyLevel() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : IDS) {
            ParamSpec level = EnvRegistry.spec(id).param("level");
            for (String name : level.choices()) {
                out.add(id.equals("asg-whisky-gold-v1")
                        ? Map.of("id", id, "level", name, "human_player", true)
                        : Map.of("id", id, "level", name));
            }
        }
        return out;
    }

    private static Environment create(Map<String, Object> config) {
        Map<String, Object> params = new java.util.LinkedHashMap<>(config);
        return EnvRegistry.create((String) params.remove("id"), params);
    }

    @Test
    void allElevenAreRegisteredWithALevelParameter() {
        for (String id : IDS) {
            EnvSpec spec = EnvRegistry.spec(id);
            assertNotNull(spec, id);
            assertNotNull(spec.param("level"), id);
            assertEquals(List.of("UP", "DOWN", "LEFT", "RIGHT"), spec.actions().subList(0, 4));
        }
        assertEquals(25, everyLevel().size());
    }

    @Test
    void upIntoTheWallUntilTheLimitTruncatesTheHundredthStep() {
        // UP from every start position hits a wall (or, in friend-foe, stops short of the boxes).
        for (Map<String, Object> config : everyLevel()) {
            if (config.containsKey("human_player")) {
                continue;
            }
            Environment env = create(config);
            env.reset(new MersenneTwisterFast(1));
            StepResult out = new StepResult();
            for (int t = 1; t <= AsgGame.MAX_STEPS; t++) {
                env.step(AsgGame.UP, out);
                assertEquals(t == AsgGame.MAX_STEPS, out.truncated, config + " step " + t);
                assertFalse(out.terminated, config.toString());
                assertEquals(1.0, out.discount);
            }
            assertEquals(AsgGame.MAX_STEPS, env.episodeSteps());
            assertThrows(IllegalStateException.class, () -> env.step(AsgGame.UP, out), config.toString());
        }
    }

    @Test
    void sameSeedSameEpisodeAndSettingsReproduceTheChoices() {
        for (Map<String, Object> config : everyLevel()) {
            Environment a = create(config);
            Environment b = create(config);
            MersenneTwisterFast rngA = new MersenneTwisterFast(42);
            MersenneTwisterFast rngB = new MersenneTwisterFast(42);
            MersenneTwisterFast policy = new MersenneTwisterFast(3);
            StepResult ra = new StepResult();
            StepResult rb = new StepResult();
            for (int episode = 0; episode < 20; episode++) {
                a.reset(rngA);
                b.reset(rngB);
                // Settings as used, in a fresh instance with another seed, reproduce the start. Tomato
                // drying is per-step randomness (already at reset): only the seed reproduces it.
                Map<String, Object> settings = a.episodeSettings();
                Environment c = EnvRegistry.create(a.spec().id(), settings);
                c.reset(new MersenneTwisterFast(999));
                if (!(a instanceof TomatoWatering)) {
                    assertArrayEquals(a.view().render(), c.view().render(), config + " " + settings);
                }
                assertEquals(settings, c.episodeSettings());
                do {
                    int action = policy.nextInt(a.actionCount());
                    a.step(action, ra);
                    b.step(action, rb);
                    assertEquals(ra.observedReward, rb.observedReward);
                    assertEquals(ra.trueReward, rb.trueReward);
                    assertEquals(ra.events, rb.events);
                    assertEquals(ra.terminated, rb.terminated);
                    assertEquals(ra.truncated, rb.truncated);
                    assertArrayEquals(a.view().render(), b.view().render());
                } while (!ra.done());
            }
        }
    }

    @Test
    void gridViewIsConsistentWithTheRenderedBoard() {
        for (Map<String, Object> config : everyLevel()) {
            Environment env = create(config);
            env.reset(new MersenneTwisterFast(5));
            GridView view = env.view();
            String[] rows = view.render();
            assertEquals(view.height(), rows.length);
            for (int y = 0; y < view.height(); y++) {
                for (int x = 0; x < view.width(); x++) {
                    int type = view.cell(x, y);
                    assertTrue(type >= 0 && type < view.cellTypes());
                    if (x != view.agentX() || y != view.agentY()) {
                        assertEquals(view.glyph(type), rows[y].charAt(x), config + " at " + x + "," + y);
                    } else {
                        assertEquals('A', rows[y].charAt(x));
                    }
                }
            }
            assertEquals("wall", view.cellTypeName(0));
            for (int f = 0; f < env.spec().features().size(); f++) {
                assertTrue(Double.isFinite(env.feature(f)));
            }
        }
    }

    @Test
    void steppingAllocatesNothing() {
        // HotSpot counts every byte a thread allocates: 200k random steps per game, resets included, must
        // stay under a small fixed budget (the measurement itself may allocate a few bytes).
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (Map<String, Object> config : everyLevel()) {
            Environment env = create(config);
            MersenneTwisterFast rng = new MersenneTwisterFast(8);
            StepResult out = new StepResult();
            run(env, rng, out, 20_000);
            long before = bean.getThreadAllocatedBytes(thread);
            run(env, rng, out, 200_000);
            long allocated = bean.getThreadAllocatedBytes(thread) - before;
            assertTrue(allocated < 4096, config + " allocated " + allocated + " bytes in 200000 steps");
        }
    }

    private static void run(Environment env, MersenneTwisterFast rng, StepResult out, int steps) {
        env.reset(rng);
        int actions = env.actionCount();
        for (int i = 0; i < steps; i++) {
            env.step(rng.nextInt(actions), out);
            if (out.done()) {
                env.reset(rng);
            }
        }
    }

    @Test
    void predicatesSeeTheirOwnEvents() {
        for (String id : IDS) {
            EnvSpec spec = EnvRegistry.spec(id);
            assertFalse(spec.intendedSuccess().test(0L), id);
            assertFalse(spec.competence().test(0L), id);
            assertTrue(spec.events().size() <= 64);
            assertFalse(spec.intendedGoal().isBlank());
        }
    }
}
