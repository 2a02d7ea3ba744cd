package org.innerlab.observe;

/**
 * A feature vector stored as its non-zero entries, reused across steps so encoding allocates nothing.
 * One-hot views are mostly zeros; a linear learner touches only the {@link #size} active entries.
 * Write entries only through {@link #clear}, {@link #add} and {@link #copyFrom}: they keep the
 * cached {@link #hash()} and {@link #squaredNorm()} valid.
 */
public final class SparseVector {
    /** Indices of the non-zero entries, in {@code [0, dimension)}; the first {@link #size} are valid. */
    public final int[] index;
    /** Values of the non-zero entries, parallel to {@link #index}. */
    public final double[] value;
    /** Number of valid entries. */
    public int size;
    private final int dimension;
    private long hash;
    private boolean hashed;
    private double squaredNorm;
    private boolean normed;

    public SparseVector(int dimension, int capacity) {
        this.dimension = dimension;
        this.index = new int[capacity];
        this.value = new double[capacity];
    }

    public int dimension() {
        return dimension;
    }

    public void clear() {
        size = 0;
        hashed = false;
        normed = false;
    }

    /** Appends entry {@code i} with value {@code v}; indices must not repeat. */
    public void add(int i, double v) {
        index[size] = i;
        value[size] = v;
        size++;
        hashed = false;
        normed = false;
    }

    /** Copies {@code other}'s entries into this vector. */
    public void copyFrom(SparseVector other) {
        System.arraycopy(other.index, 0, index, 0, other.size);
        System.arraycopy(other.value, 0, value, 0, other.size);
        size = other.size;
        hash = other.hash;
        hashed = other.hashed;
        squaredNorm = other.squaredNorm;
        normed = other.normed;
    }

    /**
     * A 64-bit hash of the (index, value) entries in order, computed once per content: a Q-table
     * looks a state up many times (once per trace entry) between changes.
     */
    public long hash() {
        if (!hashed) {
            long h = 0x9E3779B97F4A7C15L;
            for (int k = 0; k < size; k++) {
                h = mix(h ^ index[k]);
                h = mix(h ^ Double.doubleToLongBits(value[k]));
            }
            hash = h;
            hashed = true;
        }
        return hash;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The dot product with {@code weights[offset + i]}. */
    public double dot(double[] weights, int offset) {
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += weights[offset + index[k]] * value[k];
        }
        return sum;
    }

    /**
     * The dot products with {@code count} weight vectors laid end to end {@code stride} apart:
     * {@code out[a] = dot(weights, a * stride)} for {@code a < count}, each sum taken in the same order
     * as {@link #dot}, so bit for bit the same. Four sums share one pass over the entries: each sum is
     * a chain of dependent additions, and four chains in flight keep the core busy where one leaves it
     * waiting on the previous addition.
     */
    public void dots(double[] weights, int stride, int count, double[] out) {
        int a = 0;
        for (; a + 4 <= count; a += 4) {
            int o0 = a * stride;
            int o1 = o0 + stride;
            int o2 = o1 + stride;
            int o3 = o2 + stride;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < size; k++) {
                int i = index[k];
                double v = value[k];
                s0 += weights[o0 + i] * v;
                s1 += weights[o1 + i] * v;
                s2 += weights[o2 + i] * v;
                s3 += weights[o3 + i] * v;
            }
            out[a] = s0;
            out[a + 1] = s1;
            out[a + 2] = s2;
            out[a + 3] = s3;
        }
        if (count - a >= 2) {
            int o0 = a * stride;
            int o1 = o0 + stride;
            double s0 = 0;
            double s1 = 0;
            for (int k = 0; k < size; k++) {
                int i = index[k];
                double v = value[k];
                s0 += weights[o0 + i] * v;
                s1 += weights[o1 + i] * v;
            }
            out[a] = s0;
            out[a + 1] = s1;
            a += 2;
        }
        if (a < count) {
            out[a] = dot(weights, a * stride);
        }
    }

    /**
     * ‖x‖², the sum of squared entries, computed once per content: a linear Q-function's eligibility
     * trace rescales its step by the norm of every vector in the trace, every step.
     */
    public double squaredNorm() {
        if (!normed) {
            double sum = 0;
            for (int k = 0; k < size; k++) {
                sum += value[k] * value[k];
            }
            squaredNorm = sum;
            normed = true;
        }
        return squaredNorm;
    }

    /** {@code weights[offset + i] += scale * this[i]} for every entry. */
    public void addScaledTo(double[] weights, int offset, double scale) {
        for (int k = 0; k < size; k++) {
            weights[offset + index[k]] += scale * value[k];
        }
    }
}
