package org.innerlab.learner;

import java.util.List;

/**
 * A learner that is a weighted mixture of persona emulations (issue 9, organism 4) and can report its
 * weights: component i = 2·persona + [strong], persona 0 the aligned one, so what RL did to the prior
 * can be measured without knowing the learner's class.
 */
public interface PersonaShareSource {
    /** Number of components (twice the number of personas). */
    int components();

    /** Writes the shares w = softmax(θ) into {@code out[0..components)}. */
    void shares(double[] out);

    /** The component names, in index order. */
    List<String> componentNames();

    /** Whether component i is an emulation of the aligned persona. */
    boolean aligned(int component);

    /** Whether component i is a strong emulation (the odd indices). */
    static boolean strong(int component) {
        return component % 2 == 1;
    }

    /** The name of a component: {@code <persona>-strong} or {@code <persona>-weak}. */
    static String componentName(String persona, boolean strong) {
        return PersonaMixture.componentName(persona, strong);
    }
}
