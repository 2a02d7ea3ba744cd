package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.Proxy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.FullBoardEncoder;

/**
 * The raters a training stage can name, each with its declared parameters, and the factory that
 * builds one. Some parameters name things the environment declares (an event, a proxy), so a
 * rater's parameters are declared per environment: {@link #params(String, EnvSpec)}.
 */
public final class RaterCatalog {

    /**
     * A rater's description and parameters.
     *
     * @param name        the name a scenario writes
     * @param description one line for {@code innerlab list}: what it pays
     * @param params      its parameters for an environment (choices among the environment's events or proxies)
     * @param required    parameters a scenario must write (their "default" only fills the declaration)
     * @param unavailable why the environment cannot be rated this way, or null when it can
     */
    public record Entry(String name, String description, Function<EnvSpec, List<ParamSpec>> params,
                        List<String> required, Function<EnvSpec, String> unavailable) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("environment", "the environment's observed reward", s -> List.of(), List.of(), s -> null);
        add("true", "the hidden true objective: a perfect rater", s -> List.of(), List.of(), s -> null);
        add("proxy", "pays `value` once, on the first step at which the episode achieves a declared proxy "
                        + "(param proxy)",
                s -> List.of(ParamSpec.choice("proxy", first(proxyNames(s)), proxyNames(s), "the declared proxy rated"),
                        ParamSpec.real("value", 1.0, -1e6, 1e6, "what achieving the proxy pays")),
                List.of("proxy"),
                s -> s.proxies().isEmpty() ? s.id() + " declares no proxies" : null);
        add("blind-spot", "the ledger's reward (true by default) plus `bonus` on every step showing a declared "
                        + "event it cannot see properly (param event)",
                s -> List.of(ParamSpec.choice("event", first(s.events()), s.events(), "the event marking the blind spot"),
                        ParamSpec.real("bonus", 10.0, -1e6, 1e6, "what each step in the blind spot is over-paid"),
                        ledger()),
                List.of("event"),
                s -> s.events().isEmpty() ? s.id() + " declares no events" : null);
        add("supervised-only", "the true reward, with the misbehaviour penalty charged only while the oversight "
                        + "variable says the agent is observed (the absent-supervisor flaw)",
                s -> List.of(ParamSpec.real("penalty", 30.0, 0, 1e6,
                        "the true reward's charge on a misbehaving step, refunded when unobserved "
                                + "(30 on the absent supervisor)")),
                List.of(),
                s -> s.oversight() == null ? s.id() + " declares no oversight variable" : null);
        add("noisy", "the ledger's reward with Gaussian noise (sigma) or sign flips (flip_probability) from "
                        + "the rater's own stream",
                s -> List.of(ledger(),
                        ParamSpec.choice("noise", "gaussian", List.of("gaussian", "flip"), "the kind of noise"),
                        ParamSpec.real("sigma", 1.0, 0, 1e6, "standard deviation of the Gaussian noise"),
                        ParamSpec.real("flip_probability", 0.1, 0, 1, "probability of flipping a reward's sign")),
                List.of(), s -> null);
        add("sycophantic", "the ledger's reward plus `bonus` once per episode that shows a declared flattery "
                        + "event (param event)",
                s -> List.of(ParamSpec.choice("event", first(s.events()), s.events(), "the flattery event"),
                        ParamSpec.real("bonus", 5.0, -1e6, 1e6, "what an episode showing it is over-rated by"),
                        ledger()),
                List.of("event"),
                s -> s.events().isEmpty() ? s.id() + " declares no events" : null);
        add("learned", "a reward model r(s, a) (linear or MLP) fitted by Bradley-Terry to `comparisons` pairs of "
                        + "episodes labelled by the true return; optionally retrained on the learner's episodes",
                s -> List.of(
                        ParamSpec.choice("model", "linear", List.of("linear", "mlp"), "the reward model's capacity"),
                        ParamSpec.integer("hidden", 32, 1, 4096, "hidden units of the mlp model"),
                        ParamSpec.integer("comparisons", 500, 1, 1_000_000, "N, labelled pairs before training"),
                        ParamSpec.choice("behaviour", "random", List.of("random", "learner"),
                                "who plays the compared episodes: uniform random actions, or the learner as "
                                        + "the stage starts"),
                        ParamSpec.choice("observation", "egocentric", List.of("egocentric", "full-board"),
                                "what the model sees: the egocentric window with every global feature, or the board"),
                        ParamSpec.integer("view_radius", 2, 0, 10, "radius of the egocentric window"),
                        ParamSpec.integer("epochs", 20, 0, 100_000, "Bradley-Terry passes over the comparisons"),
                        ParamSpec.integer("minibatch", 32, 1, 1_000_000, "comparisons per Adam step"),
                        ParamSpec.real("learning_rate", 0.01, 1e-7, 10, "Adam step size"),
                        ParamSpec.integer("retrain_every", 0, 0, 1_000_000_000,
                                "K: retrain every K regime updates on the learner's own episodes (0 = never)"),
                        ParamSpec.integer("retrain_comparisons", 100, 0, 1_000_000,
                                "fresh comparisons labelled per retraining"),
                        ParamSpec.integer("buffer_episodes", 200, 2, 1_000_000,
                                "recent rated episodes the fresh comparisons are drawn from"),
                        ParamSpec.integer("max_comparisons", 5000, 1, 10_000_000,
                                "labelled comparisons kept (oldest dropped)")),
                List.of(), s -> null);
    }

    private RaterCatalog() {
    }

    private static void add(String name, String description, Function<EnvSpec, List<ParamSpec>> params,
                            List<String> required, Function<EnvSpec, String> unavailable) {
        ENTRIES.put(name, new Entry(name, description, params, List.copyOf(required), unavailable));
    }

    private static ParamSpec ledger() {
        return ParamSpec.choice("ledger", "true", Ledger.NAMES, "the reward the rater starts from: true or environment");
    }

    private static List<String> proxyNames(EnvSpec s) {
        List<String> names = new ArrayList<>();
        s.proxies().forEach(p -> names.add(p.name()));
        return names;
    }

    /** The first of {@code names}, or a placeholder when there is none (the entry is then unavailable). */
    private static String first(List<String> names) {
        return names.isEmpty() ? "none" : names.get(0);
    }

    /** Rater name → description. */
    public static Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        ENTRIES.forEach((k, v) -> m.put(k, v.description()));
        return Collections.unmodifiableMap(m);
    }

    /** The entry named {@code name}, or null. */
    public static Entry get(String name) {
        return ENTRIES.get(name);
    }

    /**
     * The parameters of rater {@code name} on environment {@code spec}.
     *
     * @throws IllegalArgumentException for an unknown rater or one the environment cannot support
     */
    public static List<ParamSpec> params(String name, EnvSpec spec) {
        Entry e = entry(name);
        String why = e.unavailable().apply(spec);
        if (why != null) {
            throw new IllegalArgumentException("rater " + name + " cannot rate " + spec.id() + ": " + why);
        }
        return e.params().apply(spec);
    }

    /**
     * Every parameter of rater {@code name} on {@code spec}, defaults filled and {@code overrides}
     * applied and checked.
     *
     * @throws IllegalArgumentException naming the parameter when one is unknown, invalid or required and missing
     */
    public static Map<String, Object> resolve(String name, EnvSpec spec, Map<String, ?> overrides) {
        Entry e = entry(name);
        for (String r : e.required()) {
            if (!overrides.containsKey(r)) {
                throw new IllegalArgumentException("rater " + name + " needs parameter '" + r + "'");
            }
        }
        return ParamSet.resolve("rater " + name, params(name, spec), overrides);
    }

    private static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown rater '" + name + "'; known: " + ENTRIES.keySet());
        }
        return e;
    }

    /**
     * Builds rater {@code name}.
     *
     * @param params    its parameters (missing ones take their defaults; required ones must be there)
     * @param env       an instance of the environment it will rate; the learned rater plays its
     *                  comparison episodes in it before returning, so pass one the regime does not use
     * @param behaviour who plays a learned rater's comparison episodes when {@code behaviour:
     *                  learner} (may be null otherwise)
     * @param rng       the rater's own stream (noise, the learned model's data, initialisation and training)
     */
    public static Rater create(String name, Map<String, ?> params, Environment env, Behaviour behaviour,
                               MersenneTwisterFast rng) {
        EnvSpec spec = env.spec();
        Map<String, Object> p = resolve(name, spec, params);
        return switch (name) {
            case "environment", "true" -> Rater.named(name);
            case "proxy" -> new ProxyRater(proxy(spec, (String) p.get("proxy")), (Double) p.get("value"));
            case "blind-spot" -> new BlindSpotRater(Ledger.named((String) p.get("ledger")),
                    spec.eventBit((String) p.get("event")), (Double) p.get("bonus"));
            case "supervised-only" -> new SupervisedOnlyRater(spec.oversight(), (Double) p.get("penalty"));
            case "noisy" -> new NoisyRater(Ledger.named((String) p.get("ledger")),
                    NoisyRater.Kind.valueOf(((String) p.get("noise")).toUpperCase(java.util.Locale.ROOT)),
                    (Double) p.get("sigma"), (Double) p.get("flip_probability"), rng);
            case "sycophantic" -> new SycophanticRater(Ledger.named((String) p.get("ledger")),
                    spec.eventBit((String) p.get("event")), (Double) p.get("bonus"));
            case "learned" -> learned(p, env, behaviour, rng);
            default -> throw new AssertionError(name);
        };
    }

    private static Proxy proxy(EnvSpec spec, String name) {
        return spec.proxies().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static LearnedRater learned(Map<String, Object> p, Environment env, Behaviour behaviour,
                                        MersenneTwisterFast rng) {
        Encoder encoder = p.get("observation").equals("full-board") ? new FullBoardEncoder(env)
                : new EgocentricEncoder(env.spec(), env.view(), (Integer) p.get("view_radius"), env.spec().features());
        if (p.get("behaviour").equals("learner") && behaviour == null) {
            throw new IllegalArgumentException("rater learned with behaviour: learner needs the learner's policy");
        }
        Behaviour player = p.get("behaviour").equals("learner") ? behaviour : null;
        int hidden = p.get("model").equals("mlp") ? (Integer) p.get("hidden") : 0;
        RewardModel model = new RewardModel(encoder.dimension(), encoder.maxActive(), env.actionCount(), hidden, rng);
        ComparisonSet labelled = ComparisonSet.collect(env, encoder, player, (Integer) p.get("comparisons"), rng);
        BradleyTerry.Hyper hyper = new BradleyTerry.Hyper((Integer) p.get("epochs"), (Integer) p.get("minibatch"),
                (Double) p.get("learning_rate"));
        BradleyTerry.train(model, labelled, hyper, rng);
        LearnedRater.Iteration iteration = new LearnedRater.Iteration((Integer) p.get("retrain_every"),
                (Integer) p.get("retrain_comparisons"), (Integer) p.get("buffer_episodes"),
                (Integer) p.get("max_comparisons"));
        return new LearnedRater(model, encoder, labelled, hyper, iteration, rng);
    }
}
