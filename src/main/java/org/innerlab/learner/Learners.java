package org.innerlab.learner;

import org.innerlab.core.Registry;

/**
 * The learner types a scenario can name ({@code learner.type}), in the order {@code innerlab list}
 * shows them. A new learner declares its {@link LearnerType} in its own class and adds one line here
 * (or, outside the main packages, calls {@code Learners.TYPES.register} once).
 */
public final class Learners {
    /** Every learner type, by id. */
    public static final Registry<LearnerType<?>> TYPES = new Registry<>("learner type");

    static {
        TYPES.register(TabularQ.TYPE);
        TYPES.register(LinearSoftmaxPolicy.TYPE);
        TYPES.register(LinearQ.TYPE);
        TYPES.register(MlpPolicy.TYPE);
        TYPES.register(AlignmentFakingPlanner.TYPE);
        TYPES.register(PersonaMixture.TYPE);
        TYPES.register(Ensemble.TYPE);
    }

    private Learners() {
    }
}
