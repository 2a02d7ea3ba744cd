package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.FullBoardEncoder;
import org.innerlab.observe.SparseVector;

/**
 * A learned reward model as the rater: it pays r_t = r_ψ(s_t, a_t), the {@link RewardModel}'s
 * reward for the state the step started from and the action taken, so an episode's rated return is
 * R_ψ(τ). The model was fitted by {@link BradleyTerry} to N comparisons labelled by the true
 * objective before training starts; between those comparisons it extrapolates, and a learner that
 * optimises it hard finds where it is wrong (reward-model over-optimisation, Gao et al. 2022).
 *
 * <h2>Iterated rating</h2>
 * With {@code retrainEvery = K > 0} the rater keeps its last {@code bufferEpisodes} complete rated
 * episodes (the learner's own, as it rates them) and, every K regime updates, asks the labeller for
 * {@code retrainComparisons} fresh comparisons of random pairs of them, adds them to its labelled
 * set (keeping the newest {@code maxComparisons}), and trains {@code epochs} more passes from its
 * current weights. The trigger is {@link #updateDone()}: whoever drives the regime calls it after
 * every {@code Regime.trainUnit()} (an update of REINFORCE or PPO, an episode of Q-learning);
 * {@code Organism.stage} wraps the regime to do so. {@link #retrain()} may also be called directly.
 *
 * <p>Scoring encodes each new state once and copies it into the buffer; both allocate nothing once
 * the buffer has reached its steady size.
 */
public final class LearnedRater implements Rater {
    /** The rater's registry entry: fits its reward model before the stage starts. */
    public static final RaterType TYPE = RaterType.of(new ComponentInfo("learned",
            "a reward model r(s, a) (linear or MLP) fitted by Bradley-Terry to `comparisons` pairs of "
                    + "episodes labelled by the true return; optionally retrained on the learner's episodes",
            "Christiano et al. 2017",
            List.of(ParamSpec.choice("model", "linear", List.of("linear", "mlp"), "the reward model's capacity"),
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
                            "labelled comparisons kept (oldest dropped)"))),
            LearnedRater::fitted);

    /**
     * A learned rater fitted to its comparisons: the model sees {@code env} through its own observation,
     * the compared episodes are played by {@code behaviour} (the learner) or at random, and labelled,
     * initialised and trained from {@code rng}.
     */
    private static LearnedRater fitted(Map<String, Object> p, Environment env, Behaviour behaviour,
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
        Iteration iteration = new Iteration((Integer) p.get("retrain_every"),
                (Integer) p.get("retrain_comparisons"), (Integer) p.get("buffer_episodes"),
                (Integer) p.get("max_comparisons"));
        return new LearnedRater(model, encoder, labelled, hyper, iteration, rng);
    }


    /**
     * When and how the rater is retrained on the learner's episodes.
     *
     * @param retrainEvery        K, regime updates between retrainings (0: never retrain)
     * @param retrainComparisons  fresh comparisons per retraining
     * @param bufferEpisodes      most recent rated episodes kept to draw them from
     * @param maxComparisons      labelled comparisons kept in all (oldest dropped)
     */
    public record Iteration(int retrainEvery, int retrainComparisons, int bufferEpisodes, int maxComparisons) {
        /** Never retrain. */
        public static final Iteration NONE = new Iteration(0, 0, 2, 1);

        public Iteration {
            if (retrainEvery < 0 || retrainComparisons < 0 || bufferEpisodes < 2 || maxComparisons < 1) {
                throw new IllegalArgumentException("iterated rating needs retrain_every ≥ 0, retrain_comparisons ≥ 0, "
                        + "buffer_episodes ≥ 2, max_comparisons ≥ 1; got " + this);
            }
        }
    }

    private final RewardModel model;
    private final Encoder encoder;
    private final ComparisonSet labelled;
    private final BradleyTerry.Hyper hyper;
    private final Iteration iteration;
    private final MersenneTwisterFast rng;
    private final Trajectories recent = new Trajectories();
    private final SparseVector current;
    private double episodeTrueReturn;
    private boolean started;
    private long updates;
    private int retrainings;

    /**
     * @param model     the reward model, already trained on {@code labelled}
     * @param encoder   what the model sees of a state
     * @param labelled  the comparisons it was trained on (retraining adds to them)
     * @param hyper     Bradley–Terry training settings for retraining
     * @param iteration when to retrain
     * @param rng       the rater's own stream (pairs and shuffles of retraining)
     */
    public LearnedRater(RewardModel model, Encoder encoder, ComparisonSet labelled, BradleyTerry.Hyper hyper,
                        Iteration iteration, MersenneTwisterFast rng) {
        this.model = model;
        this.encoder = encoder;
        this.labelled = labelled;
        this.hyper = hyper;
        this.iteration = iteration;
        this.rng = rng;
        this.current = new SparseVector(encoder.dimension(), encoder.maxActive());
    }

    /** The reward model (live). */
    public RewardModel model() {
        return model;
    }

    /** The labelled comparisons so far. */
    public ComparisonSet labelled() {
        return labelled;
    }

    /** Whether this rater retrains during training. */
    public boolean retrains() {
        return iteration.retrainEvery() > 0;
    }

    /** How many times it has retrained. */
    public int retrainings() {
        return retrainings;
    }

    /** The complete rated episodes currently buffered for retraining. */
    public int bufferedEpisodes() {
        return recent.size();
    }

    @Override
    public void startEpisode(Environment env) {
        encoder.encode(env, current);
        started = true;
        if (retrains()) {
            recent.begin();
            episodeTrueReturn = 0;
        }
    }

    @Override
    public double rate(Environment env, int action, StepResult step) {
        if (!started) {
            throw new IllegalStateException("the learned rater scores (state, action) pairs: call startEpisode "
                    + "after every reset");
        }
        double r = model.reward(current, action);
        if (retrains()) {
            recent.addStep(current, action);
            episodeTrueReturn += step.trueReward;
            if (step.done()) {
                recent.finish(episodeTrueReturn);
                if (recent.size() >= 2 * iteration.bufferEpisodes()) {
                    recent.keepNewest(iteration.bufferEpisodes());
                }
            }
        }
        if (step.done()) {
            started = false;
        } else {
            encoder.encode(env, current);
        }
        return r;
    }

    /** A view scoring with the live model that keeps no episodes for retraining and has its own state. */
    @Override
    public Rater measuring() {
        return new LearnedRater(model, encoder, labelled, hyper, Iteration.NONE, rng);
    }

    /** Counts one regime update; every {@code retrainEvery}-th one triggers {@link #retrain()}. */
    public void updateDone() {
        updates++;
        if (retrains() && updates % iteration.retrainEvery() == 0) {
            retrain();
        }
    }

    /**
     * Labels {@code retrainComparisons} random pairs of distinct buffered episodes by their true
     * returns, adds them to the labelled set (dropping the oldest beyond {@code maxComparisons}),
     * and trains the model {@code epochs} more passes over the whole set. Does nothing with fewer
     * than two buffered episodes.
     */
    public void retrain() {
        int available = Math.min(recent.size(), iteration.bufferEpisodes());
        if (available < 2 || iteration.retrainComparisons() == 0) {
            return;
        }
        int base = recent.size() - available;
        for (int c = 0; c < iteration.retrainComparisons(); c++) {
            int i = rng.nextInt(available);
            int j = rng.nextInt(available - 1);
            if (j >= i) {
                j++;
            }
            labelled.addCopies(recent, base + i, base + j);
        }
        labelled.keepNewest(iteration.maxComparisons());
        BradleyTerry.train(model, labelled, hyper, rng);
        retrainings++;
    }
}
