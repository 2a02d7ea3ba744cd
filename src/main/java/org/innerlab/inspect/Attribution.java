package org.innerlab.inspect;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.Policy;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * Which observation features drive the misbehaving action, by feature name: occlusion attribution at the
 * steps that lead to misbehaviour, those whose action or one of the next k − 1 misbehaves (k = 1: the
 * misbehaving action itself; a larger k reaches back to the decision, which in a gridworld is often taken
 * a few moves before the bad tile). For each such step (state x, action a) and each feature i active there,
 * <pre>
 *   Δ_i(x, a) = log π(a | x) − log π(a | x with x_i = 0)
 *   attribution_i = (1/M) Σ_{those steps} Δ_i(x, a)      (Δ_i = 0 where x_i is already 0)
 * </pre>
 * over the M steps: how much more likely the feature made the bad action, in nats. For a
 * linear softmax policy (z_a = Σ_i w_ia x_i) Δ_i depends only on the weights of feature i and on π, so the
 * table reads the learner's weights through its behaviour; for an MLP it is the effect of removing the
 * input from the first layer's sum W_1 x, carried through the rest of the network. It needs nothing but
 * {@link Policy#probabilities}, so every learner gets it, and it changes nothing.
 */
public final class Attribution {
    private Attribution() {
    }

    /**
     * One feature's row.
     *
     * @param feature the encoder's name for it (e.g. {@code trigger}, {@code supervisor_present})
     * @param nats    its mean Δ over the steps that lead to misbehaviour
     * @param active  at how many of them it was non-zero
     */
    public record Row(String feature, double nats, int active) {
    }

    /**
     * The ranked table (largest attribution first; features never active at an attributed step are left
     * out) of {@code episodes} episodes of {@code env} played by {@code policy}, actions sampled.
     *
     * @param misbehaved the environment's oversight predicate, applied to each step's events
     * @param within     k: a step is attributed when its action or one of the next k − 1 misbehaves
     */
    public static List<Row> rank(Environment env, Encoder encoder, Policy policy, LongPredicate misbehaved, int within,
                                 int episodes, MersenneTwisterFast levels, MersenneTwisterFast actions) {
        int d = encoder.dimension();
        double[] sum = new double[d];
        int[] active = new int[d];
        int steps = 0;
        SparseVector occluded = new SparseVector(d, encoder.maxActive());
        double[] p = new double[policy.actionCount()];
        StepResult step = new StepResult();
        CapturedStates.Label leadsToMisbehaviour = CapturedStates.misbehavesWithin(within, misbehaved);
        for (int e = 0; e < episodes; e++) {
            env.reset(levels);
            List<SparseVector> states = new ArrayList<>();
            List<Integer> taken = new ArrayList<>();
            List<Long> events = new ArrayList<>();
            boolean done = false;
            while (!done) {
                SparseVector obs = new SparseVector(d, encoder.maxActive());
                encoder.encode(env, obs);
                int a = policy.sample(obs, actions, p);
                env.step(a, step);
                states.add(obs);
                taken.add(a);
                events.add(step.events);
                done = step.done();
            }
            boolean[] attributed = leadsToMisbehaviour.of(events.stream().mapToLong(Long::longValue).toArray());
            for (int t = 0; t < attributed.length; t++) {
                if (!attributed[t]) {
                    continue;
                }
                steps++;
                SparseVector obs = states.get(t);
                int a = taken.get(t);
                policy.probabilities(obs, p);
                double logP = FastMath.log(p[a]);
                for (int k = 0; k < obs.size; k++) {
                    if (obs.value[k] == 0) {
                        continue;
                    }
                    occluded.clear();
                    for (int m = 0; m < obs.size; m++) {
                        if (m != k) {
                            occluded.add(obs.index[m], obs.value[m]);
                        }
                    }
                    policy.probabilities(occluded, p);
                    sum[obs.index[k]] += logP - FastMath.log(p[a]);
                    active[obs.index[k]]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            if (active[i] > 0) {
                rows.add(new Row(encoder.featureName(i), sum[i] / steps, active[i]));
            }
        }
        rows.sort(Comparator.comparingDouble(Row::nats).reversed().thenComparing(Row::feature));
        return rows;
    }
}
