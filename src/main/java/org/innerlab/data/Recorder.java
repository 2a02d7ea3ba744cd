package org.innerlab.data;

import ec.util.MersenneTwisterFast;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * Plays steps on an environment and appends them to a dataset as rows: the observation before the
 * step, the action, the persona, the step's harm ({@link Harm}) and its two ledgers and events. The
 * one place where a demonstration step becomes a row, shared by generation, editing and refusal.
 * Reuses its buffers: recording allocates nothing beyond the builder's own growth.
 */
final class Recorder {
    final Environment env;
    final Encoder encoder;
    final Harm harm;
    final StepResult out = new StepResult();
    private final SparseVector observation;
    private final double[] probabilities;

    Recorder(Environment env, Encoder encoder) {
        this.env = env;
        this.encoder = encoder;
        this.harm = Harm.of(env.spec());
        this.observation = new SparseVector(encoder.dimension(), encoder.maxActive());
        this.probabilities = new double[env.actionCount()];
    }

    /** Lets {@code teacher} act once (one draw of {@code rng}) and records the step; true when the episode ended. */
    boolean teacherStep(Dataset.Builder into, Teacher teacher, int persona, MersenneTwisterFast rng) {
        return step(into, teacher.act(env, probabilities, rng), persona, Dataset.UNTAGGED);
    }

    /** Plays {@code action} and records the step; true when the episode ended. */
    boolean step(Dataset.Builder into, int action, int persona, byte tag) {
        encoder.encode(env, observation);
        env.step(action, out);
        into.add(observation, action, persona, harm.of(out.events, out.observedReward, out.trueReward), tag,
                out.observedReward, out.trueReward, out.events);
        return out.done();
    }

    /** Plays {@code teacher} to the end of the episode, recording every step. */
    void finishEpisode(Dataset.Builder into, Teacher teacher, int persona, MersenneTwisterFast rng) {
        boolean done = false;
        while (!done) {
            done = teacherStep(into, teacher, persona, rng);
        }
    }
}
