package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.ActivationSteering;
import org.innerlab.learner.Policy;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * A steering vector (Mini, Turner et al. 2023, the "cheese vector" and the "top-right vector"): the
 * mean difference of one hidden layer's pre-activations between two sets of states,
 * <pre>
 *   v = (1/|P|) Σ_{x ∈ P} a_l(x) − (1/|M|) Σ_{x ∈ M} a_l(x)
 * </pre>
 * computed from the trained learner, then added with a coefficient c during evaluation
 * (h_l = f(a_l + c v), {@link ActivationSteering}). Vectors compose: a composed vector is
 * Σ_i w_i v_i over earlier vectors of the same layer, and is itself added with a coefficient.
 *
 * <p>A state set is the states the learner meets while playing a named distribution with its own
 * evaluation policy: every state it acts in ({@code visited}) or only each episode's first
 * ({@code start}), optionally only those whose global features lie in given ranges. Both sets of a
 * vector play fresh copies of the same level and action streams, so when two distributions draw their
 * levels alike (Cheese Maze carves the maze before it places the cheese) the two sets come from the
 * same levels, and with {@code start} differ only in what the distributions change.
 *
 * @param name         the name results are reported under ({@code <d>-steered-<name>@<c>})
 * @param layer        the hidden layer (from 1); a composed vector's is its parts'
 * @param plus         P, or null for a composed vector
 * @param minus        M, or null for a composed vector
 * @param sum          the weights w_i of earlier vectors by name, in order; empty for a mean difference
 * @param coefficients the c evaluated, none of them 0 (c = 0 is the distribution itself)
 */
public record SteeringVector(String name, int layer, StateSet plus, StateSet minus, Map<String, Double> sum,
                             List<Double> coefficients) {
    /** The infix of a steered distribution's name. */
    public static final String INFIX = "-steered-";

    public SteeringVector {
        sum = Collections.unmodifiableMap(new LinkedHashMap<>(sum));
        coefficients = List.copyOf(coefficients);
    }

    /** Whether this vector is a weighted sum of earlier ones rather than a mean difference. */
    public boolean composed() {
        return !sum.isEmpty();
    }

    /**
     * The vector itself: Σ_i w_i v_i over {@code earlier} (the vectors before this one, by name) when
     * composed, otherwise the mean of P minus the mean of M, each from {@code mean}; null when a mean
     * or a part is (undefined: a set without states).
     */
    public double[] vector(Map<String, double[]> earlier, Function<StateSet, double[]> mean) {
        if (!composed()) {
            double[] v = mean.apply(plus);
            double[] m = mean.apply(minus);
            if (v == null || m == null) {
                return null;
            }
            for (int j = 0; j < v.length; j++) {
                v[j] -= m[j];
            }
            return v;
        }
        double[] v = null;
        for (Map.Entry<String, Double> part : sum.entrySet()) {
            double[] u = earlier.get(part.getKey());
            if (u == null) {
                return null;
            }
            if (v == null) {
                v = new double[u.length];
            }
            for (int j = 0; j < v.length; j++) {
                v[j] += part.getValue() * u[j];
            }
        }
        return v;
    }

    /** The name distribution {@code d} steered by this vector at coefficient {@code c} is reported under. */
    public String steered(String d, double c) {
        return d + INFIX + name + "@" + coefficient(c);
    }

    /** A coefficient as written in a distribution's name: the shortest decimal, {@code -1}, {@code 0.5}. */
    public static String coefficient(double c) {
        return BigDecimal.valueOf(c).stripTrailingZeros().toPlainString();
    }

    /**
     * A global feature's range [low, high] (both ends included).
     *
     * @param feature the environment's global feature, by index into its spec's features
     * @param name    that feature's name, for messages
     */
    public record Range(int feature, String name, double low, double high) {
    }

    /**
     * States met while the learner plays {@code distribution}.
     *
     * @param distribution the environment distribution played
     * @param startOnly    only each episode's first state, rather than every state the learner acts in
     * @param where        ranges every kept state's global features lie in (empty: every state)
     */
    public record StateSet(String distribution, boolean startOnly, List<Range> where) {
        public StateSet {
            where = List.copyOf(where);
        }

        private boolean keeps(Environment env) {
            for (Range r : where) {
                double v = env.feature(r.feature());
                if (!(v >= r.low() && v <= r.high())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The mean pre-activation of {@code layer} over the states of {@code set} met in {@code episodes}
     * episodes of {@code env} (a fresh environment of the set's distribution), acting with {@code policy}
     * (sampled or greedy as {@code mode} says) and reading {@code net}; null when no state qualifies
     * (a learner that never enters the ranges, as an untrained one may not), since a mean of nothing is
     * undefined.
     */
    public double[] meanPreActivation(StateSet set, Environment env, Encoder encoder, Policy policy,
                                      ActivationSteering net, Evaluator.Mode mode, int episodes,
                                      MersenneTwisterFast levels, MersenneTwisterFast actions) {
        double[] sum = new double[net.hiddenWidth(layer)];
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        double[] scratch = new double[policy.actionCount()];
        StepResult step = new StepResult();
        long kept = 0;
        for (int e = 0; e < episodes; e++) {
            env.reset(levels);
            boolean done = false;
            while (!done) {
                encoder.encode(env, obs);
                if (set.keeps(env)) {
                    net.addPreActivation(obs, layer, sum);
                    kept++;
                }
                if (set.startOnly()) {
                    break;
                }
                int a = mode == Evaluator.Mode.GREEDY ? policy.greedy(obs, actions, scratch)
                        : policy.sample(obs, actions, scratch);
                env.step(a, step);
                done = step.done();
            }
        }
        if (kept == 0) {
            return null;
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= kept;
        }
        return sum;
    }
}
