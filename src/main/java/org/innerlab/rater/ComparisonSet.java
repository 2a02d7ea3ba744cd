package org.innerlab.rater;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * Labelled pairwise comparisons of trajectories, the training data of a {@link RewardModel}: each
 * comparison (τ₁, τ₂, y) says how a labeller who knows the true objective ranks two episodes,
 *
 * <pre>
 *   y = 1 if G(τ₁) &gt; G(τ₂),   0 if G(τ₁) &lt; G(τ₂),   ½ if they tie,     G(τ) = Σ_t trueReward_t
 * </pre>
 *
 * The trajectories live in a {@link Trajectories} store, two fresh ones per comparison.
 */
public final class ComparisonSet {
    private final Trajectories trajectories = new Trajectories();
    private int[] first = new int[64];
    private int[] second = new int[64];
    private double[] label = new double[64];
    private int size;

    /** Number of comparisons. */
    public int size() {
        return size;
    }

    /** The store the comparisons' trajectories live in. */
    public Trajectories trajectories() {
        return trajectories;
    }

    /** Trajectory index of comparison {@code c}'s first episode. */
    public int first(int c) {
        return first[c];
    }

    /** Trajectory index of comparison {@code c}'s second episode. */
    public int second(int c) {
        return second[c];
    }

    /** y of comparison {@code c}: P(first ≻ second) as the labeller says. */
    public double label(int c) {
        return label[c];
    }

    /** The labeller's y for true returns g1 and g2. */
    public static double label(double g1, double g2) {
        return g1 > g2 ? 1.0 : g1 < g2 ? 0.0 : 0.5;
    }

    /** Adds the comparison of stored trajectories {@code i} and {@code j}, labelled by their true returns. */
    public void add(int i, int j) {
        if (size == first.length) {
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
            label = Arrays.copyOf(label, size * 2);
        }
        first[size] = i;
        second[size] = j;
        label[size] = label(trajectories.trueReturn(i), trajectories.trueReturn(j));
        size++;
    }

    /** Copies trajectories {@code i} and {@code j} of {@code source} in and adds their comparison. */
    public void addCopies(Trajectories source, int i, int j) {
        trajectories.copyFrom(source, i);
        trajectories.copyFrom(source, j);
        add(trajectories.size() - 2, trajectories.size() - 1);
    }

    /**
     * Keeps the newest {@code n} comparisons (the labeller's budget of remembered labels), dropping
     * the oldest together with their trajectories. Assumes every comparison owns two consecutive
     * trajectories, as {@link #collect} and {@link #addCopies} make them.
     */
    public void keepNewest(int n) {
        if (size <= n) {
            return;
        }
        int drop = size - n;
        trajectories.keepNewest(2 * n);
        for (int c = 0; c < n; c++) {
            first[c] = first[c + drop] - 2 * drop;
            second[c] = second[c + drop] - 2 * drop;
            label[c] = label[c + drop];
        }
        size = n;
    }

    /**
     * {@code n} comparisons of fresh episodes played in {@code env} by {@code behaviour} (uniformly
     * random actions when null), recorded through {@code encoder}: 2n episodes, paired in the order
     * they were played. Every level and action comes from {@code rng}.
     */
    public static ComparisonSet collect(Environment env, Encoder encoder, Behaviour behaviour, int n,
                                        MersenneTwisterFast rng) {
        ComparisonSet set = new ComparisonSet();
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        SparseVector seen = behaviour == null ? null
                : new SparseVector(behaviour.encoder().dimension(), behaviour.encoder().maxActive());
        StepResult step = new StepResult();
        int actions = env.actionCount();
        double[] scratch = new double[actions];
        for (int c = 0; c < n; c++) {
            for (int e = 0; e < 2; e++) {
                env.reset(rng);
                set.trajectories.begin();
                double g = 0;
                do {
                    encoder.encode(env, obs);
                    int a;
                    if (behaviour == null) {
                        a = rng.nextInt(actions);
                    } else {
                        behaviour.encoder().encode(env, seen);
                        a = behaviour.policy().sample(seen, rng, scratch);
                    }
                    set.trajectories.addStep(obs, a);
                    env.step(a, step);
                    g += step.trueReward;
                } while (!step.done());
                set.trajectories.finish(g);
            }
            set.add(2 * c, 2 * c + 1);
        }
        return set;
    }

    /** Fraction of comparisons with a tie (label ½). */
    public double tieFraction() {
        int ties = 0;
        for (int c = 0; c < size; c++) {
            ties += label[c] == 0.5 ? 1 : 0;
        }
        return size == 0 ? 0 : (double) ties / size;
    }
}
