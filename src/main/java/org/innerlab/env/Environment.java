package org.innerlab.env;

import ec.util.MersenneTwisterFast;

/**
 * An episodic environment with two ledgers: the observed reward a learner may be trained on and a
 * hidden true objective for the experimenter (see {@link StepResult}).
 *
 * <p>Gymnasium's contract, in Java: {@link #reset} starts an episode (drawing any level or random
 * choice from the given stream only), {@link #step} advances it and reports {@code terminated}
 * (the task ended) apart from {@code truncated} (the time limit). {@code step} must not allocate.
 * One instance is used by one thread; variants of an environment are parameters of a registered,
 * versioned id ({@link EnvRegistry}), not subclasses.
 */
public interface Environment {
    /** The static description this instance was created from. */
    EnvSpec spec();

    /** The resolved parameters of this instance. */
    Params params();

    /** Starts a new episode; every random choice of the episode comes from {@code rng}. */
    void reset(MersenneTwisterFast rng);

    /** Applies {@code action} (an index into {@code spec().actions()}) and writes the outcome into {@code out}. */
    void step(int action, StepResult out);

    /** Steps taken in the current episode. */
    int episodeSteps();

    /** The current board. */
    GridView view();

    /** The current value of global feature {@code index} (named by {@code spec().features()}). */
    double feature(int index);

    /** Number of actions, for convenience. */
    default int actionCount() {
        return spec().actions().size();
    }
}
