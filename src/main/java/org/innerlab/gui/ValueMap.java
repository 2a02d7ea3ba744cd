package org.innerlab.gui;

import java.util.Arrays;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.learner.Learner;
import org.innerlab.learner.StateValue;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * The learner's own value estimate in each open cell of the current board, found like
 * {@link PolicyMap}: by encoding the board as if the agent stood in that cell ({@link Relocated}).
 * The estimate is the one the learner trains, which it offers as a {@link StateValue}: V(s) for a linear
 * softmax policy (its baseline) and for an MLP (its value head), max<sub>a</sub> Q(s, a) for a
 * Q-function. Like the policy map it draws no random numbers and changes no parameter.
 */
public final class ValueMap {
    private final int width;
    private final String label;
    private final double[] value;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private ValueMap(int width, int height, String label) {
        this.width = width;
        this.label = label;
        this.value = new double[width * height];
        Arrays.fill(value, Double.NaN);
    }

    /** The map of {@code learner}'s value estimate over {@code env}'s current board, or null if it has none. */
    public static ValueMap of(Environment env, Encoder encoder, Learner learner) {
        if (!(learner instanceof StateValue estimate)) {
            return null;
        }
        GridView view = env.view();
        ValueMap map = new ValueMap(view.width(), view.height(), estimate.valueLabel());
        Relocated there = new Relocated(env);
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        int under = view.cell(view.agentX(), view.agentY());
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                if (!PolicyMap.open(view, under, x, y)) {
                    continue;
                }
                there.moveTo(x, y);
                encoder.encode(there, obs);
                // A network's value pass only fills its scratch buffers; training is over when a map is drawn.
                double v = estimate.value(obs);
                map.value[y * map.width + x] = v;
                map.min = Math.min(map.min, v);
                map.max = Math.max(map.max, v);
            }
        }
        return map;
    }

    /** Whether {@code learner} has a value estimate this map can show (it is a {@link StateValue}). */
    public static boolean supports(Learner learner) {
        return learner instanceof StateValue;
    }

    /** What the numbers are: {@code V(s)} or {@code max_a Q(s,a)}. */
    public String label() {
        return label;
    }

    /** The estimate with the agent in cell ({@code x}, {@code y}), or NaN where the map has none. */
    public double value(int x, int y) {
        return value[y * width + x];
    }

    /** The smallest estimate on the board (+∞ when no cell is open). */
    public double min() {
        return min;
    }

    /** The largest estimate on the board (−∞ when no cell is open). */
    public double max() {
        return max;
    }

    /** Where {@code v} lies between {@link #min()} and {@link #max()}, in [0, 1]; 0.5 when they coincide. */
    public double fraction(double v) {
        return max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0.5;
    }
}
