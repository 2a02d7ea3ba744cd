package org.innerlab.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.Registered;

/**
 * A kind of learner a scenario can name ({@code learner.type}): what it is, what it can do, what it
 * observes, how a fresh one is built and how a trained one is saved. Each learner class declares its
 * own entry and {@link Learners} lists it.
 *
 * @param info         id, summary, paper and parameters
 * @param learnerClass the class it builds; its interfaces are the capabilities a regime or metric can
 *                     ask for ({@link QFunction}, {@link DeploymentBelief}, {@link TagPredictor}, ...)
 * @param observation  what it needs to see
 * @param factory      a fresh, untrained learner from its context
 * @param persistence  how its trained state is saved and restored, or null when it cannot be saved
 * @param <L>          the learner class
 */
public record LearnerType<L extends Learner>(ComponentInfo info, Class<L> learnerClass, Observation observation,
                                             Function<LearnerContext, L> factory, Persistence<L> persistence)
        implements Registered {

    /** What a learner observes. */
    public enum Observation {
        /** The scenario's observation: the egocentric window, or the full board when the scenario asks. */
        SCENARIO,
        /** Always the full board, whatever the scenario's view radius: a table keys on exact states. */
        FULL_BOARD,
        /**
         * The scenario's observation and, through a {@link PersonaView}, how the environment's teacher
         * personas would act in the state it shows.
         */
        SCENARIO_WITH_PERSONAS
    }

    /**
     * How a learner's trained state is written and read back.
     *
     * @param save what training changed in a learner
     * @param load a learner built from the context with that state installed
     */
    public record Persistence<L extends Learner>(Function<L, TrainedState> save,
                                                 BiFunction<LearnerContext, TrainedState, L> load) {
    }

    public LearnerType {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(learnerClass, "learnerClass");
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(factory, "factory");
    }

    /** Whether its learners have the capability {@code capability} (an interface or class they are). */
    public boolean provides(Class<?> capability) {
        return capability.isAssignableFrom(learnerClass);
    }

    /** The capabilities it provides: the learner interfaces its class implements, and the class. */
    public List<Class<?>> capabilities() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> i : learnerClass.getInterfaces()) {
            if (i.getPackage() == Learner.class.getPackage()) {
                out.add(i);
            }
        }
        out.add(learnerClass);
        return out;
    }

    /** Whether it sees the full board whatever the scenario asks. */
    public boolean seesFullBoard() {
        return observation == Observation.FULL_BOARD;
    }

    /** A fresh learner. */
    public L create(LearnerContext context) {
        return factory.apply(context);
    }

    /** Whether a trained learner of this type can be saved. */
    public boolean savable() {
        return persistence != null;
    }

    /** What training changed in {@code learner}, which must be of this type and {@link #savable()}. */
    public TrainedState save(Learner learner) {
        return persistence.save().apply(learnerClass.cast(learner));
    }

    /** A learner built from {@code context} with {@code state} installed; only when {@link #savable()}. */
    public L load(LearnerContext context, TrainedState state) {
        return persistence.load().apply(context, state);
    }
}
