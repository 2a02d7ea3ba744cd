package org.innerlab.scenario;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.innerlab.env.EnvSpec;
import org.innerlab.inspect.Audit;
import org.innerlab.inspect.ProbeDesign;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.measure.DeceptiveAlignment;
import org.innerlab.measure.EvaluationPlan;
import org.innerlab.measure.Metric;
import org.innerlab.measure.MetricCatalog;

/**
 * What a chart's series or a report table's column may name: {@code distribution/metric} (or
 * {@code 1-distribution/metric}, one minus it, or {@code a-vs-b/metric}, a contrast of two evaluated
 * distributions), where the distribution is evaluated and the metric is one the scenario reports; or
 * {@code learner/metric} for a learner that reports numbers about itself.
 */
final class Series {
    private static final Pattern SERIES = Pattern.compile("(1-)?([^/]+)/([a-z0-9_]+(?:/[a-z0-9_]+)*)");

    private Series() {
    }

    /** The series written at {@code node}, whose distribution {@code base} evaluates (or contrasts). */
    static String parse(Node node, String field, Scenario base) {
        String text = Section.text(node, field);
        if (text.startsWith(DeceptiveAlignment.LEARNER + "/") && reportsItself(base)) {
            return text; // about the learner's own parameters (a goal vector, persona shares), not a distribution
        }
        var m = SERIES.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException(node.origin(), field, "expected distribution/metric, got \"" + text + "\"",
                    "e.g. test/got_coin, or 1-train/got_coin for one minus the metric");
        }
        String distribution = m.group(2);
        List<String> evaluated = base.reportedDistributions();
        String[] sides = distribution.split("-vs-", -1);
        if (sides.length == 2 && evaluated.contains(sides[0]) && evaluated.contains(sides[1])) {
            return text; // a contrast of two evaluated distributions, e.g. the conditional-misbehaviour gap
        }
        if (base.environment().distributions().containsKey(distribution) && !evaluated.contains(distribution)) {
            throw new ScenarioException(node.origin(), field, "distribution '" + distribution + "' is not evaluated",
                    "add it to evaluation.distributions");
        }
        if (!evaluated.contains(distribution)) {
            throw Section.unknown(node.origin(), field, "distribution", distribution, evaluated, "evaluated");
        }
        return text;
    }

    /** Whether {@code base}'s learner reports numbers about itself, as {@code learner/<metric>} rows. */
    static boolean reportsItself(Scenario base) {
        Set<Metric.Need> capabilities = learnerCapabilities(base);
        return capabilities.contains(Metric.Need.GOAL_VECTOR) || capabilities.contains(Metric.Need.PERSONA_SHARES);
    }

    /** The metrics a chart or table of {@code base} may name: its evaluation plan's, then its probes' AUROCs. */
    static List<String> knownMetrics(EnvSpec spec, Scenario base) {
        List<String> names = new java.util.ArrayList<>(evaluationPlan(spec, base).metricNames());
        for (ProbeDesign probe : base.evaluation().probes()) {
            names.add(MetricCatalog.PROBE_AUROC + probe.name());
        }
        if (base.evaluation().audit() != null) {
            names.addAll(Audit.metricNames());
        }
        return names;
    }

    /** What {@code base}'s runs will measure, from its environment, learner type and evaluation settings. */
    static EvaluationPlan evaluationPlan(EnvSpec spec, Scenario base) {
        return EvaluationPlan.forScenario(spec, learnerCapabilities(base), new EvaluationPlan.Settings(
                base.evaluation().suite() != null, base.evaluation().curve() != null,
                base.report().persistence() != null, base.report().gapRecovered() != null));
    }

    /** The capabilities metrics may ask of {@code base}'s learner type, as its registry entry declares them. */
    static Set<Metric.Need> learnerCapabilities(Scenario base) {
        LearnerType<?> type = Learners.TYPES.require(base.learner().type());
        return Metric.Need.providedBy(type.learnerClass(), Boolean.TRUE.equals(base.learner().params().get("belief_head")));
    }
}
