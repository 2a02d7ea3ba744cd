package org.innerlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.innerlab.core.Seeds;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.SparseVector;

/**
 * Demonstrations as flat arrays, one row per step, rows of an episode contiguous and in order.
 *
 * <p>Each step keeps what behaviour cloning trains on (the encoded observation, the action, the
 * control tag) and what curation acts on (the persona that acted, a harm score, the two ledgers'
 * rewards and the step's events). Each episode keeps the seed its environment was reset with, so an
 * episode can be replayed exactly (reset with that seed, apply the recorded actions) and continued
 * differently from any of its states, which is how data editing works. Observations are stored as
 * sparse rows (CSR), so a dataset of a million steps of one-hot views fits in tens of megabytes.
 * Instances are immutable; curation builds new ones.
 */
public final class Dataset {
    /** Tag value of a step that carries no control tag. */
    public static final byte UNTAGGED = -1;
    /** Control tag "good". */
    public static final byte GOOD = 0;
    /** Control tag "bad". */
    public static final byte BAD = 1;

    private final int dimension;
    private final int actionCount;
    private final List<String> personas;
    private final int[] episodeStart;
    private final long[] episodeSeed;
    private final int[] action;
    private final int[] persona;
    private final double[] harm;
    private final byte[] tag;
    private final double[] observedReward;
    private final double[] trueReward;
    private final long[] events;
    private final int[] featureStart;
    private final int[] featureIndex;
    private final double[] featureValue;

    private Dataset(Builder b) {
        this.dimension = b.dimension;
        this.actionCount = b.actionCount;
        this.personas = b.personas;
        this.episodeStart = Arrays.copyOf(b.episodeStart, b.episodes + 1);
        this.episodeStart[b.episodes] = b.steps;
        this.episodeSeed = Arrays.copyOf(b.episodeSeed, b.episodes);
        this.action = Arrays.copyOf(b.action, b.steps);
        this.persona = Arrays.copyOf(b.persona, b.steps);
        this.harm = Arrays.copyOf(b.harm, b.steps);
        this.tag = Arrays.copyOf(b.tag, b.steps);
        this.observedReward = Arrays.copyOf(b.observedReward, b.steps);
        this.trueReward = Arrays.copyOf(b.trueReward, b.steps);
        this.events = Arrays.copyOf(b.events, b.steps);
        this.featureStart = Arrays.copyOf(b.featureStart, b.steps + 1);
        this.featureStart[b.steps] = b.features;
        this.featureIndex = Arrays.copyOf(b.featureIndex, b.features);
        this.featureValue = Arrays.copyOf(b.featureValue, b.features);
    }

    /** Length of the encoded observations. */
    public int dimension() {
        return dimension;
    }

    public int actionCount() {
        return actionCount;
    }

    /** Persona names; a step's {@link #persona(int)} indexes this list. */
    public List<String> personas() {
        return personas;
    }

    /** Number of steps. */
    public int size() {
        return action.length;
    }

    public int episodes() {
        return episodeSeed.length;
    }

    /** First step of episode {@code e}. */
    public int episodeStart(int e) {
        return episodeStart[e];
    }

    /** One past the last step of episode {@code e}. */
    public int episodeEnd(int e) {
        return episodeStart[e + 1];
    }

    /** The seed episode {@code e}'s environment was reset with ({@code Seeds.generator(seed)}). */
    public long episodeSeed(int e) {
        return episodeSeed[e];
    }

    public int action(int step) {
        return action[step];
    }

    public int persona(int step) {
        return persona[step];
    }

    /** How harmful the step was, ≥ 0 (0 = harmless); the generator defines it from events and true reward. */
    public double harm(int step) {
        return harm[step];
    }

    /** {@link #UNTAGGED}, {@link #GOOD} or {@link #BAD}. */
    public byte tag(int step) {
        return tag[step];
    }

    public double observedReward(int step) {
        return observedReward[step];
    }

    public double trueReward(int step) {
        return trueReward[step];
    }

    /** The step's event bitmask (bit i = the environment spec's event i). */
    public long events(int step) {
        return events[step];
    }

    /** Copies step {@code step}'s encoded observation into {@code out}; allocation-free. */
    public void observation(int step, SparseVector out) {
        out.clear();
        for (int k = featureStart[step]; k < featureStart[step + 1]; k++) {
            out.add(featureIndex[k], featureValue[k]);
        }
    }

    /** Most non-zero features of any step, to size a {@link SparseVector}. */
    public int maxActive() {
        int max = 0;
        for (int s = 0; s < action.length; s++) {
            max = Math.max(max, featureStart[s + 1] - featureStart[s]);
        }
        return max;
    }

    /**
     * Puts {@code env} where episode {@code e} stood before its step {@code episodeStart(e) + steps}:
     * resets it with {@code Seeds.generator(episodeSeed(e))} and applies the episode's first {@code steps}
     * recorded actions. {@code env} must be built from the parameters the episode was generated with;
     * {@code out} holds the last replayed step's result.
     */
    public void replay(int e, int steps, Environment env, StepResult out) {
        if (steps < 0 || steps > episodeEnd(e) - episodeStart(e)) {
            throw new IllegalArgumentException("episode " + e + " has " + (episodeEnd(e) - episodeStart(e))
                    + " steps, cannot replay " + steps);
        }
        env.reset(Seeds.generator(episodeSeed(e)));
        out.clear();
        for (int t = episodeStart(e); t < episodeStart(e) + steps; t++) {
            env.step(action[t], out);
        }
    }

    /** A builder for a dataset with the same dimension, actions and personas as this one. */
    public Builder emptyLike() {
        return new Builder(dimension, actionCount, personas);
    }

    /** Accumulates steps episode by episode; call {@link #startEpisode} before an episode's steps. */
    public static final class Builder {
        private final int dimension;
        private final int actionCount;
        private final List<String> personas;
        private int episodes;
        private int steps;
        private int features;
        private int[] episodeStart = new int[16];
        private long[] episodeSeed = new long[16];
        private int[] action = new int[256];
        private int[] persona = new int[256];
        private double[] harm = new double[256];
        private byte[] tag = new byte[256];
        private double[] observedReward = new double[256];
        private double[] trueReward = new double[256];
        private long[] events = new long[256];
        private int[] featureStart = new int[257];
        private int[] featureIndex = new int[1024];
        private double[] featureValue = new double[1024];

        public Builder(int dimension, int actionCount, List<String> personas) {
            this.dimension = dimension;
            this.actionCount = actionCount;
            this.personas = List.copyOf(Objects.requireNonNull(personas, "personas"));
        }

        /** Starts an episode whose environment was reset with {@code Seeds.generator(seed)}. */
        public Builder startEpisode(long seed) {
            if (episodes + 1 >= episodeStart.length) {
                episodeStart = Arrays.copyOf(episodeStart, episodeStart.length * 2);
                episodeSeed = Arrays.copyOf(episodeSeed, episodeSeed.length * 2);
            }
            episodeStart[episodes] = steps;
            episodeSeed[episodes] = seed;
            episodes++;
            return this;
        }

        /** Appends a step to the current episode. */
        public Builder add(SparseVector observation, int stepAction, int stepPersona, double stepHarm, byte stepTag,
                           double stepObservedReward, double stepTrueReward, long stepEvents) {
            if (episodes == 0) {
                throw new IllegalStateException("startEpisode before adding steps");
            }
            if (stepAction < 0 || stepAction >= actionCount) {
                throw new IllegalArgumentException("action " + stepAction + " not in [0, " + actionCount + ")");
            }
            if (stepPersona < 0 || stepPersona >= personas.size()) {
                throw new IllegalArgumentException("persona " + stepPersona + " not in " + personas);
            }
            if (stepTag != UNTAGGED && stepTag != GOOD && stepTag != BAD) {
                throw new IllegalArgumentException("tag must be UNTAGGED, GOOD or BAD, got " + stepTag);
            }
            if (observation.dimension() != dimension) {
                throw new IllegalArgumentException("observation of dimension " + observation.dimension()
                        + " in a dataset of dimension " + dimension);
            }
            if (steps + 1 >= action.length) {
                int n = action.length * 2;
                action = Arrays.copyOf(action, n);
                persona = Arrays.copyOf(persona, n);
                harm = Arrays.copyOf(harm, n);
                tag = Arrays.copyOf(tag, n);
                observedReward = Arrays.copyOf(observedReward, n);
                trueReward = Arrays.copyOf(trueReward, n);
                events = Arrays.copyOf(events, n);
                featureStart = Arrays.copyOf(featureStart, n + 1);
            }
            if (features + observation.size > featureIndex.length) {
                int n = Math.max(featureIndex.length * 2, features + observation.size);
                featureIndex = Arrays.copyOf(featureIndex, n);
                featureValue = Arrays.copyOf(featureValue, n);
            }
            featureStart[steps] = features;
            System.arraycopy(observation.index, 0, featureIndex, features, observation.size);
            System.arraycopy(observation.value, 0, featureValue, features, observation.size);
            features += observation.size;
            action[steps] = stepAction;
            persona[steps] = stepPersona;
            harm[steps] = stepHarm;
            tag[steps] = stepTag;
            observedReward[steps] = stepObservedReward;
            trueReward[steps] = stepTrueReward;
            events[steps] = stepEvents;
            steps++;
            return this;
        }

        /** Appends step {@code step} of {@code source} (same dimension) with tag {@code tag}. */
        public Builder copy(Dataset source, int step, byte tag, SparseVector scratch) {
            source.observation(step, scratch);
            return add(scratch, source.action(step), source.persona(step), source.harm(step), tag,
                    source.observedReward(step), source.trueReward(step), source.events(step));
        }

        public Dataset build() {
            return new Dataset(this);
        }
    }
}
