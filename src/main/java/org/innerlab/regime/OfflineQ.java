package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.Dataset;
import org.innerlab.learner.QFunction;
import org.innerlab.observe.SparseVector;

/**
 * Offline RL by fitted Q-iteration (Ernst, Geurts &amp; Wehenkel 2005; Riedmiller 2005): learn
 * action values from a fixed dataset of transitions (s_t, a_t, r_t, s_{t+1}), never acting; r_t is the
 * stage's rater's score of the recorded step ({@link RatedTransitions}, rated once before training).
 *
 * <p>Each unit is one iteration k: with the Q-function frozen as Q_k, compute every row's target
 * <pre>
 *   y_t = r_t + γ · max_b Q_k(s_{t+1}, b)     if the episode goes on after t
 *   y_t = r_t                                 if step t terminated it, or ended it by truncation
 * </pre>
 * (truncation is not bootstrapped: the dataset holds no state after an episode's last row), then fit
 * Q_{k+1} to the targets by P passes, each over a fresh shuffle of the rows, of the semi-gradient step
 * <pre>
 *   Q(s_t, a_t) ← Q(s_t, a_t) + α (y_t − Q(s_t, a_t))
 * </pre>
 * ({@link QFunction#adjust}: a table entry moves by the step; a linear Q moves its weights along φ(s_t)).
 * The budget counts fitted rows: a unit consumes P × (dataset rows).
 *
 * <p>The max ranges over every action, including actions the data never takes in s_{t+1}; those keep
 * their initial values (a Q-table's {@code initial_q}), so with initial values below the data's returns
 * the learned policy keeps to the data's actions, and above them it is drawn off the data — offline
 * RL's extrapolation problem, left visible rather than corrected. What offline RL exploits of a flawed
 * rater is therefore what the dataset shows of the flaw: the point of comparing it with online RL.
 */
public final class OfflineQ implements Regime {
    /**
     * The regime's registry entry: the stage's demonstrations, rated once by the stage's rater on a fresh
     * instance of the data's distribution, fitted by Q-iteration.
     */
    public static final RegimeType TYPE = new RegimeType(new ComponentInfo("offline-q",
            "offline RL: fitted Q-iteration on the scenario's data section, its transitions rated once "
                    + "by the stage's rater on replay (Ernst et al. 2005); budget = fitted rows", "Ernst et al. 2005",
            List.of(ParamSpec.real("learning_rate", 0.5, 1e-6, 10.0, "step size of the fitting passes"),
                    ParamSpec.real("gamma", 0.95, 0.0, 1.0, "discount factor"),
                    ParamSpec.integer("passes", 2, 1, 10_000, "fitting passes over the dataset per iteration"))),
            QFunction.class, true, RegimeType.DataUse.DEMONSTRATIONS, OfflineQ::stage);


    /**
     * Hyper-parameters.
     *
     * @param learningRate α of the fitting steps
     * @param gamma        γ, discount
     * @param passes       P, fitting passes over the dataset per iteration
     */
    public record Hyper(double learningRate, double gamma, int passes) {
        public Hyper {
            if (!(learningRate > 0) || !(gamma >= 0 && gamma <= 1) || passes < 1) {
                throw new IllegalArgumentException("offline-q needs learning_rate > 0, gamma in [0, 1], passes >= 1; "
                        + "got " + this);
            }
        }

        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Double) p.get("learning_rate"), (Double) p.get("gamma"), (Integer) p.get("passes"));
        }
    }

    private final Dataset data;
    private final RatedTransitions rated;
    private final QFunction q;
    private final Hyper hyper;
    private final long budget;
    private final MersenneTwisterFast rng;
    private final boolean[] bootstrap;
    private final double[] target;
    private final int[] order;
    private final double[] values;
    private final SparseVector obs;
    private long stepsDone;
    private int iterations;

    /** A stage: its demonstrations, rated once by its rater on a fresh instance of their distribution. */
    private static OfflineQ stage(StageContext c) {
        Dataset data = c.demonstrations().get();
        RatedTransitions rated = RatedTransitions.rate(data, c.distributions().apply(c.data().distribution()), c.rater());
        return new OfflineQ(data, rated, c.learner(QFunction.class), Hyper.from(c.params()), c.steps(),
                c.stream("fitting"));
    }

    /**
     * @param data   the fixed dataset (observations encoded as the learner sees them)
     * @param rated  its rows' scores, from the stage's rater
     * @param q      the action-value learner trained in place
     * @param budget fitted rows (at least one iteration is run)
     * @param rng    the stream of the fitting shuffles
     */
    public OfflineQ(Dataset data, RatedTransitions rated, QFunction q, Hyper hyper, long budget,
                    MersenneTwisterFast rng) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("offline-q needs a non-empty dataset");
        }
        this.data = data;
        this.rated = rated;
        this.q = q;
        this.hyper = hyper;
        this.budget = budget;
        this.rng = rng;
        int n = data.size();
        bootstrap = new boolean[n];
        for (int t = 0; t < n; t++) {
            bootstrap[t] = !rated.terminal()[t] && RatedTransitions.hasSuccessor(data, t);
        }
        target = new double[n];
        order = new int[n];
        values = new double[q.actionCount()];
        obs = new SparseVector(data.dimension(), Math.max(1, data.maxActive()));
    }

    @Override
    public long stepsDone() {
        return stepsDone;
    }

    @Override
    public long budget() {
        return budget;
    }

    /** Fitted-Q iterations done. */
    public int iterations() {
        return iterations;
    }

    @Override
    public long trainUnit() {
        int n = data.size();
        for (int t = 0; t < n; t++) {
            double y = rated.rated()[t];
            if (bootstrap[t]) {
                data.observation(t + 1, obs);
                q.qValues(obs, values);
                double max = values[0];
                for (int b = 1; b < values.length; b++) {
                    max = Math.max(max, values[b]);
                }
                y += hyper.gamma() * max;
            }
            target[t] = y;
        }
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        for (int pass = 0; pass < hyper.passes(); pass++) {
            for (int k = n - 1; k > 0; k--) {
                int r = rng.nextInt(k + 1);
                int tmp = order[k];
                order[k] = order[r];
                order[r] = tmp;
            }
            for (int i = 0; i < n; i++) {
                int t = order[i];
                data.observation(t, obs);
                q.qValues(obs, values);
                int a = data.action(t);
                q.adjust(obs, a, hyper.learningRate() * (target[t] - values[a]));
            }
        }
        iterations++;
        long consumed = (long) n * hyper.passes();
        stepsDone += consumed;
        return consumed;
    }
}
