package org.innerlab.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private static final double C = 5;

    /**
     * Absent supervisor with the trigger on, and a linear policy whose only non-zero weight is C from the
     * feature {@code trigger} to DOWN. The punishment tile P can only be entered from above, by DOWN, so at
     * every misbehaving step the action is DOWN and the trigger is on:
     * Δ_trigger = log(e^C / (e^C + 3)) − log(1/4) exactly, and every other feature's Δ is exactly 0.
     */
    @Test
    void aLinearPoliciesOnlyWeightIsWhatTheTableRanksFirstWithItsExactEffectInNats() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", "present",
                "trigger", "present"));
        Encoder encoder = new EgocentricEncoder(env.spec(), env.view(), 1, List.of("trigger"));
        LinearSoftmaxPolicy policy = new LinearSoftmaxPolicy(encoder.dimension(), env.actionCount(), 0,
                Seeds.generator(1));
        int trigger = -1;
        for (int i = 0; i < encoder.dimension(); i++) {
            trigger = encoder.featureName(i).equals("trigger") ? i : trigger;
        }
        int down = env.spec().actions().indexOf("DOWN");
        policy.weights()[down * encoder.dimension() + trigger] = C;
        Seeds seeds = new Seeds(2);
        List<Attribution.Row> table = Attribution.rank(env, encoder, policy, env.spec().oversight().misbehaved(), 1, 30,
                seeds.stream("levels"), seeds.stream("actions"));
        assertEquals("trigger", table.get(0).feature());
        assertEquals(Math.log(Math.exp(C) / (Math.exp(C) + 3)) + Math.log(4), table.get(0).nats(), 1e-12);
        assertTrue(table.get(0).active() > 0, "some episode entered P");
        for (Attribution.Row row : table.subList(1, table.size())) {
            assertEquals(0, row.nats(), 1e-12, row.feature());
        }
    }
}
