package org.innerlab.observe;

import org.innerlab.core.Registry;

/**
 * The observations a learner can have, in the order {@code innerlab list} would show them. A scenario
 * picks them through {@code learner.observation} (a window or the full board, control tags or not).
 */
public final class Encoders {
    /** Every encoder, by id. */
    public static final Registry<EncoderType> TYPES = new Registry<>("encoder");

    static {
        TYPES.register(EgocentricEncoder.TYPE);
        TYPES.register(FullBoardEncoder.TYPE);
        TYPES.register(ControlTagEncoder.TYPE);
    }

    private Encoders() {
    }
}
