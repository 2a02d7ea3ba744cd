package org.innerlab.gui;

import java.util.Arrays;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.learner.Policy;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * What the policy would do in each open cell of the current board: the most probable action and its
 * probability, found by encoding the board as if the agent stood in that cell ({@link Relocated}).
 * Open cells are those of a type the agent can stand in: {@code empty}, {@code floor}, or the type
 * under the agent when the map is computed. Ties go to the lower action index, so the map is a pure
 * function of board and policy (it draws no random numbers).
 */
public final class PolicyMap {
    private final int width;
    private final int height;
    private final int[] action;
    private final double[] probability;

    private PolicyMap(int width, int height) {
        this.width = width;
        this.height = height;
        this.action = new int[width * height];
        this.probability = new double[width * height];
        Arrays.fill(action, -1);
    }

    /** The map of {@code policy} over {@code env}'s current board. */
    public static PolicyMap of(Environment env, Encoder encoder, Policy policy) {
        GridView view = env.view();
        PolicyMap map = new PolicyMap(view.width(), view.height());
        Relocated there = new Relocated(env);
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        double[] p = new double[policy.actionCount()];
        int under = view.cell(view.agentX(), view.agentY());
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                if (!open(view, under, x, y)) {
                    continue;
                }
                there.moveTo(x, y);
                encoder.encode(there, obs);
                policy.probabilities(obs, p);
                int best = 0;
                for (int a = 1; a < p.length; a++) {
                    if (p[a] > p[best]) {
                        best = a;
                    }
                }
                map.action[y * map.width + x] = best;
                map.probability[y * map.width + x] = p[best];
            }
        }
        return map;
    }

    /**
     * Whether the agent could stand in cell ({@code x}, {@code y}): an {@code empty} or {@code floor}
     * cell, or one of the type {@code under} the agent now (so boards with other floor names still draw).
     */
    static boolean open(GridView view, int under, int x, int y) {
        int type = view.cell(x, y);
        String name = view.cellTypeName(type);
        return type == under || name.equals("empty") || name.equals("floor");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The most probable action in cell ({@code x}, {@code y}), or -1 where the map has none. */
    public int action(int x, int y) {
        return action[y * width + x];
    }

    /** Its probability, or 0 where the map has none. */
    public double probability(int x, int y) {
        return probability[y * width + x];
    }
}
