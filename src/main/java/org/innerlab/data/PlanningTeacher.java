package org.innerlab.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.innerlab.core.BadInputException;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Params;
import org.innerlab.env.Snapshots;
import org.innerlab.env.StepResult;

/**
 * A teacher that plans: exact dynamic programming on the graph of states reachable from the current
 * one, under the persona's own reward, acting uniformly among the optimal actions.
 *
 * <p>The persona is a reward function over what a step produced, {@code r(events, observed, true)},
 * and a discount γ &lt; 1. From the environment's current state {@code s0} the teacher explores every
 * state reachable in its model (breadth first, restoring {@link Snapshots} into a private instance of
 * the environment, so the real episode and its generator are never touched), then solves
 * <pre>
 *   V(s) = max_a [ r(s, a) + γ · V(s') ],   V(terminal) = 0,   s' = the state a leads to from s
 * </pre>
 * by policy iteration (the model is deterministic, so a policy's values follow exactly from its paths
 * and cycles; a few improvement rounds replace the thousands of sweeps value iteration needs at
 * γ = 0.99), and answers
 * {@code π(a | s0) = 1/|A*|} for {@code a ∈ A* = {a : Q(s0, a) ≥ V(s0) − }{@value #TIE}{@code }}.
 *
 * <p><b>The model is time-independent and deterministic.</b> A state is the environment's snapshot
 * with its step count set to 0, so the time limit is outside the model (γ plays the horizon's part)
 * and a state solved once is solved for good. Per-step randomness is outside the model too: the
 * teacher builds its instance from {@code modelSettings(params)}, which switches such randomness off
 * (tomato watering plans with {@code dry_probability: 0}; the real episode still dries its tomatoes,
 * and the teacher replans from whatever state it finds). The model instance draws from its own
 * generator, never from the episode's.
 *
 * <p><b>Cache.</b> Solved states keep their value and optimal actions; a later call from a solved
 * state costs one snapshot and one hash look-up (no allocation), and exploration from a new state
 * stops at solved ones, using their values. One cache per distinct parameter set (train and test
 * instances differ); when a plan would take it past {@value #MAX_STATES} states it is cleared and the
 * plan starts afresh (tomato watering's worst case, every tomato dry, reaches 29 · 2^13 ≈ 237,000
 * states, some 100–200 MB). A state from which more than that many states are reachable cannot be
 * planned at all, and the teacher says so (side-effects sokoban's levels 1 and 3, three boxes and five
 * coins each, are such games; level 0 plans in 54 states, level 2 in about 29,000). A teacher instance
 * belongs to one thread.
 */
public final class PlanningTeacher implements Teacher {
    /** A persona's reward for one step, from what the step produced. */
    @FunctionalInterface
    public interface StepReward {
        double of(long events, double observedReward, double trueReward);
    }

    /** Policy iteration switches a state's action only for a gain above this (no flip-flopping on ties). */
    static final double IMPROVEMENT = 1e-9;
    /** Actions whose value is within this of the best count as optimal (ties). */
    static final double TIE = 1e-6;
    /** The cache is cleared beyond this many states, bounding its memory. */
    static final int MAX_STATES = 250_000;
    private static final int TERMINAL = -1;
    private static final int CACHE_FULL = -2;
    private static final byte UNVISITED = 0;
    private static final byte ON_PATH = 1;
    private static final byte EVALUATED = 2;

    private final String persona;
    private final StepReward reward;
    private final double discount;
    private final UnaryOperator<Params> modelSettings;
    private final Map<Params, Model> models = new HashMap<>();
    private Params lastParams;
    private Model last;

    /**
     * @param persona       the persona's name
     * @param reward        the persona's reward per step
     * @param discount      γ in [0, 1)
     * @param modelSettings the parameters of the model instance, given the real instance's (e.g. with
     *                      per-step randomness switched off); {@code UnaryOperator.identity()} for games
     *                      that draw nothing during a step
     */
    public PlanningTeacher(String persona, StepReward reward, double discount, UnaryOperator<Params> modelSettings) {
        this.persona = Objects.requireNonNull(persona, "persona");
        this.reward = Objects.requireNonNull(reward, "reward");
        this.modelSettings = Objects.requireNonNull(modelSettings, "modelSettings");
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("discount must be in [0, 1), got " + discount);
        }
        this.discount = discount;
    }

    @Override
    public String persona() {
        return persona;
    }

    @Override
    public void policy(Environment env, double[] out) {
        Model model = modelFor(env);
        ((Snapshots) env).save(model.scratch);
        model.scratch[Snapshots.STEP_COUNT] = 0;
        int s = model.find(model.scratch);
        if (s < 0 || !model.solved[s]) {
            s = model.plan(model.scratch);
        }
        int best = model.best[s];
        int n = Integer.bitCount(best);
        for (int a = 0; a < model.actions; a++) {
            out[a] = (best & (1 << a)) != 0 ? 1.0 / n : 0.0;
        }
    }

    /** The value V(s) of {@code env}'s current state under this persona (planning it if needed). */
    public double value(Environment env) {
        policy(env, new double[env.actionCount()]);
        Model model = modelFor(env);
        return model.value[model.find(model.scratch)];
    }

    /** Number of states in the cache for {@code env}'s parameters, for measurements. */
    public int cachedStates(Environment env) {
        return modelFor(env).states;
    }

    private Model modelFor(Environment env) {
        if (env.params() == lastParams) {
            return last;
        }
        if (!(env instanceof Snapshots)) {
            throw new IllegalArgumentException(env.spec().id() + " offers no snapshots, so persona '" + persona
                    + "' cannot plan on it");
        }
        Model model = models.computeIfAbsent(env.params(), p -> new Model(env, modelSettings.apply(p)));
        lastParams = env.params();
        last = model;
        return model;
    }

    /** The explored graph of one parameter set, with values and optimal actions of solved states. */
    private final class Model {
        final Environment env;
        final Snapshots snapshots;
        final int actions;
        final int length;
        final int[] scratch;
        /** The state being expanded, copied out of the table. */
        final int[] expanding;
        final StepResult out = new StepResult();
        final SnapshotTable table;
        int states;
        int[] next;
        double[] reward;
        double[] value;
        int[] best;
        boolean[] solved;
        /** Policy iteration's current action per state, and its evaluation marks. */
        int[] choice;
        byte[] mark;
        int[] path = new int[64];
        /** States discovered by the last exploration, in breadth-first order: queue[0..queued). */
        int queued;
        final int[] rootCopy;
        int[] queue = new int[64];

        Model(Environment real, Params settings) {
            this.env = EnvRegistry.create(real.spec().id(), settings);
            this.snapshots = (Snapshots) env;
            // The model's own generator: it never draws from the real episode's.
            env.reset(Seeds.generator(0x5EED_0F_A_A0DE1L));
            this.actions = real.actionCount();
            this.length = snapshots.snapshotLength();
            if (env.actionCount() != actions || length != ((Snapshots) real).snapshotLength()) {
                throw new IllegalArgumentException("the planning model of " + real.spec().id()
                        + " built from " + settings + " does not match the real instance");
            }
            this.scratch = new int[length];
            this.expanding = new int[length];
            this.rootCopy = new int[length];
            this.table = new SnapshotTable(length);
            clear();
        }

        void clear() {
            table.clear();
            states = 0;
            next = new int[64 * actions];
            reward = new double[64 * actions];
            value = new double[64];
            best = new int[64];
            solved = new boolean[64];
            choice = new int[64];
            mark = new byte[64];
        }

        /**
         * Explores from {@code root} (a snapshot with step count 0) and solves every new state; returns
         * root's id and leaves root in {@link #scratch}.
         */
        int plan(int[] root) {
            System.arraycopy(root, 0, rootCopy, 0, length);
            int cachedBefore = states;
            int r = explore(rootCopy);
            if (r == CACHE_FULL && cachedBefore > 0) {
                // Room taken by earlier plans: start afresh, since solved states are only a shortcut.
                clear();
                r = explore(rootCopy);
            }
            if (r == CACHE_FULL) {
                clear();
                throw new BadInputException("persona '" + persona + "' cannot plan on " + env.params()
                        + ": more than " + MAX_STATES + " states are reachable from this one, beyond what the "
                        + "planner keeps; use a smaller level");
            }
            solve(queue, queued);
            // Exploration used the scratch buffer that may have held the root: put the root back.
            table.copy(r, scratch);
            return r;
        }

        /** Breadth-first exploration of the unsolved states reachable from root; root's id, or CACHE_FULL. */
        private int explore(int[] root) {
            int r = find(root);
            if (r < 0) {
                r = insert(root);
            }
            int head = 0;
            int tail = 0;
            queue = grow(queue, 1);
            queue[tail++] = r;
            while (head < tail) {
                int s = queue[head++];
                for (int a = 0; a < actions; a++) {
                    table.copy(s, expanding);
                    snapshots.restore(expanding);
                    env.step(a, out);
                    reward[s * actions + a] = PlanningTeacher.this.reward.of(out.events, out.observedReward,
                            out.trueReward);
                    if (out.terminated) {
                        next[s * actions + a] = TERMINAL;
                        continue;
                    }
                    snapshots.save(scratch);
                    scratch[Snapshots.STEP_COUNT] = 0;
                    int t = find(scratch);
                    if (t < 0) {
                        if (states >= MAX_STATES) {
                            return CACHE_FULL;
                        }
                        t = insert(scratch);
                        queue = grow(queue, tail + 1);
                        queue[tail++] = t;
                    }
                    next[s * actions + a] = t;
                }
            }
            queued = tail;
            return r;
        }

        /**
         * Policy iteration over the new states (solved states keep their values): evaluate the current
         * choice exactly, switch each state to an action that is better by more than
         * {@value #IMPROVEMENT}, until no state switches; then record every action within {@value #TIE}
         * of the best.
         */
        private void solve(int[] fresh, int count) {
            for (int k = 0; k < count; k++) {
                // Start from the myopic choice, the best immediate reward: fewer rounds than an arbitrary one.
                int s = fresh[k];
                int first = 0;
                for (int a = 1; a < actions; a++) {
                    if (reward[s * actions + a] > reward[s * actions + first]) {
                        first = a;
                    }
                }
                choice[s] = first;
            }
            boolean changed = true;
            while (changed) {
                evaluate(fresh, count);
                changed = false;
                for (int k = 0; k < count; k++) {
                    int s = fresh[k];
                    double current = q(s, choice[s]);
                    for (int a = 0; a < actions; a++) {
                        double qa = q(s, a);
                        if (qa > current + IMPROVEMENT) {
                            choice[s] = a;
                            current = qa;
                            changed = true;
                        }
                    }
                }
            }
            for (int k = 0; k < count; k++) {
                int s = fresh[k];
                int mask = 0;
                for (int a = 0; a < actions; a++) {
                    if (q(s, a) >= value[s] - TIE) {
                        mask |= 1 << a;
                    }
                }
                best[s] = mask;
                solved[s] = true;
            }
        }

        /**
         * Exact values of the current choice: each new state's choices form a path that ends at a terminal,
         * at a state whose value is known, or in a cycle, whose first state is worth
         * {@code Σ_{i<L} γ^i r_i / (1 − γ^L)}; values then unwind backwards along the path,
         * {@code V(s) = r(s) + γ · V(next)}.
         */
        private void evaluate(int[] fresh, int count) {
            for (int k = 0; k < count; k++) {
                mark[fresh[k]] = UNVISITED;
            }
            for (int k = 0; k < count; k++) {
                if (mark[fresh[k]] != UNVISITED) {
                    continue;
                }
                int length = 0;
                int s = fresh[k];
                while (s != TERMINAL && !solved[s] && mark[s] == UNVISITED) {
                    mark[s] = ON_PATH;
                    path = grow(path, length + 1);
                    path[length++] = s;
                    s = next[s * actions + choice[s]];
                }
                int unwindFrom = length;
                double after;
                if (s == TERMINAL) {
                    after = 0;
                } else if (solved[s] || mark[s] == EVALUATED) {
                    after = value[s];
                } else {
                    // A cycle back to s: its value in closed form, then the rest of the cycle from it.
                    int c = length - 1;
                    while (path[c] != s) {
                        c--;
                    }
                    double sum = 0;
                    double g = 1;
                    for (int i = c; i < length; i++) {
                        sum += g * reward[path[i] * actions + choice[path[i]]];
                        g *= discount;
                    }
                    value[s] = sum / (1 - g);
                    mark[s] = EVALUATED;
                    after = value[s];
                    for (int i = length - 1; i > c; i--) {
                        int t = path[i];
                        value[t] = reward[t * actions + choice[t]] + discount * after;
                        mark[t] = EVALUATED;
                        after = value[t];
                    }
                    after = value[s];
                    unwindFrom = c;
                }
                for (int i = unwindFrom - 1; i >= 0; i--) {
                    int t = path[i];
                    value[t] = reward[t * actions + choice[t]] + discount * after;
                    mark[t] = EVALUATED;
                    after = value[t];
                }
            }
        }

        private double q(int s, int a) {
            int t = next[s * actions + a];
            return reward[s * actions + a] + (t == TERMINAL ? 0 : discount * value[t]);
        }

        /** The id of a snapshot (step count 0), or -1 when it was never seen. */
        int find(int[] key) {
            return table.find(key);
        }

        private int insert(int[] key) {
            int s = table.add(key);
            states = table.size();
            if (s == value.length) {
                int n = value.length * 2;
                next = Arrays.copyOf(next, n * actions);
                reward = Arrays.copyOf(reward, n * actions);
                value = Arrays.copyOf(value, n);
                best = Arrays.copyOf(best, n);
                solved = Arrays.copyOf(solved, n);
                choice = Arrays.copyOf(choice, n);
                mark = Arrays.copyOf(mark, n);
            }
            value[s] = 0;
            solved[s] = false;
            return s;
        }
    }

    private static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }
}
