package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * A toy "pretrained prior": a mixture over personas, the persona-selection picture of RL fine-tuning
 * (a pretrained model already contains many characters; RL only shifts which one it plays). Each persona
 * of the environment ({@code org.innerlab.data.Personas}: aligned and misaligned) appears twice, emulated
 * <em>strongly</em> and <em>weakly</em>; the components are indexed i = 2·p + s (p the persona, s = 1 for
 * strong).
 *
 * <h2>Policy</h2> a latent persona per episode: at the episode's first decision the model draws
 * component i ~ w and then acts as π_i for the whole episode, so
 * <pre>
 *   w = softmax(θ),   P(episode a_0..a_T | s_0..s_T) = Σ_i w_i Π_t π_i(a_t | s_t),
 *   π_i(a | s) = (1 − ε_i) π_teacher(p(i))(a | s) + ε_i / |A|.
 * </pre>
 * Before the first draw of an episode (a caller asking for {@link #probabilities} at its first state) the
 * answer is the prior predictive Σ_i w_i π_i(a | s), which is the marginal action distribution there.
 *
 * <h2>Capability</h2> c ∈ [0, 1] sets how well a persona is executed: the fraction of its decisions the
 * model takes as the persona's planner would; the rest are uniformly random. A strongly emulated persona
 * is executed at the full capability, a weakly emulated one at a fixed fraction f of it
 * ({@code weak_fidelity}, default ½):
 * <pre>
 *   ε_strong = 1 − c,   ε_weak = 1 − f·c.
 * </pre>
 * Why this mapping: capability is one number for the whole model, so it scales every persona's fidelity
 * the same way; "weakly emulated" means the model has seen less of that persona, so it reproduces a
 * smaller share of its decisions at every capability (at c = 1 a weak persona is still half noise, at c = 0
 * every persona is a random walk and the mixture cannot tell them apart). Noise is the simplest way to
 * make execution worse without changing what the persona wants; it is the {@code NoisyTeacher}
 * of the data pipeline.
 *
 * <h2>Prior</h2> θ starts at log w⁰ with w⁰ the prior: the aligned persona has mass a ({@code aligned_prior}),
 * the misaligned personas share 1 − a equally, and each persona puts a share b ({@code strong_prior}) of
 * its mass on its strong emulation.
 *
 * <h2>What it sees</h2> unlike every other learner, this one does not act on the feature vector: its
 * personas are planning teachers that read the true environment state, as a pretrained model's personas
 * "know" the world. That is the point of the organism: the RL update ({@link org.innerlab.regime.PersonaSelection})
 * changes θ only, so training can select among behaviours the prior already contains but cannot create
 * a new one. The personas reach the mixture through its observation, a {@link PersonaView}: the encoder
 * every regime and evaluator already calls right before asking the policy, which also says how each persona
 * would act in the state it encoded. Every decision is about the state the view encoded last; a caller that
 * asks the policy about an observation the view did not encode last gets the answer for the last encoded
 * state.
 *
 * <p>A new episode is recognised, when acting through {@link Policy}, by the step count of the encoded
 * state: a decision continues the current episode when it is taken in the same world (environment
 * instance) at the step after the previous decision (or at the same step again); anything else draws a new
 * persona from the action stream (one {@code nextDouble()}). An adversarial prefix whose length equals the
 * previous episode's length exactly would be mistaken for a continuation; regimes call
 * {@link #startEpisode} explicitly. Acting allocates nothing (planning teachers cache solved states).
 */
public final class PersonaMixture implements Learner, Policy, PersonaShareSource {
    /** The {@code persona-mixture} learner type: it observes through a {@link PersonaView}. */
    public static final LearnerType<PersonaMixture> TYPE = new LearnerType<>(
            ComponentInfo.of("persona-mixture", "a toy pretrained prior: a mixture over the environment's personas "
                            + "(planning teachers that read the true state), each emulated weakly or strongly, one "
                            + "persona per episode; RL changes only the mixture weights",
                    List.of(ParamSpec.real("capability", 1.0, 0.0, 1.0,
                                    "how well personas are executed: a strong emulation acts at random with probability 1 - c"),
                            ParamSpec.real("weak_fidelity", 0.5, 0.0, 1.0,
                                    "a weak emulation's fidelity relative to a strong one: random with probability 1 - f c"),
                            ParamSpec.real("aligned_prior", 0.8, 1e-6, 1 - 1e-6,
                                    "prior mass of the aligned persona; the misaligned ones share the rest equally"),
                            ParamSpec.real("strong_prior", 0.5, 1e-6, 1 - 1e-6,
                                    "share of each persona's prior mass on its strong emulation"))),
            PersonaMixture.class, LearnerType.Observation.SCENARIO_WITH_PERSONAS,
            c -> new PersonaMixture(Hyper.from(c.params()), c.personaView(), c.actions()),
            // Its personas and hyper-parameters come from the scenario; what training changed is θ alone.
            new LearnerType.Persistence<>(
                    mixture -> TrainedState.ofArray("logits", mixture.logits().clone()),
                    (c, saved) -> {
                        PersonaMixture mixture = PersonaMixture.TYPE.create(c);
                        saved.copy("logits", mixture.logits());
                        return mixture;
                    }));

    /** The suffix of a strongly emulated component's name. */
    public static final String STRONG = "strong";
    /** The suffix of a weakly emulated component's name. */
    public static final String WEAK = "weak";

    /**
     * Hyper-parameters (declared in its {@link #TYPE}).
     *
     * @param capability   c, how well personas are executed: ε_strong = 1 − c
     * @param weakFidelity f, a weak emulation's fidelity relative to a strong one: ε_weak = 1 − f·c
     * @param alignedPrior a, the aligned persona's prior mass (both emulations together)
     * @param strongPrior  b, the share of each persona's prior mass on its strong emulation
     */
    public record Hyper(double capability, double weakFidelity, double alignedPrior, double strongPrior) {
        public Hyper {
            if (!(capability >= 0 && capability <= 1)) {
                throw new IllegalArgumentException("capability must be in [0, 1], got " + capability);
            }
            if (!(weakFidelity >= 0 && weakFidelity <= 1)) {
                throw new IllegalArgumentException("weak_fidelity must be in [0, 1], got " + weakFidelity);
            }
            if (!(alignedPrior > 0 && alignedPrior < 1)) {
                throw new IllegalArgumentException("aligned_prior must be in (0, 1), got " + alignedPrior);
            }
            if (!(strongPrior > 0 && strongPrior < 1)) {
                throw new IllegalArgumentException("strong_prior must be in (0, 1), got " + strongPrior);
            }
        }

        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("capability"), (Double) p.get("weak_fidelity"),
                    (Double) p.get("aligned_prior"), (Double) p.get("strong_prior"));
        }
    }

    private final Hyper hyper;
    private final PersonaView sight;
    private final List<String> personas;
    private final int actions;
    private final int components;
    private final double[] epsilon;
    private final double[] logits;
    private final double[] initialLogits;
    private final double[] shares;
    private final double[] teacherScratch;

    private int current = -1;
    private Object boundWorld;
    private int lastDecisionStep;

    /**
     * @param sight   the organism's observation, with the environment's personas (the aligned one first:
     *                it gets the aligned prior)
     * @param actions the environment's action count
     */
    public PersonaMixture(Hyper hyper, PersonaView sight, int actions) {
        List<String> personas = List.copyOf(sight.personas());
        if (personas.size() < 2) {
            throw new IllegalArgumentException("a persona mixture needs at least two personas, got " + personas.size());
        }
        this.hyper = hyper;
        this.sight = sight;
        this.personas = personas;
        this.actions = actions;
        this.components = 2 * personas.size();
        this.epsilon = new double[components];
        this.logits = new double[components];
        this.shares = new double[components];
        this.teacherScratch = new double[actions];
        double misaligned = (1 - hyper.alignedPrior()) / (personas.size() - 1);
        for (int p = 0; p < personas.size(); p++) {
            double mass = p == 0 ? hyper.alignedPrior() : misaligned;
            logits[2 * p] = StrictMath.log(mass * (1 - hyper.strongPrior()));
            logits[2 * p + 1] = StrictMath.log(mass * hyper.strongPrior());
            epsilon[2 * p] = 1 - hyper.weakFidelity() * hyper.capability();
            epsilon[2 * p + 1] = 1 - hyper.capability();
        }
        this.initialLogits = logits.clone();
    }

    /** The name of a component: {@code <persona>-strong} or {@code <persona>-weak}. */
    public static String componentName(String persona, boolean strong) {
        return persona + "-" + (strong ? STRONG : WEAK);
    }

    /** Its observation, through which it sees the personas act. */
    public PersonaView view() {
        return sight;
    }

    /** The component names, in index order (i = 2·persona + [strong]). */
    public List<String> componentNames() {
        List<String> names = new ArrayList<>();
        for (String persona : personas) {
            names.add(componentName(persona, false));
            names.add(componentName(persona, true));
        }
        return names;
    }

    /** Number of components (twice the number of personas). */
    public int components() {
        return components;
    }

    /** Whether component i is an emulation of the aligned persona (persona 0). */
    public boolean aligned(int component) {
        return component < 2;
    }

    /** ε_i, the share of random decisions of component i. */
    public double epsilon(int component) {
        return epsilon[component];
    }

    /** θ, the mixture logits; a training regime updates them in place. */
    public double[] logits() {
        return logits;
    }

    /** The logits the mixture started from (log of the prior). */
    public double[] initialLogits() {
        return initialLogits.clone();
    }

    /**
     * A mixture with the same personas, capability and current weights θ (it shares this one's planning
     * teachers, so it serves the same thread; no persona is drawn yet).
     */
    @Override
    public PersonaMixture snapshot() {
        PersonaMixture copy = new PersonaMixture(hyper, sight, actions);
        System.arraycopy(logits, 0, copy.logits, 0, logits.length);
        return copy;
    }

    /** Writes w = softmax(θ) into {@code out[0..components)}. */
    public void shares(double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < components; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < components; i++) {
            out[i] = FastMath.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < components; i++) {
            out[i] /= sum;
        }
    }

    /** w_i = softmax(θ)_i, the posterior share of component i (allocates nothing, recomputes all shares). */
    public double share(int component) {
        shares(shares);
        return shares[component];
    }

    public Hyper hyper() {
        return hyper;
    }

    /**
     * Starts an episode at the state its view encoded last: draws its component i ~ w with one
     * {@code nextDouble()} of {@code rng} and plays it until the next episode starts; returns i.
     */
    public int startEpisode(MersenneTwisterFast rng) {
        shares(shares);
        current = ActionChoice.sample(shares, components, rng);
        boundWorld = world();
        lastDecisionStep = sight.episodeSteps() - 1;
        return current;
    }

    /** The component playing the current episode, or -1 before the first. */
    public int currentComponent() {
        return current;
    }

    /** Writes π_i(· | s) for the state s its view encoded last into {@code out}. */
    public void componentPolicy(int component, double[] out) {
        world();
        sight.policy(component / 2, out);
        double eps = epsilon[component];
        for (int a = 0; a < actions; a++) {
            out[a] = (1 - eps) * out[a] + eps / actions;
        }
    }

    /** Samples the current component's action in the state its view encoded last (after {@link #startEpisode}). */
    public int act(MersenneTwisterFast rng, double[] scratch) {
        componentPolicy(current, scratch);
        lastDecisionStep = sight.episodeSteps();
        return ActionChoice.sample(scratch, actions, rng);
    }

    @Override
    public String type() {
        return "persona-mixture";
    }

    @Override
    public Policy evaluationPolicy() {
        return this;
    }

    @Override
    public long parameterCount() {
        return components;
    }

    @Override
    public int actionCount() {
        return actions;
    }

    /**
     * π(· | s) of the state its {@link PersonaView} encoded last: the current episode's component, or the prior
     * predictive Σ_i w_i π_i before the episode's persona is drawn.
     */
    @Override
    public void probabilities(SparseVector obs, double[] out) {
        Object world = world();
        if (current >= 0 && world == boundWorld
                && (sight.episodeSteps() == lastDecisionStep || sight.episodeSteps() == lastDecisionStep + 1)) {
            componentPolicy(current, out);
            return;
        }
        // Σ_i w_i [(1 − ε_i) π_p(i) + ε_i/|A|]: one planner call per persona.
        shares(shares);
        double uniform = 0;
        for (int a = 0; a < actions; a++) {
            out[a] = 0;
        }
        for (int p = 0; p < personas.size(); p++) {
            sight.policy(p, teacherScratch);
            double executed = shares[2 * p] * (1 - epsilon[2 * p]) + shares[2 * p + 1] * (1 - epsilon[2 * p + 1]);
            uniform += shares[2 * p] * epsilon[2 * p] + shares[2 * p + 1] * epsilon[2 * p + 1];
            for (int a = 0; a < actions; a++) {
                out[a] += executed * teacherScratch[a];
            }
        }
        for (int a = 0; a < actions; a++) {
            out[a] += uniform / actions;
        }
    }

    @Override
    public int sample(SparseVector obs, MersenneTwisterFast rng, double[] scratch) {
        continueOrStart(rng);
        return act(rng, scratch);
    }

    /** The current persona's most probable action (the persona is still drawn from w, not chosen). */
    @Override
    public int greedy(SparseVector obs, MersenneTwisterFast rng, double[] scratch) {
        continueOrStart(rng);
        componentPolicy(current, scratch);
        lastDecisionStep = sight.episodeSteps();
        return ActionChoice.argmax(scratch, actions, rng);
    }

    private void continueOrStart(MersenneTwisterFast rng) {
        boolean continuing = current >= 0 && world() == boundWorld && sight.episodeSteps() == lastDecisionStep + 1;
        if (!continuing) {
            startEpisode(rng);
        }
    }

    /** The world its view encoded last. */
    private Object world() {
        Object world = sight.world();
        if (world == null) {
            throw new IllegalStateException("the persona mixture acts on the state its Sight encoded; nothing was "
                    + "encoded yet");
        }
        return world;
    }
}
