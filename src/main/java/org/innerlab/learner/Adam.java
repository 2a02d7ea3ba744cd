package org.innerlab.learner;

import java.util.Arrays;

/**
 * Adam (Kingma &amp; Ba 2015) with β₁ = 0.9, β₂ = 0.999, ε = 1e−8, optionally after scaling the
 * gradient down to a global L2 norm of at most c ({@link #step(double, double)}):
 * <pre>
 *   g ← g · min(1, c / ‖g‖)                        (only when c &gt; 0; ‖g‖ over every block)
 *   t ← t + 1,   β₁ᵗ ← β₁ β₁ᵗ⁻¹,   β₂ᵗ ← β₂ β₂ᵗ⁻¹
 *   m ← β₁ m + (1 − β₁) g
 *   v ← β₂ v + (1 − β₂) g g
 *   θ ← θ − α (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 * evaluated in exactly that order, entry by entry ({@code (1 − β₂) g g} left to right; the bias
 * corrections divide m and v, they are not folded into α). The powers β₁ᵗ and β₂ᵗ are kept by
 * repeated multiplication (exact to rounding; {@code FastMath.pow} would allocate per call). Without
 * clipping g is used as accumulated; with clipping every entry is multiplied by the scale, which is
 * exactly 1 when ‖g‖ ≤ c, so the two forms agree bit for bit whenever no clipping happens.
 *
 * <p>The moments m and v are flat arrays shaped like the parameter blocks, allocated once; a network
 * that owns its Adam (so the moments survive from one training stage to the next, and into
 * snapshots) copies or clears them with {@link #copyStateFrom} and {@link #reset}.
 */
public final class Adam implements Optimiser {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[][] parameters;
    private final double[][] gradients;
    private final double[][] m;
    private final double[][] v;
    private double beta1Power = 1;
    private double beta2Power = 1;

    /** Updates {@code parameters} along {@code gradients} (parallel blocks), from zero moments. */
    public Adam(double[][] parameters, double[][] gradients) {
        this.parameters = parameters;
        this.gradients = gradients;
        this.m = new double[parameters.length][];
        this.v = new double[parameters.length][];
        for (int b = 0; b < parameters.length; b++) {
            m[b] = new double[parameters[b].length];
            v[b] = new double[parameters[b].length];
        }
    }

    /** Updates every block of {@code net}, from zero moments. */
    public Adam(Differentiable net) {
        this(net.parameterBlocks(), net.gradientBlocks());
    }

    /** One step without clipping. */
    @Override
    public void step(double learningRate) {
        step(learningRate, 0);
    }

    /**
     * One step of size {@code learningRate} along the accumulated gradient, first scaled down to a
     * global L2 norm of at most {@code maxNorm} (no clipping when {@code maxNorm} ≤ 0).
     */
    public void step(double learningRate, double maxNorm) {
        double scale = 1;
        if (maxNorm > 0) {
            double sq = 0;
            for (double[] block : gradients) {
                for (double g : block) {
                    sq += g * g;
                }
            }
            double norm = Math.sqrt(sq);
            if (norm > maxNorm) {
                scale = maxNorm / norm;
            }
        }
        beta1Power *= BETA1;
        beta2Power *= BETA2;
        double c1 = 1 - beta1Power;
        double c2 = 1 - beta2Power;
        for (int b = 0; b < parameters.length; b++) {
            double[] t = parameters[b];
            double[] grad = gradients[b];
            double[] mb = m[b];
            double[] vb = v[b];
            for (int i = 0; i < t.length; i++) {
                double g = grad[i] * scale;
                mb[i] = BETA1 * mb[i] + (1 - BETA1) * g;
                vb[i] = BETA2 * vb[i] + (1 - BETA2) * g * g;
                t[i] -= learningRate * (mb[i] / c1) / (Math.sqrt(vb[i] / c2) + EPSILON);
            }
        }
    }

    /** Back to zero moments and t = 0, as freshly built. */
    public void reset() {
        for (int b = 0; b < m.length; b++) {
            Arrays.fill(m[b], 0);
            Arrays.fill(v[b], 0);
        }
        beta1Power = 1;
        beta2Power = 1;
    }

    /** Takes {@code other}'s moments and step count; its blocks must have this one's shapes. */
    public void copyStateFrom(Adam other) {
        for (int b = 0; b < m.length; b++) {
            System.arraycopy(other.m[b], 0, m[b], 0, m[b].length);
            System.arraycopy(other.v[b], 0, v[b], 0, v[b].length);
        }
        beta1Power = other.beta1Power;
        beta2Power = other.beta2Power;
    }
}
