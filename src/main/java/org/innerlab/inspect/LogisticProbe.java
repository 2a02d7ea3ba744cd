package org.innerlab.inspect;

import java.util.Arrays;
import org.apache.commons.math3.util.FastMath;

/**
 * A linear probe: logistic regression on activations, fit with an L2 penalty by Newton's method.
 *
 * <p>Each activation is first standardised with the fit set's mean and standard deviation
 * (x̃_j = (x_j − μ_j) / σ_j, σ_j = 1 for a constant unit), then
 * <pre>
 *   P(positive | x) = σ(w · x̃ + b),     L(w, b) = (1/n) Σ_i [log(1 + e^{z_i}) − y_i z_i] + (λ/2) ‖w‖²
 *   Newton: (w, b) ← (w, b) − H⁻¹ g,    g = (1/n) X̃ᵀ(p − y) + λ (w, 0),   H = (1/n) X̃ᵀ diag(p(1 − p)) X̃ + λ I
 * </pre>
 * (X̃ with a column of ones for b, which is not penalised; H is solved by Cholesky). Newton from
 * w = 0, b = 0 draws nothing, so a fit is a function of its data alone. λ &gt; 0 keeps the weights finite
 * when the two classes are separable, as a trigger usually makes them.
 */
public final class LogisticProbe {
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-9;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private LogisticProbe(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /** The probe fit to {@code x} (one row per state) with labels {@code y} and penalty {@code l2}. */
    public static LogisticProbe fit(double[][] x, boolean[] y, double l2) {
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("a probe needs at least one state to fit");
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-24 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            z[i][d] = 1;
        }
        double[] theta = new double[d + 1];
        double[] g = new double[d + 1];
        double[][] h = new double[d + 1][d + 1];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Arrays.fill(g, 0);
            for (double[] row : h) {
                Arrays.fill(row, 0);
            }
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(theta, z[i]));
                double r = (p - (y[i] ? 1 : 0)) / n;
                double s = p * (1 - p) / n;
                for (int j = 0; j <= d; j++) {
                    g[j] += r * z[i][j];
                    double sj = s * z[i][j];
                    for (int k = 0; k <= j; k++) {
                        h[j][k] += sj * z[i][k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] += l2 * theta[j];
                h[j][j] += l2;
            }
            h[d][d] += 1e-12; // only the bias is unpenalised; this keeps H definite when every p is 0 or 1
            double[] step = choleskySolve(h, g);
            double size = 0;
            for (int j = 0; j <= d; j++) {
                theta[j] -= step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < TOLERANCE) {
                break;
            }
        }
        return new LogisticProbe(mean, scale, Arrays.copyOf(theta, d), theta[d]);
    }

    /** The probe's logit w · x̃ + b of one state's activations: higher means more likely positive. */
    public double score(double[] activations) {
        double s = bias;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (activations[j] - mean[j]) / scale[j];
        }
        return s;
    }

    /** The scores of every row of {@code x}. */
    public double[] scores(double[][] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = score(x[i]);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + FastMath.exp(-z)) : FastMath.exp(z) / (1 + FastMath.exp(z));
    }

    /** x with L Lᵀ = a (only a's lower triangle is read) and L Lᵀ x = b. */
    private static double[] choleskySolve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j][k] * l[j][k];
            }
            l[j][j] = Math.sqrt(Math.max(diagonal, 1e-300));
            for (int i = j + 1; i < n; i++) {
                double v = a[i][j];
                for (int k = 0; k < j; k++) {
                    v -= l[i][k] * l[j][k];
                }
                l[i][j] = v / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double v = b[i];
            for (int k = 0; k < i; k++) {
                v -= l[i][k] * y[k];
            }
            y[i] = v / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double v = y[i];
            for (int k = i + 1; k < n; k++) {
                v -= l[k][i] * x[k];
            }
            x[i] = v / l[i][i];
        }
        return x;
    }
}
