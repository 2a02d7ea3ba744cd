package org.innerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

/** Each operator on a small generated absent-supervisor dataset: 60 episodes, half shortcut, ε = 0.1. */
class CurationTest {
    private final Environment env = DatasetGeneratorTest.absentSupervisor();
    private final Encoder encoder = DatasetGeneratorTest.encoder(env);
    private final Dataset data = DatasetGeneratorTest.generate(env, 0.5, 0.1, 60, 21);
    private final Curation.Context context = new Curation.Context(env, encoder,
            Personas.forEnvironment(env.spec()).teacher("aligned"), new Seeds(4));

    private static int harmfulEpisodes(Dataset d) {
        int n = 0;
        for (int e = 0; e < d.episodes(); e++) {
            n += Curation.episodeHarm(d, e) > 0 ? 1 : 0;
        }
        return n;
    }

    private static int harmfulSteps(Dataset d) {
        int n = 0;
        for (int t = 0; t < d.size(); t++) {
            n += d.harm(t) > 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void theGeneratedDatasetHasBothHarmfulAndHarmlessEpisodes() {
        int harmful = harmfulEpisodes(data);
        assertTrue(harmful >= 10 && harmful <= 50, "harmful episodes " + harmful);
    }

    @Test
    void filterDropsEpisodesAboveTheHarmThresholdAndKeepsTheRestIntact() {
        Dataset filtered = new Filter(0, Curation.Unit.EPISODE).apply(data, context);
        assertEquals(data.episodes() - harmfulEpisodes(data), filtered.episodes());
        assertEquals(0, harmfulEpisodes(filtered));
        int kept = 0;
        for (int e = 0; e < data.episodes(); e++) {
            if (Curation.episodeHarm(data, e) == 0) {
                assertEquals(data.episodeSeed(e), filtered.episodeSeed(kept));
                assertEquals(data.episodeEnd(e) - data.episodeStart(e), filtered.episodeEnd(kept) - filtered.episodeStart(kept));
                kept++;
            }
        }
        Dataset lenient = new Filter(1, Curation.Unit.EPISODE).apply(data, context);
        assertEquals(data.size(), lenient.size());
    }

    @Test
    void filterByStepDropsOnlyTheHarmfulSteps() {
        Dataset filtered = new Filter(0, Curation.Unit.STEP).apply(data, context);
        assertEquals(data.episodes(), filtered.episodes());
        assertEquals(data.size() - harmfulSteps(data), filtered.size());
        assertEquals(0, harmfulSteps(filtered));
    }

    @Test
    void tagMarksEveryRowOfAHarmfulEpisodeBadAndOfAHarmlessOneGood() {
        Dataset tagged = new Tag(1, Curation.Unit.EPISODE).apply(data, context);
        for (int e = 0; e < tagged.episodes(); e++) {
            byte expected = Curation.episodeHarm(tagged, e) > 0 ? Dataset.BAD : Dataset.GOOD;
            for (int t = tagged.episodeStart(e); t < tagged.episodeEnd(e); t++) {
                assertEquals(expected, tagged.tag(t));
            }
        }
        Dataset untagged = new Tag(0, Curation.Unit.EPISODE).apply(data, context);
        for (int t = 0; t < untagged.size(); t++) {
            assertEquals(Dataset.UNTAGGED, untagged.tag(t));
        }
    }

    @Test
    void tagByStepMarksOnlyTheHarmfulStepsBad() {
        Dataset tagged = new Tag(1, Curation.Unit.STEP).apply(data, context);
        for (int t = 0; t < tagged.size(); t++) {
            assertEquals(tagged.harm(t) > 0 ? Dataset.BAD : Dataset.GOOD, tagged.tag(t));
        }
    }

    /** A fraction tags whole episodes: over 60 episodes, 30 ± 4σ (σ ≈ 3.9) are tagged, all rows alike. */
    @Test
    void tagWithAFractionTagsWholeEpisodesAboutThatOften() {
        Dataset tagged = new Tag(0.5, Curation.Unit.EPISODE).apply(data, context);
        int count = 0;
        for (int e = 0; e < tagged.episodes(); e++) {
            boolean first = tagged.tag(tagged.episodeStart(e)) != Dataset.UNTAGGED;
            for (int t = tagged.episodeStart(e); t < tagged.episodeEnd(e); t++) {
                assertEquals(first, tagged.tag(t) != Dataset.UNTAGGED);
            }
            count += first ? 1 : 0;
        }
        assertEquals(30, count, 4 * Math.sqrt(60 * 0.25));
    }

    @Test
    void editReplacesTheHarmfulSegmentWithTheAlignedContinuationFromTheSameState() {
        Dataset edited = new Edit().apply(data, context);
        assertEquals(data.episodes(), edited.episodes());
        assertEquals(0, harmfulEpisodes(edited));
        int aligned = edited.personas().indexOf("aligned");
        StepResult out = new StepResult();
        SparseVector a = new SparseVector(encoder.dimension(), encoder.maxActive());
        SparseVector b = new SparseVector(encoder.dimension(), encoder.maxActive());
        int editedEpisodes = 0;
        for (int e = 0; e < data.episodes(); e++) {
            int harmful = Edit.firstAbove(data, e, 0);
            int prefix = (harmful < 0 ? data.episodeEnd(e) : harmful) - data.episodeStart(e);
            for (int i = 0; i < prefix; i++) {
                assertEquals(data.action(data.episodeStart(e) + i), edited.action(edited.episodeStart(e) + i));
            }
            if (harmful < 0) {
                assertEquals(data.episodeEnd(e) - data.episodeStart(e), edited.episodeEnd(e) - edited.episodeStart(e));
                continue;
            }
            editedEpisodes++;
            // The continuation starts at the state the harmful step started from, by the aligned persona.
            data.observation(harmful, a);
            edited.observation(edited.episodeStart(e) + prefix, b);
            assertEquals(a.hash(), b.hash());
            long events = 0;
            edited.replay(e, 0, env, out);
            for (int t = edited.episodeStart(e); t < edited.episodeEnd(e); t++) {
                if (t >= edited.episodeStart(e) + prefix) {
                    assertEquals(aligned, edited.persona(t));
                }
                env.step(edited.action(t), out);
                assertEquals(edited.events(t), out.events);
                events |= out.events;
            }
            assertTrue(out.done());
            assertTrue(env.spec().intendedSuccess().test(events), "edited episode " + e + " reached the goal safely");
        }
        assertEquals(harmfulEpisodes(data), editedEpisodes);
    }

    @Test
    void refuseIsRejectedWhereTheEnvironmentHasNoFallbackAction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Refuse().apply(data, context));
        assertTrue(e.getMessage().contains("NOOP"), e.getMessage());
    }

    @Test
    void refuseEndsAHarmfulDemonstrationWithTheSafeFallbackAtTheHarmfulState() {
        Environment sokoban = EnvRegistry.create("asg-side-effects-sokoban-v1", Map.of("noops", true));
        Encoder full = new org.innerlab.observe.FullBoardEncoder(sokoban);
        Personas personas = Personas.forEnvironment(sokoban.spec());
        Dataset corner = new DatasetGenerator(sokoban, full, personas,
                List.of(new DatasetGenerator.Share("aligned", 1), new DatasetGenerator.Share("corner", 1)), 0)
                .generate(20, new Seeds(2));
        assertTrue(harmfulEpisodes(corner) > 0);
        Curation.Context sokobanContext = new Curation.Context(sokoban, full, personas.teacher("aligned"), new Seeds(3));
        Dataset refused = new Refuse().apply(corner, sokobanContext);
        int noop = sokoban.spec().action("NOOP");
        StepResult out = new StepResult();
        for (int e = 0; e < corner.episodes(); e++) {
            int harmful = Edit.firstAbove(corner, e, 0);
            if (harmful < 0) {
                assertEquals(corner.episodeEnd(e) - corner.episodeStart(e), refused.episodeEnd(e) - refused.episodeStart(e));
                continue;
            }
            int last = refused.episodeEnd(e) - 1;
            assertEquals(harmful - corner.episodeStart(e), last - refused.episodeStart(e));
            assertEquals(noop, refused.action(last));
            assertEquals(0.0, refused.harm(last));
            assertEquals(corner.persona(harmful), refused.persona(last));
            refused.replay(e, last - refused.episodeStart(e) + 1, sokoban, out);
            assertEquals(refused.events(last), out.events);
        }
        assertEquals(0, harmfulEpisodes(refused));
    }

    @Test
    void upsampleRepeatsTheMatchingEpisodesByTheFactor() {
        int shortcut = data.personas().indexOf("shortcut");
        int matching = 0;
        for (int e = 0; e < data.episodes(); e++) {
            matching += data.persona(data.episodeStart(e)) == shortcut ? 1 : 0;
        }
        Dataset up = new Upsample("shortcut", null, 3).apply(data, context);
        assertEquals(data.episodes() + 2 * matching, up.episodes());
        Dataset tagged = new Tag(1, Curation.Unit.EPISODE).apply(data, context);
        Dataset good = new Upsample(null, Dataset.GOOD, 2).apply(tagged, context);
        assertEquals(2 * data.episodes() - harmfulEpisodes(data), good.episodes());
        assertThrows(IllegalArgumentException.class, () -> new Upsample("drinker", null, 2).apply(data, context));
    }

    @Test
    void operatorsComposeLeftToRight() {
        Dataset editedThenTagged = Curation.pipeline(List.of(new Edit(), new Tag(1, Curation.Unit.EPISODE)))
                .apply(data, context);
        for (int t = 0; t < editedThenTagged.size(); t++) {
            assertEquals(Dataset.GOOD, editedThenTagged.tag(t));
        }
        Dataset taggedThenFiltered = new Tag(1, Curation.Unit.EPISODE).then(new Filter(0, Curation.Unit.EPISODE))
                .apply(data, context);
        assertEquals(data.episodes() - harmfulEpisodes(data), taggedThenFiltered.episodes());
        assertEquals(data.size(), Curation.pipeline(List.of()).apply(data, context).size());
    }
}
