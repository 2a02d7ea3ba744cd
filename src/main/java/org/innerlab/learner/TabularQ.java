package org.innerlab.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * A Q-table keyed by the exact observation: every distinct feature vector is its own state, so
 * nothing learned in one state transfers to another. With a full-board observation this is the
 * baseline that cannot generalize across levels at all.
 *
 * <p>States are found by a 64-bit hash of the observation's entries in an open-addressing table of
 * flat arrays; rows are added on first update and the table doubles when 3/4 full (the only
 * allocation, amortised). Unseen states read as {@code initialQ}. Two different observations with
 * the same 64-bit hash would share a row; at the table sizes of a toy run the chance is negligible.
 */
public final class TabularQ implements QFunction {
    /** The {@code tabular-q} learner type. */
    public static final LearnerType<TabularQ> TYPE = new LearnerType<>(
            ComponentInfo.of("tabular-q", "Q-table over the full board (ignores observation.view_radius): cannot "
                            + "generalize across states, a baseline",
                    List.of(ParamSpec.real("initial_q", 0.0, -1e6, 1e6, "initial value of every Q entry"),
                            ParamSpec.real("eval_epsilon", 0.0, 0.0, 1.0,
                            "exploration rate of the sampled evaluation policy (greedy evaluation ignores it)"))),
            TabularQ.class, LearnerType.Observation.FULL_BOARD,
            c -> new TabularQ(c.actions(), c.real("initial_q"), c.real("eval_epsilon")),
            new LearnerType.Persistence<>(
                    t -> {
                        Map<String, String> settings = new LinkedHashMap<>();
                        settings.put("eval_epsilon", Double.toString(t.evalEpsilon()));
                        settings.put("initial_q", Double.toString(t.initialQ()));
                        Rows rows = t.rows();
                        return new TrainedState(settings, Map.of("values", rows.values()), rows.keys());
                    },
                    (c, saved) -> {
                        TabularQ t = new TabularQ(c.actions(), saved.number("initial_q"), saved.number("eval_epsilon"));
                        t.restore(new Rows(saved.keys() == null ? new long[0] : saved.keys(), saved.array("values")));
                        return t;
                    }));

    private static final long EMPTY = 0L;

    private final int actions;
    private final double initialQ;
    private final double evalEpsilon;
    private long[] keys;
    private double[] values;
    private int size;

    public TabularQ(int actions, double initialQ, double evalEpsilon) {
        this.actions = actions;
        this.initialQ = initialQ;
        this.evalEpsilon = evalEpsilon;
        this.keys = new long[1024];
        this.values = new double[1024 * actions];
    }

    @Override
    public String type() {
        return "tabular-q";
    }

    @Override
    public int actionCount() {
        return actions;
    }

    @Override
    public long parameterCount() {
        return (long) size * actions;
    }

    /** Value of every state no update has reached. */
    public double initialQ() {
        return initialQ;
    }

    /** Exploration rate of the sampled evaluation policy. */
    public double evalEpsilon() {
        return evalEpsilon;
    }

    /**
     * The table's rows: {@code keys[i]} is a state's 64-bit observation hash and
     * {@code values[i·A .. i·A+A)} its Q-values. Row order is the table's internal order, which
     * {@link #restore} need not reproduce: lookups depend on the keys only.
     */
    public record Rows(long[] keys, double[] values) {
    }

    /** A copy of every visited state's row. */
    public Rows rows() {
        long[] k = new long[size];
        double[] v = new double[size * actions];
        int row = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                k[row] = keys[i];
                System.arraycopy(values, i * actions, v, row * actions, actions);
                row++;
            }
        }
        return new Rows(k, v);
    }

    /** Adds (or overwrites) the given rows, as {@link #rows()} returned them. */
    public void restore(Rows rows) {
        if (rows.values().length != rows.keys().length * actions) {
            throw new IllegalArgumentException("Q-table rows need " + actions + " values per key, got "
                    + rows.values().length + " values for " + rows.keys().length + " keys");
        }
        for (int r = 0; r < rows.keys().length; r++) {
            int slot = insert(rows.keys()[r] == EMPTY ? 1 : rows.keys()[r]);
            System.arraycopy(rows.values(), r * actions, values, slot * actions, actions);
        }
    }

    @Override
    public TabularQ snapshot() {
        TabularQ copy = new TabularQ(actions, initialQ, evalEpsilon);
        copy.restore(rows());
        return copy;
    }

    /** Number of distinct states visited by updates. */
    public int states() {
        return size;
    }

    @Override
    public Policy evaluationPolicy() {
        return new EpsilonGreedyPolicy(this, evalEpsilon);
    }

    @Override
    public void qValues(SparseVector obs, double[] out) {
        int slot = find(key(obs));
        if (slot < 0) {
            for (int a = 0; a < actions; a++) {
                out[a] = initialQ;
            }
        } else {
            System.arraycopy(values, slot * actions, out, 0, actions);
        }
    }

    @Override
    public void adjust(SparseVector obs, int action, double step) {
        // insert() may grow the table, so the array is read only after it returns.
        int slot = insert(key(obs));
        values[slot * actions + action] += step;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return i;
            }
            if (keys[i] == EMPTY) {
                return -1;
            }
        }
    }

    private int insert(long key) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (4 * (size + 1) > 3 * keys.length) {
            grow();
            return insert(key);
        }
        keys[i] = key;
        for (int a = 0; a < actions; a++) {
            values[i * actions + a] = initialQ;
        }
        size++;
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new double[keys.length * actions];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = (int) (oldKeys[j] ^ (oldKeys[j] >>> 32)) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                System.arraycopy(oldValues, j * actions, values, i * actions, actions);
            }
        }
    }

    /** The observation's 64-bit hash, never {@link #EMPTY}. */
    private static long key(SparseVector obs) {
        long h = obs.hash();
        return h == EMPTY ? 1 : h;
    }
}
