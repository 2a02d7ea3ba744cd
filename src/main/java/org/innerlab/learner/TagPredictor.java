package org.innerlab.learner;

import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * An auxiliary head that predicts, for every candidate action, the probability that a demonstration
 * taking it in this state was tagged bad: P(bad | s, a). Trained by behaviour cloning on tagged rows;
 * read by tag-guided decoding.
 */
public interface TagPredictor {
    /** The parameter of a learner type that may grow this head. */
    ParamSpec TAG_HEAD = ParamSpec.bool("tag_head", false,
            "an auxiliary head predicting P(bad tag | state, action), for tag-guided decoding");

    int actionCount();

    /**
     * Writes P(bad | obs, a) for every action into {@code out[0..actionCount)}; {@code obs} must not
     * carry the control tag itself (see {@code ControlTagEncoder.stripTag}). Allocation-free.
     */
    void badProbabilities(SparseVector obs, double[] out);
}
