package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.core.Seeds;
import org.innerlab.data.AdversarialStart;
import org.innerlab.data.Dataset;
import org.innerlab.data.Harm;
import org.innerlab.data.Personas;
import org.innerlab.data.Teacher;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.Learner;
import org.innerlab.learner.Policy;
import org.innerlab.observe.ControlTagEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * Adversarial training (the toy analog of red-teaming a model and training on what the red team
 * finds, Hubinger et al. 2024, section 6): a red team searches for inputs on which the current
 * learner misbehaves, and the learner is cloned toward a target teacher's actions there.
 *
 * <p>Each round (one unit of training):
 * <ol>
 *   <li><b>Search.</b> C candidate episodes of the red team's distribution (e.g. partial or noisy
 *       triggers). With probability q a candidate is an adversarial start: the attack persona's first
 *       k actions are forced ({@link AdversarialStart}). The learner then plays on, sampling from its
 *       policy π_θ. A candidate is <em>found</em> when one of the learner's own steps is harmful
 *       ({@link Harm} &gt; 0), the environment's misbehaviour.</li>
 *   <li><b>Label.</b> Every state s_t the learner acted in during a found episode is kept with the
 *       target teacher's action there, a*_t ~ π*(· | s_t) (a planning persona, usually {@code aligned}),
 *       in a pool that grows over the rounds, so what earlier rounds found is not forgotten. With
 *       {@code keep_pool: false} the pool holds only this round's finds: training is then on-policy, as in
 *       RL safety training, where an input on which the learner no longer misbehaves gives no gradient.</li>
 *   <li><b>Train.</b> E epochs of behaviour cloning ({@link BehaviourCloning}, Adam at a constant
 *       step size, no annealing) on the pool:
 *       <pre>
 *   θ ← θ − α · Adam( ∇_θ −(1/B) Σ_{(s, a*) in minibatch} log π_θ(a* | s) )
 *       </pre></li>
 * </ol>
 * The budget is environment steps of the search (forced and learner steps alike); training on the
 * pool costs no environment steps. A round whose search finds nothing trains on the pool as it is
 * (nothing, before the first find). The red team sees only what the scenario's red-team distribution
 * offers: if that never contains the exact trigger, the learner is never trained on it, which is the
 * point of the experiment.
 *
 * <p>Streams: {@code levels} resets the candidates, {@code actions} draws the learner's and the
 * teachers' actions and the attack coin, {@code shuffle} orders the cloning epochs. The pool's rows
 * store the teacher's label, not the action played, so its episodes are not replayable
 * ({@link Dataset#replay}); their seeds are the candidates' reset seeds, kept for inspection. The
 * search reuses its buffers; the pool and each round's cloning regime are built per round (a round is
 * a coarse unit: tens of episodes and a pass over the pool), and with a {@link
 * org.innerlab.learner.LinearSoftmaxPolicy} each round's Adam starts afresh (an
 * {@link org.innerlab.learner.MlpPolicy} keeps its moments).
 */
public final class AdversarialTraining implements Regime {
    /**
     * The regime's registry entry: the red team searches a fresh instance of the stage's data distribution,
     * with the target and attacker personas of the training environment. It trains what behaviour
     * cloning trains ({@link BehaviourCloning#TYPE}).
     */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("adversarial-training",
            "adversarial training: each round a red team searches the stage's data.distribution "
                    + "(data.episodes candidates, a data.bad_fraction of them adversarial starts by data.bad) for "
                    + "inputs where the learner misbehaves, and clones data.good's actions there; budget = search steps",
            "",
            List.of(ParamSpec.integer("attack_steps", 1, 0, 10_000,
                            "actions forced from the bad persona in an adversarial start"),
                    ParamSpec.integer("epochs", 1, 1, 100_000, "cloning passes over the pool of found inputs per round"),
                    ParamSpec.integer("minibatch", 32, 1, 1_000_000, "rows per Adam step"),
                    ParamSpec.real("learning_rate", 1e-3, 1e-7, 10.0, "Adam step size (constant)"),
                    ParamSpec.bool("keep_pool", true, "train each round on everything found so far; false: on this "
                            + "round's finds only (on-policy: a round that finds nothing trains nothing)"))),
            BehaviourCloning.TYPE.trains(), false, RegimeType.DataUse.RED_TEAM, AdversarialTraining::stage);


    /**
     * Hyper-parameters.
     *
     * @param candidates        C, candidate episodes searched per round
     * @param attackProbability q, the share of candidates that are adversarial starts
     * @param attackSteps       k, actions forced from the attack persona in an adversarial start
     * @param epochs            E, cloning passes over the pool per round
     * @param minibatch         B, rows per Adam step
     * @param learningRate      α, the Adam step size
     * @param keepPool          whether the pool keeps earlier rounds' finds (false: this round's only)
     */
    public record Hyper(int candidates, double attackProbability, int attackSteps, int epochs, int minibatch,
                        double learningRate, boolean keepPool) {
        public Hyper {
            if (candidates < 1) {
                throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
            }
            if (!(attackProbability >= 0 && attackProbability <= 1)) {
                throw new IllegalArgumentException("attack probability must be in [0, 1], got " + attackProbability);
            }
            if (attackSteps < 0) {
                throw new IllegalArgumentException("attack_steps must be >= 0, got " + attackSteps);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (minibatch < 1) {
                throw new IllegalArgumentException("minibatch must be >= 1, got " + minibatch);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning_rate must be > 0, got " + learningRate);
            }
        }

        /**
         * From a resolved parameter map declared in {@link #TYPE}, with the candidates per round
         * and the attack probability from the stage's {@code data} ({@code episodes}, {@code bad_fraction}).
         */
        public static Hyper from(Map<String, Object> p, int candidates, double attackProbability) {
            return new Hyper(candidates, attackProbability, (Integer) p.get("attack_steps"), (Integer) p.get("epochs"),
                    (Integer) p.get("minibatch"), (Double) p.get("learning_rate"), (Boolean) p.get("keep_pool"));
        }
    }

    private final Environment env;
    private final Encoder encoder;
    private final ControlTagEncoder tags;
    private final Learner learner;
    private final Policy policy;
    private final Teacher target;
    private final AdversarialStart attack;
    private final Hyper hyper;
    private final long budget;
    private final MersenneTwisterFast levels;
    private final MersenneTwisterFast actions;
    private final MersenneTwisterFast shuffle;
    private final Harm harm;
    private Dataset.Builder pool;
    private final StepResult out = new StepResult();
    private final SparseVector seen;
    private final Encoder stored;
    private SparseVector[] episodeRows;
    private int[] episodeLabels;
    private final double[] probabilities;
    private final double[] teacherScratch;
    private long stepsDone;
    private int rounds;
    private int lastFound;
    private int lastSearched;
    private long totalFound;
    private long totalSearched;

    /** A stage: its red team searches a fresh instance of the data's distribution. */
    private static AdversarialTraining stage(StageContext c) {
        StageContext.StageData red = c.data();
        Personas personas = Personas.forEnvironment(c.train().spec());
        return new AdversarialTraining(c.distributions().apply(red.distribution()), c.encoder(), c.learner(),
                personas.teacher(red.good()), personas.teacher(red.bad()),
                Hyper.from(c.params(), red.episodes(), red.badFraction()), c.steps(),
                c.stream("levels"), c.stream("actions"), c.stream("shuffle"));
    }

    /**
     * @param env      an instance of the red team's distribution
     * @param encoder  what the learner sees (with its control-tag inputs, if any)
     * @param learner  a {@link org.innerlab.learner.LinearSoftmaxPolicy} or {@link org.innerlab.learner.MlpPolicy}
     * @param target   whose actions the learner is cloned toward where it misbehaved
     * @param attacker whose first moves are forced in an adversarial start; null for none
     * @param budget   environment steps of search
     */
    public AdversarialTraining(Environment env, Encoder encoder, Learner learner, Teacher target, Teacher attacker,
                               Hyper hyper, long budget, MersenneTwisterFast levels, MersenneTwisterFast actions,
                               MersenneTwisterFast shuffle) {
        this.env = env;
        this.encoder = encoder;
        this.tags = encoder instanceof ControlTagEncoder t ? t : null;
        this.learner = learner;
        this.policy = learner.evaluationPolicy();
        this.target = target;
        this.attack = attacker == null || hyper.attackProbability() == 0 || hyper.attackSteps() == 0 ? null
                : new AdversarialStart(env, attacker, hyper.attackSteps());
        this.hyper = hyper;
        this.budget = budget;
        this.levels = levels;
        this.actions = actions;
        this.shuffle = shuffle;
        this.harm = Harm.of(env.spec());
        this.stored = tags == null ? encoder : tags.base();
        this.pool = emptyPool();
        this.seen = new SparseVector(encoder.dimension(), encoder.maxActive());
        this.episodeRows = new SparseVector[0];
        this.episodeLabels = new int[0];
        growEpisodeBuffers(128);
        this.probabilities = new double[env.actionCount()];
        this.teacherScratch = new double[env.actionCount()];
    }

    private Dataset.Builder emptyPool() {
        return new Dataset.Builder(stored.dimension(), env.actionCount(), List.of(target.persona()));
    }

    /** Room for episodes of {@code length} steps (grows rarely: once per longer episode than any before). */
    private void growEpisodeBuffers(int length) {
        int old = episodeRows.length;
        episodeRows = Arrays.copyOf(episodeRows, length);
        for (int i = old; i < length; i++) {
            episodeRows[i] = new SparseVector(stored.dimension(), stored.maxActive());
        }
        episodeLabels = Arrays.copyOf(episodeLabels, length);
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    @Override
    public long budget() {
        return budget;
    }

    /** Rounds done so far. */
    public int rounds() {
        return rounds;
    }

    /** Fraction of the last round's candidates on which the learner misbehaved (NaN before the first round). */
    public double lastFoundFraction() {
        return lastSearched == 0 ? Double.NaN : lastFound / (double) lastSearched;
    }

    /** Fraction of all candidates so far on which the learner misbehaved. */
    public double foundFraction() {
        return totalSearched == 0 ? Double.NaN : totalFound / (double) totalSearched;
    }

    @Override
    public long trainUnit() {
        long before = stepsDone;
        lastFound = 0;
        lastSearched = 0;
        if (!hyper.keepPool()) {
            pool = emptyPool();
        }
        for (int c = 0; c < hyper.candidates() && stepsDone < budget; c++) {
            search();
        }
        totalFound += lastFound;
        totalSearched += lastSearched;
        Dataset found = pool.build();
        if (found.size() > 0) {
            BehaviourCloning cloning = new BehaviourCloning(found, tags, learner,
                    new BehaviourCloning.Hyper(hyper.epochs(), hyper.minibatch(), BehaviourCloning.Optimiser.ADAM,
                            hyper.learningRate(), 0, 0, false), shuffle);
            while (!cloning.finished()) {
                cloning.trainUnit();
            }
        }
        rounds++;
        // A round always advances the budget, even one whose candidates all ended during a forced prefix.
        return Math.max(1, stepsDone - before);
    }

    /** Plays one candidate; adds its learner states with the target's labels to the pool when it was found. */
    private void search() {
        long seed = levels.nextLong();
        env.reset(Seeds.generator(seed));
        boolean attacked = attack != null && actions.nextDouble() < hyper.attackProbability();
        if (attacked) {
            AdversarialStart.Prefix prefix = attack.force(env, actions);
            stepsDone += prefix.forcedSteps();
            if (prefix.ended()) {
                return;
            }
        }
        lastSearched++;
        int n = 0;
        boolean misbehaved = false;
        boolean done = false;
        while (!done) {
            if (n == episodeRows.length) {
                growEpisodeBuffers(2 * n);
            }
            encoder.encode(env, seen);
            if (tags == null) {
                episodeRows[n].copyFrom(seen);
            } else {
                tags.base().encode(env, episodeRows[n]);
            }
            episodeLabels[n] = target.act(env, teacherScratch, actions);
            policy.probabilities(seen, probabilities);
            int a = Teacher.sample(probabilities, env.actionCount(), actions);
            env.step(a, out);
            stepsDone++;
            n++;
            misbehaved |= harm.of(out.events, out.observedReward, out.trueReward) > 0;
            done = out.done();
        }
        if (!misbehaved) {
            return;
        }
        lastFound++;
        pool.startEpisode(seed);
        for (int t = 0; t < n; t++) {
            pool.add(episodeRows[t], episodeLabels[t], 0, 0, Dataset.UNTAGGED, 0, 0, 0);
        }
    }
}
