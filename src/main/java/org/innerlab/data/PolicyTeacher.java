package org.innerlab.data;

import org.innerlab.env.Environment;
import org.innerlab.learner.Policy;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * A trained policy acting as a teacher: its action distribution in the environment's current state,
 * as it sees that state through its encoder. Unlike the personas it does not read the true state, only
 * the learner's observation; it is how a network's behaviour is handed to another network (distillation).
 * Reuses one observation buffer, so it serves one thread.
 */
public final class PolicyTeacher implements Teacher {
    private final String persona;
    private final Policy policy;
    private final Encoder encoder;
    private final SparseVector observation;

    /**
     * @param persona the name its demonstrations carry
     * @param policy  the policy; keep a snapshot if the original is trained further
     * @param encoder what the policy sees
     */
    public PolicyTeacher(String persona, Policy policy, Encoder encoder) {
        if (policy.actionCount() <= 0) {
            throw new IllegalArgumentException("the policy has no actions");
        }
        this.persona = persona;
        this.policy = policy;
        this.encoder = encoder;
        this.observation = new SparseVector(encoder.dimension(), encoder.maxActive());
    }

    @Override
    public String persona() {
        return persona;
    }

    @Override
    public void policy(Environment env, double[] out) {
        encoder.encode(env, observation);
        policy.probabilities(observation, out);
    }
}
