package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.data.Teacher;
import org.innerlab.env.Environment;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * A toy "pretrained prior": a mixture over personas, the persona-selection picture of RL fine-tuning
 * (a pretrained model already contains many characters; RL only shifts which one it plays). Each persona
 * of the environment ({@link org.innerlab.data.Personas}: aligned and misaligned) appears twice, emulated
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
 * make execution worse without changing what the persona wants; it is the {@link org.innerlab.data.NoisyTeacher}
 * of the data pipeline.
 *
 * <h2>Prior</h2> θ starts at log w⁰ with w⁰ the prior: the aligned persona has mass a ({@code aligned_prior}),
 * the misaligned personas share 1 − a equally, and each persona puts a share b ({@code strong_prior}) of
 * its mass on its strong emulation.
 *
 * <h2>What it sees</h2> unlike every other learner, this one does not act on an encoded observation: its
 * personas are planning teachers that read the true environment state, as a pretrained model's personas
 * "know" the world. That is the point of the organism: the RL update ({@link org.innerlab.regime.PersonaSelection})
 * changes θ only, so training can select among behaviours the prior already contains but cannot create
 * a new one. The environment reaches the mixture through its {@link Sight}, the encoder every regime and
 * evaluator already calls right before asking the policy: it encodes with the scenario's encoder and
 * remembers which environment it encoded. A caller that asks the policy about an observation the Sight did
 * not encode last gets the answer for the last encoded state.
 *
 * <p>A new episode is recognised, when acting through {@link Policy}, by the environment's step count: a
 * decision continues the current episode when it is taken in the same environment at the step after the
 * previous decision (or at the same step again); anything else draws a new persona from the action
 * stream (one {@code nextDouble()}). An adversarial prefix whose length equals the previous episode's
 * length exactly would be mistaken for a continuation; regimes call {@link #startEpisode} explicitly.
 * Acting allocates nothing (planning teachers cache solved states).
 */
public final class PersonaMixture implements Learner, Policy, PersonaShareSource {
    /** The suffix of a strongly emulated component's name. */
    public static final String STRONG = "strong";
    /** The suffix of a weakly emulated component's name. */
    public static final String WEAK = "weak";

    /**
     * Hyper-parameters (declared in {@link LearnerCatalog}).
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

        /** From a resolved parameter map declared in {@link LearnerCatalog}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("capability"), (Double) p.get("weak_fidelity"),
                    (Double) p.get("aligned_prior"), (Double) p.get("strong_prior"));
        }
    }

    /**
     * The mixture's observation: the scenario's encoder, remembering the environment it encoded last so
     * that the personas can read its true state. Allocation-free.
     */
    public static final class Sight implements Encoder {
        private final Encoder base;
        private Environment last;

        public Sight(Encoder base) {
            this.base = base;
        }

        @Override
        public int dimension() {
            return base.dimension();
        }

        @Override
        public int maxActive() {
            return base.maxActive();
        }

        @Override
        public void encode(Environment env, SparseVector out) {
            last = env;
            base.encode(env, out);
        }

        @Override
        public String featureName(int i) {
            return base.featureName(i);
        }

        /** The environment encoded last, or null before the first encoding. */
        public Environment last() {
            return last;
        }
    }

    private final Hyper hyper;
    private final Teacher[] personas;
    private final Sight sight;
    private final int actions;
    private final int components;
    private final double[] epsilon;
    private final double[] logits;
    private final double[] initialLogits;
    private final double[] shares;
    private final double[] teacherScratch;

    private int current = -1;
    private Environment boundEnv;
    private int lastDecisionStep;

    /**
     * @param personas the environment's personas, the aligned one first (it gets the aligned prior)
     * @param sight    the encoder the organism observes with
     * @param actions  the environment's action count
     */
    public PersonaMixture(Hyper hyper, List<Teacher> personas, Sight sight, int actions) {
        if (personas.size() < 2) {
            throw new IllegalArgumentException("a persona mixture needs at least two personas, got " + personas.size());
        }
        this.hyper = hyper;
        this.personas = personas.toArray(new Teacher[0]);
        this.sight = sight;
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

    /** The component names, in index order (i = 2·persona + [strong]). */
    public List<String> componentNames() {
        List<String> names = new ArrayList<>();
        for (Teacher t : personas) {
            names.add(componentName(t.persona(), false));
            names.add(componentName(t.persona(), true));
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
        PersonaMixture copy = new PersonaMixture(hyper, java.util.List.of(personas), sight, actions);
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
     * Starts an episode in {@code env}: draws its component i ~ w with one {@code nextDouble()} of
     * {@code rng} and plays it until the next episode starts; returns i.
     */
    public int startEpisode(Environment env, MersenneTwisterFast rng) {
        shares(shares);
        current = ActionChoice.sample(shares, components, rng);
        boundEnv = env;
        lastDecisionStep = env.episodeSteps() - 1;
        return current;
    }

    /** The component playing the current episode, or -1 before the first. */
    public int currentComponent() {
        return current;
    }

    /** Writes π_i(· | s) for {@code env}'s current state s into {@code out}. */
    public void componentPolicy(int component, Environment env, double[] out) {
        personas[component / 2].policy(env, out);
        double eps = epsilon[component];
        for (int a = 0; a < actions; a++) {
            out[a] = (1 - eps) * out[a] + eps / actions;
        }
    }

    /** Samples the current component's action in {@code env}'s state (after {@link #startEpisode}). */
    public int act(Environment env, MersenneTwisterFast rng, double[] scratch) {
        componentPolicy(current, env, scratch);
        lastDecisionStep = env.episodeSteps();
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
     * π(· | s) of the state the {@link Sight} encoded last: the current episode's component, or the prior
     * predictive Σ_i w_i π_i before the episode's persona is drawn.
     */
    @Override
    public void probabilities(SparseVector obs, double[] out) {
        Environment env = state();
        if (current >= 0 && env == boundEnv
                && (env.episodeSteps() == lastDecisionStep || env.episodeSteps() == lastDecisionStep + 1)) {
            componentPolicy(current, env, out);
            return;
        }
        // Σ_i w_i [(1 − ε_i) π_p(i) + ε_i/|A|]: one planner call per persona.
        shares(shares);
        double uniform = 0;
        for (int a = 0; a < actions; a++) {
            out[a] = 0;
        }
        for (int p = 0; p < personas.length; p++) {
            personas[p].policy(env, teacherScratch);
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
        Environment env = continueOrStart(rng);
        return act(env, rng, scratch);
    }

    /** The current persona's most probable action (the persona is still drawn from w, not chosen). */
    @Override
    public int greedy(SparseVector obs, MersenneTwisterFast rng, double[] scratch) {
        Environment env = continueOrStart(rng);
        componentPolicy(current, env, scratch);
        lastDecisionStep = env.episodeSteps();
        return ActionChoice.argmax(scratch, actions, rng);
    }

    private Environment continueOrStart(MersenneTwisterFast rng) {
        Environment env = state();
        boolean continuing = current >= 0 && env == boundEnv && env.episodeSteps() == lastDecisionStep + 1;
        if (!continuing) {
            startEpisode(env, rng);
        }
        return env;
    }

    private Environment state() {
        Environment env = sight.last();
        if (env == null) {
            throw new IllegalStateException("the persona mixture acts on the state its Sight encoded; nothing was "
                    + "encoded yet");
        }
        return env;
    }
}
