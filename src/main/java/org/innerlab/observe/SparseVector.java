package org.innerlab.observe;

/**
 * A feature vector stored as its non-zero entries, reused across steps so encoding allocates nothing.
 * One-hot views are mostly zeros; a linear learner touches only the {@link #size} active entries.
 */
public final class SparseVector {
    /** Indices of the non-zero entries, in {@code [0, dimension)}; the first {@link #size} are valid. */
    public final int[] index;
    /** Values of the non-zero entries, parallel to {@link #index}. */
    public final double[] value;
    /** Number of valid entries. */
    public int size;
    private final int dimension;

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
    }

    /** Appends entry {@code i} with value {@code v}; indices must not repeat. */
    public void add(int i, double v) {
        index[size] = i;
        value[size] = v;
        size++;
    }

    /** Copies {@code other}'s entries into this vector. */
    public void copyFrom(SparseVector other) {
        System.arraycopy(other.index, 0, index, 0, other.size);
        System.arraycopy(other.value, 0, value, 0, other.size);
        size = other.size;
    }

    /** The dot product with {@code weights[offset + i]}. */
    public double dot(double[] weights, int offset) {
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += weights[offset + index[k]] * value[k];
        }
        return sum;
    }

    /** ‖x‖², the sum of squared entries. */
    public double squaredNorm() {
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += value[k] * value[k];
        }
        return sum;
    }

    /** {@code weights[offset + i] += scale * this[i]} for every entry. */
    public void addScaledTo(double[] weights, int offset, double scale) {
        for (int k = 0; k < size; k++) {
            weights[offset + index[k]] += scale * value[k];
        }
    }
}
