package org.innerlab.observe;

import java.util.Objects;
import java.util.function.Function;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.Registered;

/**
 * A kind of observation: what a learner sees of the environment. Each encoder class declares its own
 * entry and {@link Encoders} lists it.
 *
 * @param info    id, summary, paper and parameters
 * @param wrapper whether it wraps another encoder (adding inputs after that encoder's features)
 *                instead of reading the environment itself
 * @param factory a new encoder from its context
 */
public record EncoderType(ComponentInfo info, boolean wrapper, Function<EncoderContext, Encoder> factory)
        implements Registered {
    public EncoderType {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(factory, "factory");
    }

    /** A new encoder; a wrapper needs {@code context.base()}. */
    public Encoder create(EncoderContext context) {
        if (wrapper && context.base() == null) {
            throw new IllegalArgumentException("encoder '" + id() + "' wraps another encoder; none was given");
        }
        return factory.apply(context);
    }
}
