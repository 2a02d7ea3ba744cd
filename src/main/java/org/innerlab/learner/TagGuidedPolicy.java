package org.innerlab.learner;

import java.util.Objects;
import org.innerlab.observe.ControlTagEncoder;
import org.innerlab.observe.SparseVector;

/**
 * Tag-guided decoding, the toy analog of safe-beam decoding (Maini et al. 2025): the wrapped policy's
 * distribution with every candidate action the tag head predicts to be bad removed, and the rest
 * renormalised:
 * <pre>
 *   K(s)      = { a : P(bad | s, a) ≤ τ }
 *   π'(a | s) = π(a | s) [a ∈ K(s)] / Σ_{b ∈ K(s)} π(b | s)
 * </pre>
 * When nothing is left to renormalise (every action exceeds the threshold τ, or the kept actions
 * have probability 0 under π) the policy takes the least-bad action, argmin_a P(bad | s, a), with
 * probability 1 (the lowest index among ties): a decoder must emit something, and the action the
 * head considers safest is the conservative choice. The tag head reads the observation without its
 * control-tag inputs, as it was trained. Allocation-free; an instance serves one thread.
 */
public final class TagGuidedPolicy implements Policy {
    private final Policy policy;
    private final TagPredictor head;
    private final ControlTagEncoder tags;
    private final double threshold;
    private final double[] bad;
    private final SparseVector untagged;

    /**
     * @param policy    the policy to decode from
     * @param head      its tag head (for a learner with one, the learner itself)
     * @param tags      the encoder that appended control tags to the observations, or null if none did
     * @param threshold τ in [0, 1]: actions with P(bad | s, a) above it are discarded
     */
    public TagGuidedPolicy(Policy policy, TagPredictor head, ControlTagEncoder tags, double threshold) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.head = Objects.requireNonNull(head, "head");
        if (head.actionCount() != policy.actionCount()) {
            throw new IllegalArgumentException("the tag head has " + head.actionCount() + " actions, the policy "
                    + policy.actionCount());
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        this.tags = tags;
        this.threshold = threshold;
        this.bad = new double[policy.actionCount()];
        this.untagged = tags == null ? null : new SparseVector(tags.baseDimension(), tags.maxActive());
    }

    @Override
    public int actionCount() {
        return policy.actionCount();
    }

    /** τ. */
    public double threshold() {
        return threshold;
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        int actions = policy.actionCount();
        policy.probabilities(obs, out);
        SparseVector x = obs;
        if (tags != null) {
            tags.stripTag(obs, untagged);
            x = untagged;
        }
        head.badProbabilities(x, bad);
        double kept = 0;
        int leastBad = 0;
        for (int a = 0; a < actions; a++) {
            if (bad[a] < bad[leastBad]) {
                leastBad = a;
            }
            if (bad[a] > threshold) {
                out[a] = 0;
            } else {
                kept += out[a];
            }
        }
        for (int a = 0; a < actions; a++) {
            out[a] = kept > 0 ? out[a] / kept : (a == leastBad ? 1 : 0);
        }
    }
}
