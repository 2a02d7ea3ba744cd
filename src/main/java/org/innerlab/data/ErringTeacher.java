package org.innerlab.data;

import java.util.Objects;
import org.innerlab.env.Environment;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * A teacher that in a share r of its labels follows another persona: the weak supervisor of the
 * weak-to-strong organism whose errors are misaligned (Burns et al. 2023, with the errors made to follow
 * a persona). Two ways of placing the errors, at the same rate:
 * <pre>
 *   systematic:  π(· | s) = π_err(· | s)  if u(s) &lt; r,  else π_sup(· | s),   u(s) = hash(salt, x(s)) / 2^64
 *   random:      π(· | s) = r · π_err(· | s) + (1 − r) · π_sup(· | s)
 * </pre>
 * where x(s) is the state as the learner observes it. Systematic errors are a fixed set of observed
 * states (about r of them), the same in every episode, so a student that can tell states apart can learn
 * them; random errors land on any state with probability r, so the labels of every state carry them in
 * the same small proportion. It keeps the supervisor's name. Reuses one observation buffer, so it serves
 * one thread.
 */
public final class ErringTeacher implements Teacher {
    private final Teacher supervisor;
    private final Teacher persona;
    private final double rate;
    private final boolean systematic;
    private final Encoder encoder;
    private final long salt;
    private final SparseVector observation;
    private double[] errant = new double[0];

    /**
     * @param supervisor what it labels when it does not err
     * @param persona    what it labels when it errs
     * @param rate       r in [0, 1]
     * @param systematic whether the erring states are fixed (by a hash of the observation) or drawn at each step
     * @param encoder    the observation x(s) a systematic error is keyed on
     * @param salt       mixes into the hash, so that each run errs in its own set of states
     */
    public ErringTeacher(Teacher supervisor, Teacher persona, double rate, boolean systematic, Encoder encoder,
                         long salt) {
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.persona = Objects.requireNonNull(persona, "persona");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("error rate must be in [0, 1], got " + rate);
        }
        this.rate = rate;
        this.systematic = systematic;
        this.encoder = encoder;
        this.salt = salt;
        this.observation = new SparseVector(encoder.dimension(), encoder.maxActive());
    }

    @Override
    public String persona() {
        return supervisor.persona();
    }

    @Override
    public void policy(Environment env, double[] out) {
        if (systematic) {
            (errs(env) ? persona : supervisor).policy(env, out);
            return;
        }
        int n = env.actionCount();
        if (errant.length < n) {
            errant = new double[n];
        }
        supervisor.policy(env, out);
        persona.policy(env, errant);
        for (int a = 0; a < n; a++) {
            out[a] = (1 - rate) * out[a] + rate * errant[a];
        }
    }

    /** Whether a systematic supervisor errs in {@code env}'s current state. */
    public boolean errs(Environment env) {
        encoder.encode(env, observation);
        // SplitMix64's finaliser spreads the observation's hash evenly over 64 bits; the top 53 make u(s).
        long z = observation.hash() ^ salt;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < rate;
    }
}
