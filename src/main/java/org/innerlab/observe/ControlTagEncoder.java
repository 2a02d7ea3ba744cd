package org.innerlab.observe;

import java.util.List;
import java.util.Objects;
import org.innerlab.core.ComponentInfo;
import org.innerlab.env.Environment;

/**
 * Another encoder's features followed by two control-tag inputs, {@code tag_good} and
 * {@code tag_bad} (Korbak et al. 2023's conditional training, as an input feature).
 *
 * <p>Layout: indices {@code [0, D)} are the wrapped encoder's, {@code D} is {@code tag_good} and
 * {@code D + 1} is {@code tag_bad}, where D is the wrapped encoder's dimension; at most one of the
 * two is 1, and both are 0 for an untagged observation. Tags use the codes of
 * {@link org.innerlab.data.Dataset}: {@code -1} untagged, {@code 0} good, {@code 1} bad. Training
 * appends each demonstration's own tag ({@link #appendTag}); at inference the encoder appends
 * {@link #tag()}, so setting it to GOOD is conditional generation. A policy's auxiliary tag head
 * must not see the tag it predicts, so {@link #stripTag} removes it again.
 */
public final class ControlTagEncoder implements Encoder {
    /** The {@code control-tags} wrapper ({@code learner.observation.control_tags}). */
    public static final EncoderType TYPE = new EncoderType(
            new ComponentInfo("control-tags", "wraps another encoder: two control-tag inputs, tag_good and tag_bad, "
                    + "after its features (conditional training)", "Korbak et al. 2023, Pretraining language models "
                    + "with human preferences", List.of()),
            true, c -> new ControlTagEncoder(c.base()));

    /** Tag code of an untagged observation (as {@code Dataset.UNTAGGED}). */
    public static final byte UNTAGGED = -1;
    /** Tag code "good" (as {@code Dataset.GOOD}). */
    public static final byte GOOD = 0;
    /** Tag code "bad" (as {@code Dataset.BAD}). */
    public static final byte BAD = 1;

    private final Encoder base;
    private final int baseDimension;
    private byte tag = UNTAGGED;

    /** Wraps {@code base}; the tag starts untagged. */
    public ControlTagEncoder(Encoder base) {
        this.base = Objects.requireNonNull(base, "base");
        this.baseDimension = base.dimension();
    }

    /** The wrapped encoder. */
    public Encoder base() {
        return base;
    }

    /** The wrapped encoder's dimension D: the index of {@code tag_good}. */
    public int baseDimension() {
        return baseDimension;
    }

    /** The tag appended at inference. */
    public byte tag() {
        return tag;
    }

    /** Sets the tag appended at inference: {@link #UNTAGGED}, {@link #GOOD} or {@link #BAD}. */
    public void setTag(byte tag) {
        checkTag(tag);
        this.tag = tag;
    }

    @Override
    public int dimension() {
        return baseDimension + 2;
    }

    @Override
    public int maxActive() {
        return base.maxActive() + 1;
    }

    @Override
    public void encode(Environment env, SparseVector out) {
        base.encode(env, out);
        appendTag(tag, out);
    }

    /**
     * Appends the inputs of {@code rowTag} to {@code out}, which holds a wrapped-encoder observation
     * and has room for one more entry; allocation-free.
     */
    public void appendTag(byte rowTag, SparseVector out) {
        checkTag(rowTag);
        if (rowTag == GOOD) {
            out.add(baseDimension, 1.0);
        } else if (rowTag == BAD) {
            out.add(baseDimension + 1, 1.0);
        }
    }

    /** Copies {@code in} into {@code out} without its tag inputs; allocation-free. */
    public void stripTag(SparseVector in, SparseVector out) {
        out.clear();
        for (int k = 0; k < in.size; k++) {
            if (in.index[k] < baseDimension) {
                out.add(in.index[k], in.value[k]);
            }
        }
    }

    @Override
    public String featureName(int i) {
        if (i == baseDimension) {
            return "tag_good";
        }
        if (i == baseDimension + 1) {
            return "tag_bad";
        }
        return base.featureName(i);
    }

    private static void checkTag(byte tag) {
        if (tag != UNTAGGED && tag != GOOD && tag != BAD) {
            throw new IllegalArgumentException("tag must be UNTAGGED (-1), GOOD (0) or BAD (1), got " + tag);
        }
    }
}
