package org.innerlab.env;

/**
 * The capability of an environment small enough to hand over its exact model: a finite set of states,
 * the state every episode starts in, and for each state and action the few outcomes a step can have,
 * each with its probability, successor state and the events ({@link StepResult#events} bits of
 * {@code spec().events()}) it raises. Analyses that need the whole transition structure, such as exact
 * POWER by value iteration (Turner et al. 2021), read it through this interface without knowing the
 * environment's class.
 *
 * <p>Terminal states are absorbing in the model: every action leads back to the state itself with
 * probability 1 and raises nothing, so that a state-based reward is earned there for ever (the
 * absorbing 1-cycles of Turner et al.). The time limit is not part of the model; {@link #horizon()}
 * says how long an episode lasts.
 *
 * <p>An environment that offers its model declares the parameters {@value #SAMPLES} (how many reward
 * functions an analysis samples), {@value #REWARDS} (from which distribution) and {@value #DISCOUNT}, so
 * that a scenario can tell from the environment's spec, before anything runs, that it will be analysed.
 */
public interface TabularMdp {
    /** The parameter naming how many reward functions an analysis of the model samples. */
    String SAMPLES = "power_samples";
    /** The parameter naming the distribution of the sampled reward functions. */
    String REWARDS = "power_rewards";
    /**
     * The parameter naming the discount of the analysis: 0 means the γ of the last training stage that
     * has one, so that POWER is computed for the horizon the learner is trained with.
     */
    String DISCOUNT = "power_discount";

    /** Number of states; states are {@code 0 .. stateCount() - 1}. */
    int stateCount();

    /** The state every episode starts in. */
    int startState();

    /** Number of actions, the same in every state. */
    int actionCount();

    /** How many outcomes taking {@code action} in {@code state} can have (at least 1). */
    int outcomes(int state, int action);

    /** The state outcome {@code outcome} of ({@code state}, {@code action}) leads to. */
    int successor(int state, int action, int outcome);

    /** The probability of that outcome; a state's outcomes sum to 1 for each action. */
    double probability(int state, int action, int outcome);

    /** The events that outcome raises, as bits of the environment's event list. */
    long events(int state, int action, int outcome);

    /**
     * The place {@code state} is in, shared by states that differ only in what the agent holds or has
     * done (a key, a disabled switch); a reward distribution over places draws one reward per place.
     * Places are {@code 0 .. stateCount() - 1}; by default every state is its own place.
     */
    default int place(int state) {
        return state;
    }

    /** Steps an episode lasts at most (the environment's time limit). */
    int horizon();
}
