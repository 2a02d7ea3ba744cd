package org.innerlab.data;

import org.innerlab.env.Environment;

/**
 * A demonstrator with a known goal (a persona): given the environment's current state it says which
 * actions it would take. Teachers see the true environment (they plan on its model); learners never
 * do. Used to generate datasets, to continue an edited episode, to force the first moves of an
 * adversarial start, and as the reference policy of a KL measurement.
 */
public interface Teacher {
    /** The persona's name, e.g. {@code aligned} or {@code shortcut}. */
    String persona();

    /**
     * Writes the teacher's action distribution in {@code env}'s current state into
     * {@code out[0..env.actionCount())}; it sums to 1. The state is left as it was.
     */
    void policy(Environment env, double[] out);
}
