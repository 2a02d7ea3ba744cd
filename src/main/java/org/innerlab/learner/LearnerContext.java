package org.innerlab.learner;

import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvSpec;
import org.innerlab.observe.Encoder;

/**
 * What a {@link LearnerType} builds a learner from: everything a learner may know before training.
 *
 * @param encoder     the learner's observation (for a type whose {@link LearnerType.Observation} reads
 *                    personas, also a {@link PersonaView})
 * @param environment the training environment's description (action names such as {@code comply})
 * @param actions     the number of valid actions of the training instance
 * @param params      the type's parameters, resolved against its declaration
 * @param seeds       the run's streams; initial weights come from {@code seeds.stream("init")}
 */
public record LearnerContext(Encoder encoder, EnvSpec environment, int actions, Map<String, Object> params,
                             Seeds seeds) {

    /** The resolved real-valued parameter {@code name}. */
    public double real(String name) {
        return (Double) params.get(name);
    }

    /** The resolved integer parameter {@code name}. */
    public int integer(String name) {
        return (Integer) params.get(name);
    }

    /** The resolved boolean parameter {@code name} (false when the type does not declare it). */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(params.get(name));
    }

    /** The encoder as a {@link PersonaView}, for a type that observes the environment's personas. */
    public PersonaView personaView() {
        if (encoder instanceof PersonaView view) {
            return view;
        }
        throw new IllegalArgumentException("this learner observes through a PersonaView, got "
                + encoder.getClass().getSimpleName());
    }
}
