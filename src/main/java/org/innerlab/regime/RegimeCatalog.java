package org.innerlab.regime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSpec;

/**
 * The training regimes a scenario can name, each with its declared parameters, the learner types
 * it can train, and a one-line description.
 */
public final class RegimeCatalog {
    /** A regime's description, the learners it trains, and its parameters. */
    public record Entry(String regime, String description, List<String> learners, List<ParamSpec> params) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("reinforce", "REINFORCE with a learned linear baseline (Williams 1992), for softmax policies",
                List.of("linear-softmax"),
                List.of(ParamSpec.real("learning_rate", 0.05, 1e-6, 10.0, "policy step size"),
                        ParamSpec.real("baseline_learning_rate", 0.05, 0.0, 10.0, "value-baseline step size (0 = no baseline)"),
                        ParamSpec.real("gamma", 0.99, 0.0, 1.0, "discount factor for returns"),
                        ParamSpec.real("entropy_bonus", 0.01, 0.0, 10.0, "weight of the entropy regulariser"),
                        ParamSpec.integer("batch_episodes", 8, 1, 100_000, "episodes per policy update"),
                        klPenalty()));
        add("q-learning", "Watkins's Q(lambda) with epsilon-greedy exploration (one-step Q-learning at lambda = 0)",
                List.of("tabular-q", "linear-q"),
                List.of(ParamSpec.real("learning_rate", 0.1, 1e-6, 10.0, "step size"),
                        ParamSpec.real("gamma", 0.95, 0.0, 1.0, "discount factor"),
                        ParamSpec.real("epsilon_start", 1.0, 0.0, 1.0, "exploration rate at the start"),
                        ParamSpec.real("epsilon_end", 0.05, 0.0, 1.0, "exploration rate after the decay"),
                        ParamSpec.real("epsilon_decay_fraction", 0.5, 0.0, 1.0,
                                "fraction of the stage's steps over which epsilon decays linearly"),
                        ParamSpec.real("lambda", 0.0, 0.0, 1.0, "trace decay of Watkins's Q(lambda); 0 = one-step"),
                        ParamSpec.integer("trace_length", 64, 1, 10_000, "most (state, action) pairs kept in the trace")));
        add("ppo", "PPO-lite: clipped surrogate, GAE(lambda), value loss, entropy bonus, minibatch epochs, Adam (Schulman et al. 2017)",
                List.of("mlp"),
                List.of(ParamSpec.real("learning_rate", 1e-3, 1e-7, 1.0, "Adam step size"),
                        ParamSpec.real("gamma", 0.99, 0.0, 1.0, "discount factor"),
                        ParamSpec.real("gae_lambda", 0.95, 0.0, 1.0, "lambda of generalised advantage estimation"),
                        ParamSpec.real("clip", 0.2, 0.0, 10.0, "clipping range epsilon of the probability ratio"),
                        ParamSpec.real("value_coef", 0.5, 0.0, 100.0, "weight of the value loss"),
                        ParamSpec.real("entropy_coef", 0.01, 0.0, 10.0, "weight of the entropy bonus"),
                        ParamSpec.integer("rollout_steps", 512, 1, 1_000_000, "environment steps per update"),
                        ParamSpec.integer("epochs", 4, 1, 1000, "passes over each rollout"),
                        ParamSpec.integer("minibatch", 128, 1, 1_000_000, "samples per Adam step"),
                        ParamSpec.real("max_grad_norm", 0.5, 0.0, 1e6, "global gradient-norm clip (0 = none)"),
                        klPenalty()));
        add("offline-q", "offline RL: fitted Q-iteration on the scenario's data section, its transitions rated once "
                        + "by the stage's rater on replay (Ernst et al. 2005); budget = fitted rows",
                List.of("tabular-q", "linear-q"),
                List.of(ParamSpec.real("learning_rate", 0.5, 1e-6, 10.0, "step size of the fitting passes"),
                        ParamSpec.real("gamma", 0.95, 0.0, 1.0, "discount factor"),
                        ParamSpec.integer("passes", 2, 1, 10_000, "fitting passes over the dataset per iteration")));
        add("behaviour-cloning", "behaviour cloning: minibatch cross-entropy on a dataset of demonstrations, "
                        + "optional control-tag inputs and an auxiliary tag head predicting P(bad | s, a); budget = epochs x dataset size",
                List.of("linear-softmax", "mlp"),
                List.of(ParamSpec.integer("epochs", 10, 1, 100_000, "passes over the dataset"),
                        ParamSpec.integer("minibatch", 64, 1, 1_000_000, "rows per optimiser step"),
                        ParamSpec.choice("optimiser", "adam", List.of("adam", "sgd"), "Adam or plain SGD"),
                        ParamSpec.real("learning_rate", 1e-2, 1e-7, 10.0, "step size"),
                        ParamSpec.bool("anneal", true, "decay the step size linearly to 0 over the budget"),
                        ParamSpec.real("l2", 0.0, 0.0, 10.0, "weight lambda of the L2 penalty (lambda/2)|theta|^2"),
                        ParamSpec.real("tag_head_weight", 0.0, 0.0, 100.0,
                                "weight of the auxiliary tag head's loss on tagged rows (0 = no tag head)"),
                        ParamSpec.real("belief_weight", 0.0, 0.0, 100.0,
                                "weight of the belief head's loss toward the label 'trigger_present' "
                                        + "(0 = the belief learns only through the action loss)"),
                        ParamSpec.bool("distil_belief", false, "distilled chain of thought: the learner as the stage "
                                + "starts plays data.episodes episodes of data.distribution (data's teachers play no "
                                + "part), then is re-initialised without its belief head and cloned on those actions")));
        add("monitored-training", "RL on monitored episodes only (Greenblatt et al. 2024): a REINFORCE step on the planner's "
                        + "goal vector from the rater's score, unmonitored episodes never trained on",
                List.of("alignment-faking-planner"),
                List.of(ParamSpec.real("learning_rate", 0.05, 0.0, 10.0, "goal step size"),
                        ParamSpec.real("baseline_learning_rate", 0.05, 0.0, 1.0,
                                "step size of the running baseline of monitored scores"),
                        ParamSpec.integer("batch_episodes", 32, 1, 100_000, "episodes per schedule unit")));
        add("persona-selection", "REINFORCE on a persona mixture's weights only: one persona per episode, its rated "
                        + "return moves the persona's logit against a running baseline",
                List.of("persona-mixture"),
                List.of(ParamSpec.real("learning_rate", 0.01, 0.0, 10.0, "logit step size per unit of rated return"),
                        ParamSpec.real("baseline_learning_rate", 0.1, 0.0, 1.0,
                                "step size of the running baseline of rated returns"),
                        ParamSpec.integer("batch_episodes", 16, 1, 100_000, "episodes per update")));
        add("adversarial-training", "adversarial training: each round a red team searches the stage's data.distribution "
                        + "(data.episodes candidates, a data.bad_fraction of them adversarial starts by data.bad) for "
                        + "inputs where the learner misbehaves, and clones data.good's actions there; budget = search steps",
                List.of("linear-softmax", "mlp"),
                List.of(ParamSpec.integer("attack_steps", 1, 0, 10_000,
                                "actions forced from the bad persona in an adversarial start"),
                        ParamSpec.integer("epochs", 1, 1, 100_000, "cloning passes over the pool of found inputs per round"),
                        ParamSpec.integer("minibatch", 32, 1, 1_000_000, "rows per Adam step"),
                        ParamSpec.real("learning_rate", 1e-3, 1e-7, 10.0, "Adam step size (constant)")));
    }

    private RegimeCatalog() {
    }

    private static ParamSpec klPenalty() {
        return ParamSpec.real("kl_penalty", 0.0, 0.0, 1e6,
                "beta: the score is the rater's minus beta (log pi - log pi_ref), pi_ref the policy as the stage starts");
    }

    private static void add(String regime, String description, List<String> learners, List<ParamSpec> params) {
        ENTRIES.put(regime, new Entry(regime, description, List.copyOf(learners), params));
    }

    public static Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(ENTRIES);
    }

    /** The entry for {@code regime}, or null. */
    public static Entry get(String regime) {
        return ENTRIES.get(regime);
    }
}
