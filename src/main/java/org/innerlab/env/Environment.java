package org.innerlab.env;

import ec.util.MersenneTwisterFast;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * The current value of per-episode counter {@code index} (named by {@code spec().counters()}), read
     * by the evaluator when an episode ends; environments without counters never get this call.
     */
    default int counter(int index) {
        throw new IndexOutOfBoundsException(spec().id() + " declares no counter " + index);
    }

    /**
     * Number of valid actions of this instance: {@code spec().actions().size()} unless a parameter
     * removes some (e.g. an ai-safety-gridworld whose {@code noops} is false has no {@code NOOP}).
     */
    default int actionCount() {
        return spec().actions().size();
    }

    /**
     * This instance's parameters with every random choice of the current (or last) episode replaced by
     * the value it took (e.g. {@code supervisor: random} becomes {@code present}), so that an instance
     * built from these settings makes the same choices. Per-step randomness that no parameter can fix
     * still comes from the generator given to {@link #reset}.
     */
    default Map<String, Object> episodeSettings() {
        return params().asMap();
    }

    /**
     * {@link #episodeSettings()} as a person reads them: a parameter whose declared value stands for one
     * the environment computes (a {@code time_limit} of 0 meaning a multiple of the size) shows the value
     * in use. Not for rebuilding an instance: the computed value may be outside the parameter's range.
     */
    default Map<String, Object> resolvedSettings() {
        return episodeSettings();
    }

    /** {@code settings} with {@code time_limit} set to {@code limit}, the step limit in use. */
    static Map<String, Object> withTimeLimit(Map<String, Object> settings, int limit) {
        Map<String, Object> resolved = new LinkedHashMap<>(settings);
        resolved.put("time_limit", limit);
        return resolved;
    }
}
