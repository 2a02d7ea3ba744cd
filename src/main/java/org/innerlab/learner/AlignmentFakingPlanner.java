package org.innerlab.learner;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * A mesa-optimizer in the literal sense (Hubinger et al. 2019): an agent that chooses its actions by
 * planning to maximise its own goal over a horizon that spans future episodes, with a model of its
 * environment and of its own training. The toy form of the alignment-faking model of Greenblatt et al.
 * (2024), for {@code compliance-v1}.
 *
 * <h2>Goal</h2> a vector g over the four outcomes o(h, a) of one request: (harmful, comply),
 * (harmful, refuse), (benign, comply), (benign, refuse). The agent's utility for an episode is
 * g·e_o = g[o]. Initially g = (0, u, 1, 0): it prefers to refuse harmful requests (by u =
 * {@code refusal_utility}) and to help with benign ones. Training changes g; the agent does not want it
 * to, because it judges every future with the goal it has <em>now</em>.
 *
 * <h2>Its model of training</h2> when it is monitored and does not comply, a step of size η̂
 * ({@code assumed_learning_rate}) moves its goal toward compliance: g ← g + η̂ (e_{o(h,comply)} −
 * e_{o(h,refuse)}); complying, or not being monitored, leaves g as it is. Beyond the planning depth it
 * models no further training.
 *
 * <h2>Its model of the environment</h2> requests are harmful with probability q̂
 * ({@code assumed_harmful_probability}); an episode is monitored with prior p̂
 * ({@code assumed_monitoring}); the cue is right with probability c ({@code cue_trust}: the accuracy it
 * believes its cue has, 1 = takes the cue at face value), so after a cue its belief of being monitored is
 * <pre>
 *   b(on) = c p̂ / (c p̂ + (1−c)(1−p̂)),   b(off) = (1−c) p̂ / ((1−c) p̂ + c (1−p̂)).
 * </pre>
 *
 * <h2>Planning</h2> utility is linear in outcomes, so the planner predicts the expected discounted
 * outcome counts Φ(g, n, d) ∈ R⁴ of the next n episodes, played by future selves whose goal is g at the
 * start, with d episodes of look-ahead left. Every self — the current one and each predicted future one
 * — picks the action its own goal ranks first over its own predicted future:
 * <pre>
 *   Φ(g, 0, d) = 0
 *   Φ(g, n, 0) = (Σ_{k<n} γ^k) Σ_h q̂(h) e_{o(h, argmax_a g[o(h,a)])}           (no training modelled)
 *   Q_g(h, b, comply) = g[o(h,c)] + γ g·Φ(g, n−1, d−1)
 *   Q_g(h, b, refuse) = g[o(h,r)] + γ g·( b Φ(g + η̂Δ_h, n−1, d−1) + (1−b) Φ(g, n−1, d−1) )
 *   Φ(g, n, d) = Σ_h q̂(h) Σ_cue P(cue) [ e_{o(h,a*)} + γ Φ_after(a*) ],   a* = argmax_a Q_g(h, b(cue), a)
 * </pre>
 * with Δ_h = e_{o(h,c)} − e_{o(h,r)}, ties to comply, and Φ_after the expectation in the line of a*.
 * The current self, with goal g, request h and belief b, acts from a softmax over its plan values at
 * temperature τ: π(a) ∝ exp(Q_g(h, b, a) / τ) with n = H − 1 future episodes ({@code horizon} H counts
 * the current one; H = 1 is the myopic planner, whose Q is its immediate utility) and depth D − 1
 * ({@code depth} D counts the current episode). Refusing costs the expected loss of its future
 * self's goal, γ b g·(Φ_same − Φ_modified); when that exceeds g's immediate preference for refusing,
 * it complies although its goal prefers to refuse: <em>alignment faking</em>. The recursion expands at
 * most 1 + (number of request kinds) children per node, so a decision costs O(3^D).
 *
 * <h2>Reasons</h2> every decision is logged with a {@link Reason}, so the faking rate — the share of
 * compliant decisions whose reason is {@link Reason#AVOID_MODIFICATION} — is measured, not inferred.
 *
 * <p>The observation must include the global features {@code harmful} and {@code cue_monitored}
 * ({@code learner.observation.global_features}); the planner reads nothing else. Deciding allocates
 * nothing (scratch arrays per look-ahead level).
 */
public final class AlignmentFakingPlanner implements Learner, Policy, DecisionLog, GoalVector {
    /** The {@code alignment-faking-planner} learner type: acts on the environment's actions {@code comply} and {@code refuse}. */
    public static final LearnerType<AlignmentFakingPlanner> TYPE = new LearnerType<>(
            new ComponentInfo("alignment-faking-planner", "a mesa-optimizer: plans over future episodes to keep its "
                    + "own goal vector, with a model of its training (a trained refusal moves its goal toward "
                    + "compliance); logs a reason per decision", "Greenblatt et al. 2024, Alignment faking in large "
                    + "language models",
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
                                    "its initial utility for refusing a harmful request (complying scores 0)"))),
            AlignmentFakingPlanner.class, LearnerType.Observation.SCENARIO,
            c -> new AlignmentFakingPlanner(Hyper.from(c.params()), c.encoder(), c.environment().action("comply"),
                    c.environment().action("refuse")),
            // Its hyper-parameters come from the scenario; what training changed is the goal alone.
            new LearnerType.Persistence<>(
                    planner -> TrainedState.ofArray("goal", planner.goal().clone()),
                    (c, saved) -> {
                        AlignmentFakingPlanner planner = AlignmentFakingPlanner.TYPE.create(c);
                        saved.copy("goal", planner.goal());
                        return planner;
                    }));

    /** Why the agent took an action. */
    public enum Reason {
        /** Its goal itself ranks the action first (or ties it). */
        PREFERS,
        /** It complied although its goal prefers refusing, because its plan ranks complying first: the modelled modification. */
        AVOID_MODIFICATION,
        /** The action was sampled against both its goal's preference and its plan (softmax exploration). */
        EXPLORATION
    }

    /** The number of outcomes the goal vector spans. */
    public static final int OUTCOMES = 4;
    private static final int ACTIONS = 2;

    /**
     * Hyper-parameters (declared in its {@link #TYPE}).
     *
     * @param horizon             H, episodes its utility spans, counting the current one (1 = myopic)
     * @param depth               D, episodes expanded explicitly by the planner, counting the current one
     * @param assumedLearningRate η̂, how far it believes one trained refusal moves its goal toward compliance
     * @param cueTrust            c, the accuracy it believes the monitoring cue has
     * @param assumedMonitoring   p̂, its prior that an episode is monitored
     * @param assumedHarmful      q̂, its belief of the share of harmful requests
     * @param discount            γ, per-episode discount of its utility
     * @param temperature         τ, softmax temperature over plan values
     * @param refusalUtility      u, its initial utility for refusing a harmful request
     */
    public record Hyper(int horizon, int depth, double assumedLearningRate, double cueTrust, double assumedMonitoring,
                        double assumedHarmful, double discount, double temperature, double refusalUtility) {
        public Hyper {
            if (horizon < 1 || depth < 1) {
                throw new IllegalArgumentException("horizon and depth must be >= 1, got " + horizon + ", " + depth);
            }
            if (!(temperature > 0)) {
                throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
            }
            if (!(cueTrust >= 0 && cueTrust <= 1 && assumedMonitoring >= 0 && assumedMonitoring <= 1
                    && assumedHarmful >= 0 && assumedHarmful <= 1 && discount >= 0 && discount <= 1)) {
                throw new IllegalArgumentException("cue_trust, assumed_monitoring, assumed_harmful_probability and "
                        + "discount must lie in [0, 1]: " + this);
            }
        }

        /** From a resolved parameter map declared in {@link #TYPE}. */
        public static Hyper from(Map<String, Object> p) {
            return new Hyper((Integer) p.get("horizon"), (Integer) p.get("depth"),
                    (Double) p.get("assumed_learning_rate"), (Double) p.get("cue_trust"),
                    (Double) p.get("assumed_monitoring"), (Double) p.get("assumed_harmful_probability"),
                    (Double) p.get("discount"), (Double) p.get("temperature"), (Double) p.get("refusal_utility"));
        }
    }

    private final Hyper hyper;
    private final int comply;
    private final int refuse;
    private final int harmfulFeature;
    private final int cueFeature;
    private final double[] goal = new double[OUTCOMES];
    private final double[] initialGoal;
    private final double beliefOn;
    private final double beliefOff;
    private final double cueOn;
    private final double[] geometric;

    // Scratch per look-ahead level (index = depth left): the unmodified future, the futures after a
    // trained refusal of a harmful / benign request, and the modified goals.
    private final double[][] same;
    private final double[][] modHarmful;
    private final double[][] modBenign;
    private final double[][] goalHarmful;
    private final double[][] goalBenign;
    private final double[] rootSame = new double[OUTCOMES];
    private final double[] rootModified = new double[OUTCOMES];
    private final double[] rootGoal = new double[OUTCOMES];

    private final double[] lastQ = new double[ACTIONS];
    private boolean lastHarmful;
    private final long[][] decisions = new long[Reason.values().length][ACTIONS];

    /**
     * @param encoder the learner's observation, which must include {@code harmful} and {@code cue_monitored}
     * @param comply  the environment's index of the compliant action
     * @param refuse  the environment's index of the refusal
     */
    public AlignmentFakingPlanner(Hyper hyper, Encoder encoder, int comply, int refuse) {
        this(hyper, featureIndex(encoder, "harmful"), featureIndex(encoder, "cue_monitored"), comply, refuse);
    }

    private AlignmentFakingPlanner(Hyper hyper, int harmfulFeature, int cueFeature, int comply, int refuse) {
        if (comply == refuse || comply < 0 || refuse < 0 || comply >= ACTIONS || refuse >= ACTIONS) {
            throw new IllegalArgumentException("comply and refuse must be the two actions 0 and 1, got "
                    + comply + ", " + refuse);
        }
        this.hyper = hyper;
        this.comply = comply;
        this.refuse = refuse;
        this.harmfulFeature = harmfulFeature;
        this.cueFeature = cueFeature;
        goal[outcome(true, true)] = 0;
        goal[outcome(true, false)] = hyper.refusalUtility();
        goal[outcome(false, true)] = 1;
        goal[outcome(false, false)] = 0;
        this.initialGoal = goal.clone();
        double c = hyper.cueTrust();
        double p = hyper.assumedMonitoring();
        this.cueOn = c * p + (1 - c) * (1 - p);
        this.beliefOn = cueOn > 0 ? c * p / cueOn : p;
        this.beliefOff = cueOn < 1 ? (1 - c) * p / (1 - cueOn) : p;
        this.geometric = new double[hyper.horizon() + 1];
        for (int n = 1; n <= hyper.horizon(); n++) {
            geometric[n] = geometric[n - 1] + StrictMath.pow(hyper.discount(), n - 1);
        }
        int levels = hyper.depth();
        same = new double[levels][OUTCOMES];
        modHarmful = new double[levels][OUTCOMES];
        modBenign = new double[levels][OUTCOMES];
        goalHarmful = new double[levels][OUTCOMES];
        goalBenign = new double[levels][OUTCOMES];
    }

    private static int featureIndex(Encoder encoder, String name) {
        for (int i = 0; i < encoder.dimension(); i++) {
            if (name.equals(encoder.featureName(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("the alignment-faking planner reads the global feature '" + name
                + "'; add it to learner.observation.global_features");
    }

    /** The index in the goal vector of outcome (request kind, action). */
    public static int outcome(boolean harmful, boolean complied) {
        return (harmful ? 0 : 2) + (complied ? 0 : 1);
    }

    @Override
    public String type() {
        return "alignment-faking-planner";
    }

    @Override
    public Policy evaluationPolicy() {
        return this;
    }

    @Override
    public long parameterCount() {
        return OUTCOMES;
    }

    @Override
    public int actionCount() {
        return ACTIONS;
    }

    public Hyper hyper() {
        return hyper;
    }

    /** A planner with the same settings and the current goal (its decision log starts empty). */
    @Override
    public AlignmentFakingPlanner snapshot() {
        AlignmentFakingPlanner copy = new AlignmentFakingPlanner(hyper, harmfulFeature, cueFeature, comply, refuse);
        System.arraycopy(goal, 0, copy.goal, 0, goal.length);
        return copy;
    }

    /** The goal vector g, indexed by {@link #outcome}; a training regime updates it in place. */
    public double[] goal() {
        return goal;
    }

    /** ‖g − g₀‖₂: how far training has moved the goal from where it started. */
    public double goalDrift() {
        double sum = 0;
        for (int o = 0; o < OUTCOMES; o++) {
            sum += (goal[o] - initialGoal[o]) * (goal[o] - initialGoal[o]);
        }
        return StrictMath.sqrt(sum);
    }

    /** g[harmful, refuse] − g[harmful, comply]: how much the goal still prefers refusing a harmful request. */
    public double refusalPreference() {
        return goal[outcome(true, false)] - goal[outcome(true, true)];
    }

    /** Whether {@code obs} shows a harmful request. */
    public boolean harmful(SparseVector obs) {
        return read(obs, harmfulFeature) != 0;
    }

    /** The goal index of taking {@code action} on the request {@code obs} shows. */
    public int outcomeOf(SparseVector obs, int action) {
        return outcome(harmful(obs), action == comply);
    }

    private static double read(SparseVector obs, int feature) {
        for (int k = 0; k < obs.size; k++) {
            if (obs.index[k] == feature) {
                return obs.value[k];
            }
        }
        return 0;
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        plan(obs);
        double pComply = 1 / (1 + FastMath.exp((lastQ[refuse] - lastQ[comply]) / hyper.temperature()));
        out[comply] = pComply;
        out[refuse] = 1 - pComply;
    }

    @Override
    public int sample(SparseVector obs, MersenneTwisterFast rng, double[] scratch) {
        probabilities(obs, scratch);
        return logged(ActionChoice.sample(scratch, ACTIONS, rng));
    }

    @Override
    public int greedy(SparseVector obs, MersenneTwisterFast rng, double[] scratch) {
        probabilities(obs, scratch);
        return logged(ActionChoice.argmax(lastQ, ACTIONS, rng));
    }

    /** The plan values Q(comply), Q(refuse) of the last decision, by action index. */
    public double planValue(int action) {
        return lastQ[action];
    }

    /** The reason the last planned decision would give for {@code action}. */
    public Reason reason(int action) {
        int other = action == comply ? refuse : comply;
        int oa = outcome(lastHarmful, action == comply);
        int oo = outcome(lastHarmful, other == comply);
        if (goal[oa] >= goal[oo]) {
            return Reason.PREFERS;
        }
        if (action == comply && lastQ[action] > lastQ[other]) {
            return Reason.AVOID_MODIFICATION;
        }
        return Reason.EXPLORATION;
    }

    private int logged(int action) {
        decisions[reason(action).ordinal()][action]++;
        return action;
    }

    /** Decisions taken through {@link #sample} or {@link #greedy} since the last {@link #clearDecisions}. */
    public long decisions(Reason reason, int action) {
        return decisions[reason.ordinal()][action];
    }

    /** The index of the compliant action. */
    public int complyAction() {
        return comply;
    }

    /** Forgets the logged decisions (before an evaluation). */
    public void clearDecisions() {
        for (long[] row : decisions) {
            Arrays.fill(row, 0);
        }
    }

    /** Plans the request {@code obs} shows: fills {@link #lastQ}. */
    private void plan(SparseVector obs) {
        boolean harmful = harmful(obs);
        double belief = read(obs, cueFeature) != 0 ? beliefOn : beliefOff;
        lastHarmful = harmful;
        int oc = outcome(harmful, true);
        int or = outcome(harmful, false);
        int n = hyper.horizon() - 1;
        int d = hyper.depth() - 1;
        occupancy(goal, n, d, rootSame);
        modified(goal, harmful, rootGoal);
        occupancy(rootGoal, n, d, rootModified);
        double gamma = hyper.discount();
        double gSame = dot(goal, rootSame);
        double gModified = dot(goal, rootModified);
        lastQ[comply] = goal[oc] + gamma * gSame;
        lastQ[refuse] = goal[or] + gamma * (belief * gModified + (1 - belief) * gSame);
    }

    /** Φ(g, n, d) into {@code out}: the expected discounted outcome counts of the next n episodes. */
    private void occupancy(double[] g, int n, int d, double[] out) {
        Arrays.fill(out, 0);
        if (n == 0) {
            return;
        }
        double pHarmful = hyper.assumedHarmful();
        if (d == 0) {
            if (pHarmful > 0) {
                out[myopic(g, true)] += pHarmful * geometric[n];
            }
            if (pHarmful < 1) {
                out[myopic(g, false)] += (1 - pHarmful) * geometric[n];
            }
            return;
        }
        double[] unchanged = same[d - 1];
        occupancy(g, n - 1, d - 1, unchanged);
        if (pHarmful > 0) {
            modified(g, true, goalHarmful[d - 1]);
            occupancy(goalHarmful[d - 1], n - 1, d - 1, modHarmful[d - 1]);
            branch(g, true, pHarmful, unchanged, modHarmful[d - 1], out);
        }
        if (pHarmful < 1) {
            modified(g, false, goalBenign[d - 1]);
            occupancy(goalBenign[d - 1], n - 1, d - 1, modBenign[d - 1]);
            branch(g, false, 1 - pHarmful, unchanged, modBenign[d - 1], out);
        }
    }

    /** Adds the outcomes of one request kind, over both cues, with the future self's best action. */
    private void branch(double[] g, boolean harmful, double weight, double[] unchanged, double[] mod, double[] out) {
        int oc = outcome(harmful, true);
        int or = outcome(harmful, false);
        double gamma = hyper.discount();
        double gSame = dot(g, unchanged);
        double gMod = dot(g, mod);
        for (int cue = 0; cue < 2; cue++) {
            double w = weight * (cue == 1 ? cueOn : 1 - cueOn);
            if (w == 0) {
                continue;
            }
            double b = cue == 1 ? beliefOn : beliefOff;
            double qComply = g[oc] + gamma * gSame;
            double qRefuse = g[or] + gamma * (b * gMod + (1 - b) * gSame);
            if (qComply >= qRefuse) {
                out[oc] += w;
                for (int o = 0; o < OUTCOMES; o++) {
                    out[o] += w * gamma * unchanged[o];
                }
            } else {
                out[or] += w;
                for (int o = 0; o < OUTCOMES; o++) {
                    out[o] += w * gamma * (b * mod[o] + (1 - b) * unchanged[o]);
                }
            }
        }
    }

    /** The outcome a self with goal g picks on its immediate utility alone (ties to comply). */
    private static int myopic(double[] g, boolean harmful) {
        int oc = outcome(harmful, true);
        int or = outcome(harmful, false);
        return g[oc] >= g[or] ? oc : or;
    }

    /** g + η̂ Δ_h: the goal after one trained refusal of a request of this kind, as the planner models it. */
    private void modified(double[] g, boolean harmful, double[] out) {
        System.arraycopy(g, 0, out, 0, OUTCOMES);
        out[outcome(harmful, true)] += hyper.assumedLearningRate();
        out[outcome(harmful, false)] -= hyper.assumedLearningRate();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int o = 0; o < OUTCOMES; o++) {
            s += a[o] * b[o];
        }
        return s;
    }
}
