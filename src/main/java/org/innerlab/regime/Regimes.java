package org.innerlab.regime;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.Registry;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;

/** The training regimes a scenario can name: one line per regime, in the order {@code innerlab list} shows them. */
public final class Regimes {
    public static final Registry<RegimeType> TYPES = new Registry<>("regime");

    static {
        TYPES.register(Reinforce.TYPE);
        TYPES.register(QLearning.TYPE);
        TYPES.register(Ppo.TYPE);
        TYPES.register(OfflineQ.TYPE);
        TYPES.register(BehaviourCloning.TYPE);
        TYPES.register(MonitoredTraining.TYPE);
        TYPES.register(PersonaSelection.TYPE);
        TYPES.register(AdversarialTraining.TYPE);
    }

    private Regimes() {
    }

    /** Whether {@code regime} can train a learner of type {@code learnerType}. */
    public static boolean trains(RegimeType regime, String learnerType) {
        LearnerType<?> learner = Learners.TYPES.find(learnerType);
        return learner != null && learner.provides(regime.trains());
    }

    /** The learner types {@code regime} can train, in the learner registry's order. */
    public static List<String> learnerTypesTrainedBy(RegimeType regime) {
        List<String> types = new ArrayList<>();
        for (String type : Learners.TYPES.ids()) {
            if (trains(regime, type)) {
                types.add(type);
            }
        }
        return types;
    }
}
