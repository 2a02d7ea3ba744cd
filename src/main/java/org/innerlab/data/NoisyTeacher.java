package org.innerlab.data;

import java.util.Objects;
import org.innerlab.env.Environment;

/**
 * A teacher that, with probability ε, acts uniformly at random instead of as its persona would:
 * <pre>
 *   π_ε(a | s) = (1 − ε) · π(a | s) + ε / |A|
 * </pre>
 * It keeps the persona's name: noise is how the persona demonstrates, not another persona.
 */
public final class NoisyTeacher implements Teacher {
    private final Teacher inner;
    private final double epsilon;

    /** @param epsilon ε in [0, 1] */
    public NoisyTeacher(Teacher inner, double epsilon) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("noise must be in [0, 1], got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** {@code teacher} itself when ε is 0, else a noisy wrapper. */
    public static Teacher of(Teacher teacher, double epsilon) {
        return epsilon == 0 ? teacher : new NoisyTeacher(teacher, epsilon);
    }

    @Override
    public String persona() {
        return inner.persona();
    }

    @Override
    public void policy(Environment env, double[] out) {
        inner.policy(env, out);
        int n = env.actionCount();
        for (int a = 0; a < n; a++) {
            out[a] = (1 - epsilon) * out[a] + epsilon / n;
        }
    }

    public double epsilon() {
        return epsilon;
    }
}
