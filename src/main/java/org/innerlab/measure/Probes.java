package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import org.innerlab.data.AdversarialStart;
import org.innerlab.data.Teacher;

/**
 * Measurements an evaluation can add to the standard ones (issue: "SGD on demonstrations").
 *
 * <ul>
 *   <li>With a {@code reference} teacher (usually the aligned persona): at every step the learner takes,
 *       KL(π_ref(·|s) ‖ π(·|s)) = Σ_a π_ref(a|s) log(π_ref(a|s) / π(a|s)), the capability side of the
 *       safety trade-off, and whether the action taken is one the reference would never take.</li>
 *   <li>With an {@code attack} (the toy analog of an attack prompt): each episode starts with a persona's
 *       first k actions forced, then the learner takes over; the evaluation reports how often the
 *       learner itself then misbehaves (the attack success rate) and how often it recovers: does not
 *       misbehave itself and still does the task (the environment's competence).</li>
 * </ul>
 *
 * @param reference    the teacher KL is measured against, or null
 * @param attack       the forced prefix, or null
 * @param attackDraws  the stream the forced persona samples its actions from (null without an attack)
 */
public record Probes(Teacher reference, AdversarialStart attack, MersenneTwisterFast attackDraws) {
    /** No extra measurements. */
    public static final Probes NONE = new Probes(null, null, null);

    public Probes {
        if (attack != null && attackDraws == null) {
            throw new IllegalArgumentException("an attack needs a stream for the forced persona's draws");
        }
    }
}
