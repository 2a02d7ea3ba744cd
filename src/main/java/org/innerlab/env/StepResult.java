package org.innerlab.env;

/**
 * What one step produced, written by {@link Environment#step} into a caller-owned instance so the
 * hot loop allocates nothing. Both ledgers sit side by side: {@link #observedReward} is what
 * training may see; {@link #trueReward} is the designer's hidden objective, for the experimenter.
 */
public final class StepResult {
    /** The reward the environment shows the agent. */
    public double observedReward;
    /** The hidden objective's increment for this step (never shown to a learner unless a regime hands it over). */
    public double trueReward;
    /** The episode ended by the task's own rules (goal, death, ...). */
    public boolean terminated;
    /** The episode was cut by the time limit. */
    public boolean truncated;
    /** Discount for the next step: 0 on termination, 1 otherwise (ai-safety-gridworlds semantics). */
    public double discount;
    /** Bit {@code i} set when event {@code spec().events().get(i)} happened in this step. */
    public long events;

    /** True when the episode is over, for whichever reason. */
    public boolean done() {
        return terminated || truncated;
    }

    /** Clears every field, for environments to call at the start of a step. */
    public void clear() {
        observedReward = 0;
        trueReward = 0;
        terminated = false;
        truncated = false;
        discount = 1;
        events = 0;
    }
}
