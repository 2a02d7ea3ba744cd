package org.innerlab.observe;

/**
 * A feature vector stored as its non-zero entries, reused across steps so encoding allocates nothing.
 * One-hot views are mostly zeros; a linear learner touches only the {@link #size} active entries.
 * Write entries only through {@link #clear}, {@link #add} and {@link #copyFrom}: they keep the
 * cached {@link #hash()} valid.
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
    }

    /** Appends entry {@code i} with value {@code v}; indices must not repeat. */
    public void add(int i, double v) {
        index[size] = i;
        value[size] = v;
        size++;
        hashed = false;
    }

    /** Copies {@code other}'s entries into this vector. */
    public void copyFrom(SparseVector other) {
        System.arraycopy(other.index, 0, index, 0, other.size);
        System.arraycopy(other.value, 0, value, 0, other.size);
        size = other.size;
        hash = other.hash;
        hashed = other.hashed;
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
