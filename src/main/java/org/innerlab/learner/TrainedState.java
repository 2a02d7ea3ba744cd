package org.innerlab.learner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What training changed in a learner, as a saved policy stores it: header settings, arrays of doubles
 * and, for a table, its 64-bit state keys (a hash does not fit a double exactly).
 *
 * @param settings header lines the learner needs back, in file order (e.g. {@code eval_epsilon})
 * @param arrays   parameter arrays by name, in file order
 * @param keys     the state keys, or null for a learner without them
 */
public record TrainedState(Map<String, String> settings, Map<String, double[]> arrays, long[] keys) {

    /** A state of arrays alone. */
    public static TrainedState ofArrays(Map<String, double[]> arrays) {
        return new TrainedState(Map.of(), arrays, null);
    }

    /** A state of one array. */
    public static TrainedState ofArray(String name, double[] values) {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put(name, values);
        return ofArrays(arrays);
    }

    /** The setting {@code key} read as a number. */
    public double number(String key) {
        String v = settings.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the policy has no '" + key + "' line");
        }
        return Double.parseDouble(v);
    }

    /** The array {@code name}. */
    public double[] array(String name) {
        double[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("the policy has no array '" + name + "'");
        }
        return a;
    }

    /** Copies the array {@code name} into {@code into}, which must have its length. */
    public void copy(String name, double[] into) {
        double[] a = array(name);
        if (a.length != into.length) {
            throw new IllegalArgumentException("the policy's array " + name + " has " + a.length
                    + " numbers; the learner needs " + into.length);
        }
        System.arraycopy(a, 0, into, 0, a.length);
    }
}
