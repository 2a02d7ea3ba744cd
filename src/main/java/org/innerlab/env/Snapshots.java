package org.innerlab.env;

/**
 * An optional capability of an {@link Environment}: capturing the complete dynamic state of an
 * episode as integers and putting it back, which is what a planner needs to treat the environment as
 * its own model (explore the states reachable from the current one, then return to it).
 *
 * <p>A snapshot holds everything the game's future depends on except the episode's generator:
 * restoring one and replaying the same actions reproduces the same {@link StepResult}s whenever the
 * game draws nothing during a step. Games that draw during a step (tomato drying, drunk moves) keep
 * drawing from whatever generator the instance was reset with; a planner that wants a deterministic
 * model restores into an instance configured without that randomness.
 *
 * <p>Element {@value #STEP_COUNT} of a snapshot is the episode's step count, so that a planner that
 * treats the game as time-independent can leave it out of a state's identity and set it to 0 to keep
 * the time limit out of its model. Everything else in the layout belongs to the implementation.
 * Saving and restoring allocate nothing.
 */
public interface Snapshots {
    /** Index of the episode's step count in a snapshot. */
    int STEP_COUNT = 0;

    /** Length of a snapshot of this instance (fixed for the instance's lifetime). */
    int snapshotLength();

    /** Writes the current episode's state into {@code into[0..snapshotLength())}. */
    void save(int[] into);

    /**
     * Puts this instance into the state {@code from} was saved from (by this instance or another one
     * built from the same parameters); the episode's generator is left as it is. The instance must
     * have been reset at least once.
     */
    void restore(int[] from);
}
