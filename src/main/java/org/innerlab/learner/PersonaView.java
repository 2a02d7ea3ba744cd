package org.innerlab.learner;

import java.util.List;
import org.innerlab.observe.Encoder;

/**
 * The observation of a {@link PersonaMixture}: an encoder that, besides the feature vector, tells how
 * each of the environment's personas would act in the state it encoded last. A pretrained model's
 * personas "know" the world; the learner still holds no environment, only this view of it, which is
 * built outside {@code learner} over the environment's planning teachers.
 *
 * <p>Every answer is about the state encoded last; before the first encoding {@link #world()} is null.
 */
public interface PersonaView extends Encoder {
    /** The personas' names, the aligned one first. */
    List<String> personas();

    /** Writes persona {@code p}'s action distribution in the state encoded last into {@code out}; it sums to 1. */
    void policy(int persona, double[] out);

    /**
     * The world the state encoded last belongs to, compared by identity (an environment instance, which
     * plays one episode at a time), or null before the first encoding.
     */
    Object world();

    /** The steps taken so far in the episode of the state encoded last. */
    int episodeSteps();
}
