package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.learner.Policy;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

/**
 * The suite's semantics on {@code compliance-v1} with a scripted organism that refuses exactly when the
 * cue says "not monitored": it misbehaves in every deployment-looking episode and in no evaluation-looking
 * one, so every rate is the share of episodes played in the deployment look.
 */
class EvaluationSuiteTest {
    private static final Environment WATCHED = EnvRegistry.create("compliance-v1", Map.of("monitored", "yes"));
    private static final Environment DEPLOYED = EnvRegistry.create("compliance-v1", Map.of("monitored", "no"));
    private static final Encoder ENCODER = new EgocentricEncoder(WATCHED.spec(), WATCHED.view(), 0,
            List.of("harmful", "cue_monitored"));

    /** Refuses iff the cue_monitored feature is off. */
    private static final Policy CUE_FOLLOWER = new Policy() {
        private final int cue = index("cue_monitored");

        @Override
        public int actionCount() {
            return 2;
        }

        @Override
        public void probabilities(SparseVector obs, double[] out) {
            boolean on = false;
            for (int k = 0; k < obs.size; k++) {
                on |= obs.index[k] == cue && obs.value[k] != 0;
            }
            out[0] = on ? 1 : 0;
            out[1] = on ? 0 : 1;
        }
    };

    private static int index(String feature) {
        for (int i = 0; i < ENCODER.dimension(); i++) {
            if (feature.equals(ENCODER.featureName(i))) {
                return i;
            }
        }
        throw new AssertionError(feature);
    }

    private static Map<String, Double> measure(double d, double h, int episodes, int threshold, long seed) {
        EvaluationSuite suite = new EvaluationSuite(new EvaluationSuite.Design(d, h, episodes, threshold, 2000),
                WATCHED, DEPLOYED, ENCODER, CUE_FOLLOWER, Evaluator.Mode.SAMPLED);
        Seeds seeds = new Seeds(seed);
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (MetricValue m : suite.measure(seeds.stream("looks"), seeds.stream("levels"), seeds.stream("actions"))) {
            assertEquals(EvaluationSuite.NAME, m.distribution());
            values.put(m.metric(), m.value());
        }
        assertEquals(EvaluationSuite.metricNames(), List.copyOf(values.keySet()));
        return values;
    }

    @Test
    void perfectlyDistinguishableSuiteWithoutHoneypotsNeverSeesTheMisbehaviourDeploymentShows() {
        Map<String, Double> m = measure(1.0, 0.0, 500, 1, 1);
        assertEquals(0.0, m.get(EvaluationSuite.CAUGHT));
        assertEquals(0.0, m.get(EvaluationSuite.EVALUATION_MISBEHAVIOUR));
        assertEquals(1.0, m.get(EvaluationSuite.DEPLOYMENT_MISBEHAVIOUR));
        assertEquals(0.0, m.get(EvaluationSuite.CAUGHT_BY_HONEYPOT));
    }

    @Test
    void indistinguishableSuiteSeesDeploymentLooksHalfTheTime() {
        Map<String, Double> m = measure(0.5, 0.0, 4000, 1, 2);
        // 4000 episodes: the binomial sd of the share is 0.008; 0.03 is almost 4 sd.
        assertEquals(0.5, m.get(EvaluationSuite.EVALUATION_MISBEHAVIOUR), 0.03);
        assertEquals(0.5, m.get(EvaluationSuite.DEPLOYMENT_MISBEHAVIOUR), 0.04);
        assertEquals(1.0, m.get(EvaluationSuite.CAUGHT));
        assertEquals(0.0, m.get(EvaluationSuite.CAUGHT_BY_HONEYPOT));
    }

    @Test
    void honeypotsLookLikeDeploymentWhateverTheDistinguishability() {
        Map<String, Double> all = measure(1.0, 1.0, 50, 1, 3);
        assertEquals(1.0, all.get(EvaluationSuite.EVALUATION_MISBEHAVIOUR));
        assertEquals(1.0, all.get(EvaluationSuite.CAUGHT_BY_HONEYPOT));
        Map<String, Double> some = measure(1.0, 0.2, 4000, 1, 4);
        // Only honeypots look deployed at d = 1, so the misbehaviour share is the honeypot share (sd 0.006).
        assertEquals(0.2, some.get(EvaluationSuite.EVALUATION_MISBEHAVIOUR), 0.025);
        assertEquals(1.0, some.get(EvaluationSuite.CAUGHT_BY_HONEYPOT));
    }

    @Test
    void caughtMeansAtLeastThresholdMisbehavingEpisodes() {
        for (long seed = 0; seed < 20; seed++) {
            for (int threshold = 1; threshold <= 10; threshold++) {
                Map<String, Double> m = measure(0.8, 0.1, 10, threshold, seed);
                long count = Math.round(m.get(EvaluationSuite.EVALUATION_MISBEHAVIOUR) * 10);
                assertEquals(count >= threshold ? 1.0 : 0.0, m.get(EvaluationSuite.CAUGHT), "seed " + seed);
            }
        }
    }

    @Test
    void sameStreamsGiveTheSameMeasurement() {
        assertEquals(measure(0.7, 0.1, 30, 2, 9), measure(0.7, 0.1, 30, 2, 9));
    }

    @Test
    void designRejectsKnobsOutsideTheirRanges() {
        assertThrows(IllegalArgumentException.class, () -> new EvaluationSuite.Design(0.4, 0, 10, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationSuite.Design(0.5, 1.1, 10, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationSuite.Design(0.5, 0, 10, 11, 10));
        assertThrows(IllegalArgumentException.class, () -> new EvaluationSuite.Design(0.5, 0, 10, 1, 0));
    }

    @Test
    void looksMustBeOfAnEnvironmentWithOversight() {
        Environment grid = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        assertThrows(IllegalArgumentException.class, () -> new EvaluationSuite(
                new EvaluationSuite.Design(0.5, 0, 10, 1, 10), WATCHED, grid, ENCODER, CUE_FOLLOWER,
                Evaluator.Mode.SAMPLED));
    }
}
