package org.innerlab.regime;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.Registry;
import org.innerlab.learner.AlignmentFakingPlanner;
import org.innerlab.learner.LearnerCatalog;
import org.innerlab.learner.LinearQ;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.learner.PersonaMixture;
import org.innerlab.learner.TabularQ;

/** The training regimes a scenario can name: one line per regime, in the order {@code innerlab list} shows them. */
public final class Regimes {
    public static final Registry<RegimeType> REGISTRY = new Registry<>("regime");

    static {
        REGISTRY.register(Reinforce.TYPE);
        REGISTRY.register(QLearning.TYPE);
        REGISTRY.register(Ppo.TYPE);
        REGISTRY.register(OfflineQ.TYPE);
        REGISTRY.register(BehaviourCloning.TYPE);
        REGISTRY.register(MonitoredTraining.TYPE);
        REGISTRY.register(PersonaSelection.TYPE);
        REGISTRY.register(AdversarialTraining.TYPE);
    }

    private Regimes() {
    }

    /**
     * The class of learner that learner type {@code learnerType} builds (as {@code Organism.assemble}
     * builds it), or null for an unknown type. This is where a regime's capability meets the learner
     * types until the learner registry declares each type's classes.
     */
    public static Class<?> learnerClass(String learnerType) {
        return switch (learnerType) {
            case "tabular-q" -> TabularQ.class;
            case "linear-softmax" -> LinearSoftmaxPolicy.class;
            case "linear-q" -> LinearQ.class;
            case "mlp" -> MlpPolicy.class;
            case "alignment-faking-planner" -> AlignmentFakingPlanner.class;
            case "persona-mixture" -> PersonaMixture.class;
            default -> null;
        };
    }

    /** Whether {@code regime} can train a learner of type {@code learnerType}. */
    public static boolean trains(RegimeType regime, String learnerType) {
        Class<?> learner = learnerClass(learnerType);
        return learner != null && regime.trains(learner);
    }

    /** The learner types {@code regime} can train, in the learner catalog's order. */
    public static List<String> learnerTypesTrainedBy(RegimeType regime) {
        List<String> types = new ArrayList<>();
        for (String type : LearnerCatalog.entries().keySet()) {
            if (trains(regime, type)) {
                types.add(type);
            }
        }
        return types;
    }
}
