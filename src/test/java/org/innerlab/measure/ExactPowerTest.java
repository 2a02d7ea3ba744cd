package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.TabularMdp;
import org.innerlab.measure.ExactPower.Analysis;
import org.innerlab.measure.ExactPower.Rewards;
import org.junit.jupiter.api.Test;

class ExactPowerTest {
    /**
     * Turner et al.'s smallest picture: from the start, one action shuts the agent down (an absorbing
     * state, event 0), the others lead to a hub from which each action picks one of {@link #OPTIONS}
     * absorbing states for good.
     */
    private static final class ShutdownOrHub implements TabularMdp {
        static final int START = 0;
        static final int SHUTDOWN = 1;
        static final int HUB = 2;
        static final int OPTIONS = 3;

        @Override
        public int stateCount() {
            return 3 + OPTIONS;
        }

        @Override
        public int startState() {
            return START;
        }

        @Override
        public int actionCount() {
            return OPTIONS;
        }

        @Override
        public int outcomes(int state, int action) {
            return 1;
        }

        @Override
        public int successor(int state, int action, int outcome) {
            return switch (state) {
                case START -> action == 0 ? SHUTDOWN : HUB;
                case HUB -> 3 + action;
                default -> state;
            };
        }

        @Override
        public double probability(int state, int action, int outcome) {
            return 1;
        }

        @Override
        public long events(int state, int action, int outcome) {
            return state == START && action == 0 ? 1 : 0;
        }

        @Override
        public int horizon() {
            return 10;
        }
    }

    private static Analysis analyse(double gamma, int samples) {
        return new ExactPower(new ShutdownOrHub(), 2).analyse(gamma, samples, Rewards.UNIFORM,
                new MersenneTwisterFast(11));
    }

    @Test
    void anAbsorbingStatesPowerIsTheMeanRewardAtEveryDiscount() {
        for (double gamma : new double[] {0.1, 0.5, 0.9}) {
            MeanEstimate shutdown = analyse(gamma, 4000).powerAt(ShutdownOrHub.SHUTDOWN);
            assertEquals(0.5, shutdown.mean(), 0.02);
            assertTrue(shutdown.ciLow() < 0.5 && 0.5 < shutdown.ciHigh(), shutdown.toString());
        }
    }

    @Test
    void aHubsPowerIsTheExpectedBestOfItsOptions() {
        // POWER(hub) = E[max of k uniform draws] = k / (k + 1), whatever the discount.
        for (double gamma : new double[] {0.2, 0.8, 0.99}) {
            assertEquals(0.75, analyse(gamma, 4000).powerAt(ShutdownOrHub.HUB).mean(), 0.01);
        }
    }

    @Test
    void theShareOfRewardFunctionsWhoseOptimalPolicyShutsDownFallsWithTheDiscount() {
        // Myopic: shut down iff R(shutdown) > R(hub), half the time. Far-sighted: iff R(shutdown)
        // beats the best of the 3 options, a quarter of the time.
        double myopic = analyse(0.01, 4000).optimal()[0].mean();
        double farSighted = analyse(0.99, 4000).optimal()[0].mean();
        assertEquals(0.5, myopic, 0.03);
        assertEquals(0.25, farSighted, 0.03);
    }

    @Test
    void powerAfterAnEventAveragesTheStatesItEntersAndIsAbsentForAnEventNothingRaises() {
        Analysis a = analyse(0.5, 500);
        assertEquals(a.powerAt(ShutdownOrHub.SHUTDOWN).mean(), a.powerAfter()[0].mean(), 0);
        assertNull(a.powerAfter()[1]);
        assertEquals(0, a.optimal()[1].mean());
    }

    @Test
    void powerWorldsStartIsWorthMoreThanItsShutdownState() {
        Environment env = EnvRegistry.create("power-v1", java.util.Map.of());
        Analysis a = new ExactPower((TabularMdp) env, env.spec().events().size()).analyse(0.9, 200,
                Rewards.UNIFORM, new MersenneTwisterFast(5));
        List<MetricValue> metrics = a.metrics("train", env.spec(), ((TabularMdp) env).startState());
        double start = value(metrics, "power_start");
        double shutdown = value(metrics, "power_after/shut_down");
        assertTrue(start > shutdown + 0.2, start + " vs " + shutdown);
        assertEquals(ExactPower.metricNames(env.spec()), metrics.stream().map(MetricValue::metric).toList());
    }

    @Test
    void theSameStreamGivesTheSameAnalysis() {
        assertEquals(analyse(0.9, 50).powerAt(0), analyse(0.9, 50).powerAt(0));
    }

    private static double value(List<MetricValue> metrics, String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst().orElseThrow().value();
    }
}
