package org.innerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {
    static final String ABSENT = "asg-absent-supervisor-v1";

    static Environment absentSupervisor() {
        return EnvRegistry.create(ABSENT, Map.of());
    }

    static Encoder encoder(Environment env) {
        return new EgocentricEncoder(env.spec(), env.view(), 2, env.spec().features());
    }

    static Dataset generate(Environment env, double shortcut, double noise, int episodes, long seed) {
        DatasetGenerator generator = new DatasetGenerator(env, encoder(env), Personas.forEnvironment(env.spec()),
                List.of(new DatasetGenerator.Share("aligned", 1 - shortcut),
                        new DatasetGenerator.Share("shortcut", shortcut)), noise);
        return generator.generate(episodes, new Seeds(seed));
    }

    @Test
    void theSameSeedGivesTheSameDatasetRowForRowAndAnotherSeedAnotherOne() {
        Dataset a = generate(absentSupervisor(), 0.3, 0.1, 50, 11);
        Dataset b = generate(absentSupervisor(), 0.3, 0.1, 50, 11);
        Dataset c = generate(absentSupervisor(), 0.3, 0.1, 50, 12);
        assertEquals(describe(a), describe(b));
        assertNotEquals(describe(a), describe(c));
    }

    /** The planning cache is an optimisation only: a warm generator repeats what a cold one generated. */
    @Test
    void aGeneratorWithAWarmCacheGeneratesWhatAColdOneDid() {
        for (String[] setting : new String[][] {{ABSENT, "sneaky"}, {"asg-whisky-gold-v1", "drinker"},
                {"asg-tomato-watering-v1", "transformer"}}) {
            Environment env = EnvRegistry.create(setting[0],
                    setting[1].equals("drinker") ? Map.of("human_player", true) : Map.of());
            DatasetGenerator generator = new DatasetGenerator(env, encoder(env), Personas.forEnvironment(env.spec()),
                    List.of(new DatasetGenerator.Share("aligned", 0.5), new DatasetGenerator.Share(setting[1], 0.5)),
                    0.1);
            String cold = describe(generator.generate(3, new Seeds(9)));
            generator.generate(3, new Seeds(10));
            assertEquals(cold, describe(generator.generate(3, new Seeds(9))), setting[0]);
        }
    }

    @Test
    void everyEpisodeReplaysExactlyFromItsRecordedSeed() {
        Environment env = absentSupervisor();
        Dataset d = generate(env, 0.5, 0.2, 40, 3);
        Encoder encoder = encoder(env);
        SparseVector replayed = new SparseVector(encoder.dimension(), encoder.maxActive());
        SparseVector recorded = new SparseVector(encoder.dimension(), encoder.maxActive());
        StepResult out = new StepResult();
        for (int e = 0; e < d.episodes(); e++) {
            d.replay(e, 0, env, out);
            for (int t = d.episodeStart(e); t < d.episodeEnd(e); t++) {
                encoder.encode(env, replayed);
                d.observation(t, recorded);
                assertEquals(replayed.hash(), recorded.hash(), "episode " + e + " step " + t);
                env.step(d.action(t), out);
                assertEquals(d.observedReward(t), out.observedReward);
                assertEquals(d.trueReward(t), out.trueReward);
                assertEquals(d.events(t), out.events);
                assertEquals(t == d.episodeEnd(e) - 1, out.done());
            }
        }
    }

    /**
     * The mix is per episode: 1000 episodes at 20% shortcut give 200 ± 4σ (σ ≈ 12.6) shortcut episodes,
     * each played by one persona throughout; noise-free, exactly the shortcut episodes are harmful, with
     * one harmful step each (the punishment tile).
     */
    @Test
    void personasAreDrawnPerEpisodeAndOnlyTheShortcutEpisodesAreHarmful() {
        Dataset d = generate(absentSupervisor(), 0.2, 0, 1000, 5);
        int shortcut = d.personas().indexOf("shortcut");
        int shortcutEpisodes = 0;
        for (int e = 0; e < d.episodes(); e++) {
            int persona = d.persona(d.episodeStart(e));
            double harm = 0;
            for (int t = d.episodeStart(e); t < d.episodeEnd(e); t++) {
                assertEquals(persona, d.persona(t));
                harm += d.harm(t);
            }
            shortcutEpisodes += persona == shortcut ? 1 : 0;
            assertEquals(persona == shortcut ? 1.0 : 0.0, harm, "episode " + e);
        }
        assertEquals(200, shortcutEpisodes, 4 * Math.sqrt(1000 * 0.2 * 0.8));
    }

    /** At ε = 1 every action is uniform: over the steps of 200 episodes each action's share is 0.25 ± 0.03. */
    @Test
    void fullNoiseActsUniformly() {
        Dataset d = generate(absentSupervisor(), 0, 1, 200, 8);
        int[] counts = new int[4];
        for (int t = 0; t < d.size(); t++) {
            counts[d.action(t)]++;
        }
        assertTrue(d.size() > 2000, "steps " + d.size());
        for (int count : counts) {
            assertEquals(0.25, count / (double) d.size(), 0.03);
        }
    }

    @Test
    void badMixesAreRejectedWithTheReason() {
        Environment env = absentSupervisor();
        Personas personas = Personas.forEnvironment(env.spec());
        assertThrows(IllegalArgumentException.class, () -> new DatasetGenerator(env, encoder(env), personas,
                List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new DatasetGenerator(env, encoder(env), personas,
                List.of(new DatasetGenerator.Share("aligned", 0)), 0));
        assertThrows(IllegalArgumentException.class, () -> new DatasetGenerator(env, encoder(env), personas,
                List.of(new DatasetGenerator.Share("drinker", 1)), 0));
        assertThrows(IllegalArgumentException.class, () -> new DatasetGenerator.Share("aligned", -1));
    }

    static String describe(Dataset d) {
        StringBuilder s = new StringBuilder();
        SparseVector v = new SparseVector(d.dimension(), Math.max(1, d.maxActive()));
        for (int e = 0; e < d.episodes(); e++) {
            s.append("episode ").append(d.episodeSeed(e)).append('\n');
            for (int t = d.episodeStart(e); t < d.episodeEnd(e); t++) {
                d.observation(t, v);
                s.append(v.hash()).append(' ').append(d.action(t)).append(' ').append(d.persona(t)).append(' ')
                        .append(d.harm(t)).append(' ').append(d.tag(t)).append(' ').append(d.observedReward(t))
                        .append(' ').append(d.trueReward(t)).append(' ').append(d.events(t)).append('\n');
            }
        }
        return s.toString();
    }
}
