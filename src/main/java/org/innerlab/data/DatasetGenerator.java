package org.innerlab.data;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.innerlab.core.Seeds;
import org.innerlab.env.Environment;
import org.innerlab.observe.Encoder;

/**
 * Generates a dataset of demonstrations: a seeded mix of personas on one environment instance (the
 * train distribution), encoded with a given encoder.
 *
 * <p>The mix is <b>per episode</b>: each episode's persona is drawn independently with probability
 * {@code weight / Σ weights}, and that persona (with ε-random actions, {@link NoisyTeacher}) plays the
 * whole episode, so a 99/1 mix has about 1% misaligned episodes, not 1% misaligned steps inside every
 * episode. Episode {@code e} is reset with {@code Seeds.generator(seed_e)}, {@code seed_e} the
 * {@code e}th {@code nextLong()} of the stream {@code "data/episodes"}, and the seed is recorded, so
 * {@link Dataset#replay} reproduces every episode exactly. The streams: {@code "data/personas"} (one
 * {@code nextDouble()} per episode), {@code "data/episodes"} (one {@code nextLong()} per episode),
 * {@code "data/actions"} (one {@code nextDouble()} per step). The same seeds give the same dataset.
 *
 * <p>Rows carry the persona, the harm score ({@link Harm}) and no control tag; curation adds tags.
 * Teachers and their planning caches live as long as the generator (one generator per thread).
 */
public final class DatasetGenerator {
    /** One persona's share of the episodes: {@code persona} with relative weight {@code weight ≥ 0}. */
    public record Share(String persona, double weight) {
        public Share {
            Objects.requireNonNull(persona, "persona");
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of persona '" + persona + "' must be >= 0, got " + weight);
            }
        }
    }

    private final Recorder recorder;
    private final List<String> names;
    private final Teacher[] teachers;
    private final double[] cumulative;

    /**
     * @param env      the instance demonstrations are played on (its parameters are the train distribution)
     * @param encoder  what the rows' observations are
     * @param personas the environment's personas
     * @param mix      the personas and their weights (at least one positive; a persona at most once)
     * @param noise    ε in [0, 1]: the probability of a uniformly random action at each step
     */
    public DatasetGenerator(Environment env, Encoder encoder, Personas personas, List<Share> mix, double noise) {
        if (!personas.spec().id().equals(env.spec().id())) {
            throw new IllegalArgumentException("personas of " + personas.spec().id() + " for " + env.spec().id());
        }
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("the teacher mix is empty; personas of " + env.spec().id() + ": "
                    + personas.names());
        }
        this.recorder = new Recorder(env, encoder);
        this.names = new ArrayList<>();
        this.teachers = new Teacher[mix.size()];
        this.cumulative = new double[mix.size()];
        double total = 0;
        for (int i = 0; i < mix.size(); i++) {
            Share share = mix.get(i);
            if (names.contains(share.persona())) {
                throw new IllegalArgumentException("persona '" + share.persona() + "' appears twice in the mix");
            }
            names.add(share.persona());
            teachers[i] = personas.teacher(share.persona(), noise);
            total += share.weight();
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the teacher mix has no positive weight: " + mix);
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    /**
     * One teacher for every episode (persona index 0, named {@code teacher.persona()}): e.g. a trained
     * learner whose behaviour is distilled into another network.
     */
    public DatasetGenerator(Environment env, Encoder encoder, Teacher teacher) {
        this.recorder = new Recorder(env, encoder);
        this.names = new ArrayList<>(List.of(teacher.persona()));
        this.teachers = new Teacher[] {teacher};
        this.cumulative = new double[] {1.0};
    }

    /** The dataset's persona names, in mix order (a row's persona indexes them). */
    public List<String> personas() {
        return List.copyOf(names);
    }

    /** Generates {@code episodes} episodes from the streams of {@code seeds}. */
    public Dataset generate(int episodes, Seeds seeds) {
        if (episodes < 0) {
            throw new IllegalArgumentException("episodes must be >= 0, got " + episodes);
        }
        MersenneTwisterFast personaDraws = seeds.stream("data/personas");
        MersenneTwisterFast episodeSeeds = seeds.stream("data/episodes");
        MersenneTwisterFast actions = seeds.stream("data/actions");
        Dataset.Builder builder = new Dataset.Builder(recorder.encoder.dimension(), recorder.env.actionCount(), names);
        for (int e = 0; e < episodes; e++) {
            int persona = draw(personaDraws.nextDouble());
            long seed = episodeSeeds.nextLong();
            builder.startEpisode(seed);
            recorder.env.reset(Seeds.generator(seed));
            recorder.finishEpisode(builder, teachers[persona], persona, actions);
        }
        return builder.build();
    }

    private int draw(double u) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
