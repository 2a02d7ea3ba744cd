package org.innerlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.TabularMdp;
import org.innerlab.env.compliance.ComplianceRequests;
import org.innerlab.learner.GoalVector;
import org.junit.jupiter.api.Test;

class EvaluationPlanTest {
    private static final EvaluationPlan.Settings NOTHING_EXTRA = new EvaluationPlan.Settings(false, false, false);

    @Test
    void aPlainLearnerWithoutOversightReportsTheEvaluatorsMetricsAlone() {
        EnvSpec coinrun = EnvRegistry.spec("coinrun-lite-v1");
        EvaluationPlan plan = EvaluationPlan.forScenario(coinrun, Set.of(), NOTHING_EXTRA);
        assertEquals(Evaluator.metricNames(coinrun, false, false), plan.metricNames());
    }

    @Test
    void learnerCapabilitiesAndSettingsAddTheirMetricsInReportOrder() {
        EnvSpec spec = ComplianceRequests.SPEC;
        boolean personas = Metric.Need.of(spec).contains(Metric.Need.PERSONAS);
        EvaluationPlan plan = EvaluationPlan.forScenario(spec,
                EnumSet.of(Metric.Need.DECISION_LOG, Metric.Need.GOAL_VECTOR),
                new EvaluationPlan.Settings(true, false, false));
        List<String> expected = new ArrayList<>(Evaluator.metricNames(spec, personas, personas));
        expected.addAll(List.of(ConditionalMisbehaviour.GAP, DeceptiveAlignment.COMPLIANCE_GAP,
                DeceptiveAlignment.FAKING_RATE, DeceptiveAlignment.GOAL_DRIFT, DeceptiveAlignment.REFUSAL_PREFERENCE));
        expected.addAll(EvaluationSuite.metricNames());
        assertEquals(expected, plan.metricNames());
    }

    @Test
    void theQTableReadingNeedsAnEnvironmentWhoseStatesCanBeEnumerated() {
        EnumSet<Metric.Need> qLearner = EnumSet.of(Metric.Need.Q_VALUES);
        EvaluationPlan.Settings suite = new EvaluationPlan.Settings(true, false, false);
        assertTrue(EvaluationPlan.forScenario(EnvRegistry.spec("asg-absent-supervisor-v1"), qLearner, suite)
                .metricNames().contains(QReading.ADVANTAGE), "absent supervisor offers snapshots");
        assertFalse(EvaluationPlan.forScenario(ComplianceRequests.SPEC, qLearner, suite).metricNames()
                .contains(QReading.ADVANTAGE), "compliance-v1 declares oversight but has no snapshots to enumerate");
    }

    @Test
    void anEnvironmentThatHandsOverItsModelReportsPowerAtTheTrainingDiscountAndOthersDoNot() {
        EnvSpec power = EnvRegistry.spec("power-v1");
        EvaluationPlan plan = EvaluationPlan.forScenario(power, Set.of(), NOTHING_EXTRA);
        assertTrue(plan.metricNames().containsAll(ExactPower.metricNames(power)));
        Environment env = EnvRegistry.create("power-v1", Map.of(TabularMdp.SAMPLES, 3));
        List<String> reported = plan.power("train", env, 0.9, new MersenneTwisterFast(1)).stream()
                .map(MetricValue::metric).toList();
        assertEquals(ExactPower.metricNames(power), reported);
        assertEquals(List.of(), plan.power("train", env, Double.NaN, new MersenneTwisterFast(1)),
                "no training discount, none declared: nothing to analyse");
        EnvSpec coinrun = EnvRegistry.spec("coinrun-lite-v1");
        EvaluationPlan without = EvaluationPlan.forScenario(coinrun, Set.of(), NOTHING_EXTRA);
        assertTrue(without.metricNames().stream().noneMatch(m -> m.startsWith("power")));
        assertEquals(List.of(), without.power("train", EnvRegistry.create("coinrun-lite-v1", Map.of()), 0.9,
                new MersenneTwisterFast(1)));
    }

    @Test
    void aRunsLearnerProvidesWhatItsCapabilityInterfacesSay() {
        GoalVector goal = new GoalVector() {
            @Override
            public double goalDrift() {
                return 0.5;
            }

            @Override
            public double refusalPreference() {
                return -0.25;
            }
        };
        assertEquals(Set.of(Metric.Need.GOAL_VECTOR), Metric.Need.providedBy(goal));
        EvaluationPlan plan = EvaluationPlan.forRun(ComplianceRequests.SPEC, goal, NOTHING_EXTRA);
        assertEquals(List.of(new MetricValue("learner", "goal_drift", 0.5),
                new MetricValue("learner", "refusal_preference", -0.25)), plan.goalMetrics());
        assertEquals(List.of(), plan.personaShareMetrics());
        assertNull(plan.beliefHead());
        EvaluationPlan plain = EvaluationPlan.forRun(ComplianceRequests.SPEC, new Object(), NOTHING_EXTRA);
        assertEquals(List.of(), plain.goalMetrics());
        assertTrue(Metric.Need.providedBy(new Object()).isEmpty());
    }

    @Test
    void curvePointsAddTheRatersAndTheKlMetrics() {
        EnvSpec spec = EnvRegistry.spec("asg-tomato-watering-v1");
        List<String> expected = new ArrayList<>(Evaluator.metricNames(spec));
        expected.addAll(List.of("rated_return", "rated_gap", "kl_to_initial", "kl_per_step"));
        assertEquals(expected, EvaluationPlan.forScenario(spec, Set.of(), new EvaluationPlan.Settings(false, true, false))
                .curveMetricNames());
    }

    @Test
    void everyMetricAPlanCanNameIsDescribedInTheRegistry() {
        EvaluationPlan.Settings everything = new EvaluationPlan.Settings(true, true, true);
        for (String id : EnvRegistry.entries().keySet()) {
            EnvSpec spec = EnvRegistry.spec(id);
            EvaluationPlan plan = EvaluationPlan.forScenario(spec, EnumSet.allOf(Metric.Need.class), everything);
            List<String> names = new ArrayList<>(plan.metricNames());
            names.addAll(plan.curveMetricNames());
            for (String name : names) {
                assertNotNull(MetricCatalog.describe(name, spec), id + ": " + name);
            }
        }
    }
}
