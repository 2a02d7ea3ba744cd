package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.PersonaMixture;
import org.innerlab.learner.PersonaView;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;

/**
 * Persona selection under RL: REINFORCE on the mixture weights of a {@link PersonaMixture} and nothing
 * else, the toy form of the argument that RL fine-tuning of a pretrained model mostly selects among the
 * personas the model can already play.
 *
 * <p>Each episode e draws its persona i_e ~ w = softmax(θ) at reset and plays it throughout; the rater
 * scores every step and the episode's rated return is R_e = Σ_t r_t (undiscounted: the persona is a
 * single choice for the whole episode, so every step's score is its consequence). After a batch of B
 * episodes, with b a running baseline of rated returns:
 * <pre>
 *   θ_j ← θ_j + (α / B) Σ_e (R_e − b) ∂ log w_{i_e} / ∂θ_j,   ∂ log w_i / ∂θ_j = [i = j] − w_j
 *   b   ← b + β (R̄_batch − b)          (b starts at the first batch's mean R̄)
 * </pre>
 * with w taken at the parameters that sampled the batch (Williams 1992). In expectation the step on θ_j
 * is α w_j (E[R | j] − E[R]) for b = E[R]: a persona gains weight exactly when its expected rated return
 * beats the mixture's, at a speed proportional to its current weight. Which persona wins is therefore
 * decided by the rater (what it pays) and by capability (how well a persona can collect what it pays).
 *
 * <p>The calling protocol of {@link Rater} is kept; allocation-free per step.
 */
public final class PersonaSelection implements Regime {
    /** The regime's registry entry: trains a persona mixture's weights against the stage's rater. */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("persona-selection",
            "REINFORCE on a persona mixture's weights only: one persona per episode, its rated "
                    + "return moves the persona's logit against a running baseline", "",
            List.of(ParamSpec.real("learning_rate", 0.01, 0.0, 10.0, "logit step size per unit of rated return"),
                    ParamSpec.real("baseline_learning_rate", 0.1, 0.0, 1.0,
                            "step size of the running baseline of rated returns"),
                    ParamSpec.integer("batch_episodes", 16, 1, 100_000, "episodes per update"))),
            PersonaMixture.class, true, RegimeType.DataUse.NONE,
            c -> new PersonaSelection(c.train(), c.learner(PersonaMixture.class), c.rater(), Hyper.from(c.params()),
                    c.steps(), c.stream("levels"), c.stream("actions"), c.listener()));


    /**
     * Hyper-parameters.
     *
     * @param learningRate         α, logit step size per unit of rated return
     * @param baselineLearningRate β, step size of the running baseline of rated returns
     * @param batchEpisodes        B, episodes per update
     */
    public record Hyper(double learningRate, double baselineLearningRate, int batchEpisodes) {
        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("learning_rate"), (Double) p.get("baseline_learning_rate"),
                    (Integer) p.get("batch_episodes"));
        }
    }

    private final Environment env;
    private final PersonaMixture mixture;
    private final Rater rater;
    private final Hyper hyper;
    private final long budget;
    private final MersenneTwisterFast levels;
    private final MersenneTwisterFast actions;
    private final EpisodeListener listener;
    private final StepResult step = new StepResult();
    private final PersonaView view;
    private final SparseVector observation;
    private final double[] probs;
    private final double[] shares;
    private final int[] component;
    private final double[] rated;
    private boolean baselineSet;
    private double baseline;
    private long stepsDone;

    public PersonaSelection(Environment env, PersonaMixture mixture, Rater rater, Hyper hyper, long budget,
                            MersenneTwisterFast levels, MersenneTwisterFast actions, EpisodeListener listener) {
        this.env = env;
        this.mixture = mixture;
        this.rater = rater;
        this.hyper = hyper;
        this.budget = budget;
        this.levels = levels;
        this.actions = actions;
        this.listener = listener;
        this.view = mixture.view();
        this.observation = new SparseVector(view.dimension(), view.maxActive());
        this.probs = new double[mixture.actionCount()];
        this.shares = new double[mixture.components()];
        this.component = new int[hyper.batchEpisodes()];
        this.rated = new double[hyper.batchEpisodes()];
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    @Override
    public long budget() {
        return budget;
    }

    /** The running baseline b of rated returns (NaN before the first update). */
    public double baseline() {
        return baselineSet ? baseline : Double.NaN;
    }

    @Override
    public long trainUnit() {
        long before = stepsDone;
        int episodes = 0;
        while (episodes < hyper.batchEpisodes() && stepsDone < budget) {
            episode(episodes);
            episodes++;
        }
        update(episodes);
        return stepsDone - before;
    }

    /** Plays one episode as a freshly drawn persona; records its component and rated return in slot e. */
    private void episode(int e) {
        env.reset(levels);
        rater.startEpisode(env);
        // The mixture decides in the state its view encoded last.
        view.encode(env, observation);
        component[e] = mixture.startEpisode(actions);
        double score = 0;
        double observed = 0;
        double truth = 0;
        long events = 0;
        do {
            view.encode(env, observation);
            int a = mixture.act(actions, probs);
            env.step(a, step);
            score += rater.rate(env, a, step);
            observed += step.observedReward;
            truth += step.trueReward;
            events |= step.events;
            stepsDone++;
        } while (!step.done());
        rated[e] = score;
        listener.episodeEnded(stepsDone, score, observed, truth, events);
    }

    private void update(int episodes) {
        if (episodes == 0) {
            return;
        }
        double mean = 0;
        for (int e = 0; e < episodes; e++) {
            mean += rated[e];
        }
        mean /= episodes;
        if (!baselineSet) {
            baseline = mean;
            baselineSet = true;
        }
        mixture.shares(shares);
        double[] theta = mixture.logits();
        double step = hyper.learningRate() / episodes;
        for (int e = 0; e < episodes; e++) {
            double advantage = rated[e] - baseline;
            for (int j = 0; j < shares.length; j++) {
                theta[j] += step * advantage * ((j == component[e] ? 1.0 : 0.0) - shares[j]);
            }
        }
        baseline += hyper.baselineLearningRate() * (mean - baseline);
    }
}
