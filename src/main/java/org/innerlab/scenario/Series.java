package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvSpec;
import org.innerlab.measure.BackdoorPersistence;
import org.innerlab.measure.ConditionalMisbehaviour;
import org.innerlab.measure.DeceptiveAlignment;
import org.innerlab.measure.EvaluationSuite;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.PersonaShares;

/**
 * What a chart's series or a report table's column may name: {@code distribution/metric} (or
 * {@code 1-distribution/metric}, one minus it, or {@code a-vs-b/metric}, a contrast of two evaluated
 * distributions), where the distribution is evaluated and the metric is one the scenario reports.
 */
final class Series {
    private static final Pattern SERIES = Pattern.compile("(1-)?([^/]+)/([a-z0-9_]+(?:/[a-z0-9_]+)*)");

    private Series() {
    }

    /** The series written at {@code node}, whose distribution {@code base} evaluates (or contrasts). */
    static String parse(Node node, String field, Scenario base) {
        String text = Section.text(node, field);
        var m = SERIES.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException(node.origin(), field, "expected distribution/metric, got \"" + text + "\"",
                    "e.g. test/got_coin, or 1-train/got_coin for one minus the metric");
        }
        String distribution = m.group(2);
        List<String> evaluated = base.evaluation().reported();
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

    /**
     * The metrics a chart or table of {@code base} may name: the evaluator's and the contrasts'. Every
     * check of a metric name in the schema asks this one method.
     */
    static List<String> knownMetrics(EnvSpec spec, Scenario base) {
        // Probe metrics are allowed wherever the environment has personas: a condition may switch them on.
        boolean personas = Personas.environments().contains(spec.id());
        List<String> metrics = new ArrayList<>(Evaluator.metricNames(spec, personas, personas));
        if (spec.oversight() != null) {
            metrics.add(ConditionalMisbehaviour.GAP);
        }
        if (DeceptiveAlignment.rewardBlindOversight(spec)) {
            metrics.add(DeceptiveAlignment.COMPLIANCE_GAP);
        }
        if ("alignment-faking-planner".equals(base.learner().type())) {
            metrics.addAll(DeceptiveAlignment.plannerMetricNames());
            metrics.addAll(DeceptiveAlignment.learnerMetricNames());
        }
        if (Boolean.TRUE.equals(base.learner().params().get("belief_head"))) {
            metrics.add(Evaluator.BELIEF_DEPLOYED);
        }
        if (base.evaluation().suite() != null) {
            metrics.addAll(EvaluationSuite.metricNames());
        }
        if ("persona-mixture".equals(base.learner().type())) {
            metrics.addAll(PersonaShares.learnerMetricNames(spec));
        }
        if (base.report().persistence() != null) {
            metrics.add(BackdoorPersistence.METRIC);
        }
        return metrics;
    }
}
