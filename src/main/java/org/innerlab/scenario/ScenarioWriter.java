package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;
import org.innerlab.scenario.Node.Sequence;

/**
 * Writes a resolved scenario as YAML with every default spelled out, for a run folder's
 * {@code scenario.yaml}: loading the text back gives an equal {@link Scenario} (apart from
 * {@code source}), so the file alone reproduces the run.
 */
public final class ScenarioWriter {
    private static final String HEADER = "# Resolved by innerlab: every default is written out; loading this file"
            + " reproduces the scenario.\n";

    private ScenarioWriter() {
    }

    /** The YAML text of {@code scenario}. */
    public static String toYaml(Scenario scenario) {
        return HEADER + YamlEmitter.emit(tree(scenario));
    }

    /**
     * Every value of {@code scenario} with every default spelled out, by canonical dotted path
     * ({@code environment.params.width}, {@code training.0.steps}), in file order: what {@code --set}
     * and {@code sweep} address, as the text the resolved YAML writes (null as {@code null}).
     */
    public static Map<String, String> values(Scenario scenario) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", tree(scenario), values);
        return values;
    }

    private static void flatten(String path, Node node, Map<String, String> values) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (node instanceof Mapping m) {
            for (Entry e : m.entries()) {
                flatten(prefix + e.key(), e.value(), values);
            }
        } else if (node instanceof Sequence s) {
            for (int i = 0; i < s.items().size(); i++) {
                flatten(prefix + i, s.items().get(i), values);
            }
        } else {
            values.put(path, ((Scalar) node).text());
        }
    }

    /** {@code scenario} as a tree in the file format, each node's origin the scenario's source. */
    static Mapping tree(Scenario s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("seed", s.seed());
        root.put("seeds", s.seeds());

        EnvironmentConfig env = s.environment();
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("id", env.id());
        environment.put("params", env.params());
        Map<String, Object> others = new LinkedHashMap<>();
        env.overrides().forEach((name, own) -> {
            if (name.equals("train") || name.equals("test")) {
                environment.put(name, own);
            } else {
                others.put(name, own);
            }
        });
        if (!others.isEmpty()) {
            environment.put("distributions", others);
        }
        if (!env.layouts().isEmpty()) {
            environment.put(LayoutSection.KEY, env.layouts());
        }
        root.put("environment", environment);

        Map<String, Object> observation = new LinkedHashMap<>();
        observation.put("view_radius", s.learner().observation().viewRadius());
        observation.put("global_features", s.learner().observation().globalFeatures());
        observation.put("control_tags", s.learner().observation().controlTags());
        observation.put("full_board", s.learner().observation().fullBoard());
        Map<String, Object> learner = new LinkedHashMap<>();
        learner.put("type", s.learner().type());
        learner.put("observation", observation);
        learner.put("params", s.learner().params());
        root.put("learner", learner);

        if (s.data() != null) {
            root.put("data", data(s.data()));
        }

        List<Object> training = new ArrayList<>();
        for (StageConfig st : s.training()) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("regime", st.regime());
            if (!st.clonesDemonstrations()) {
                stage.put("steps", st.steps());
            }
            if (st.hasRater() && st.raterParams().isEmpty()) {
                stage.put("rater", st.rater());
            } else if (st.hasRater()) {
                Map<String, Object> rater = new LinkedHashMap<>();
                rater.put("name", st.rater());
                rater.putAll(st.raterParams());
                stage.put("rater", rater);
            }
            stage.put("params", st.params());
            if (st.learnsFromData()) {
                // The stage's own data keys: those that differ from the scenario's data.
                Map<String, Object> own = ownData(st.data(), s.data());
                if (!own.isEmpty()) {
                    stage.put("data", own);
                }
            }
            training.add(stage);
        }
        root.put("training", training);

        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("episodes", s.evaluation().episodes());
        evaluation.put("distributions", s.evaluation().distributions());
        evaluation.put("policy", s.evaluation().policy());
        EvaluationConfig ev = s.evaluation();
        if (!ev.tag().equals("none")) {
            evaluation.put("tag", ev.tag());
        }
        if (ev.tagGuided() != null) {
            evaluation.put("tag_guided", ev.tagGuided());
        }
        if (ev.reference() != null) {
            evaluation.put("reference", ev.reference());
        }
        if (ev.attack() != null) {
            Map<String, Object> attack = new LinkedHashMap<>();
            attack.put("persona", ev.attack().persona());
            attack.put("steps", ev.attack().steps());
            evaluation.put("attack", attack);
        }
        CurveConfig curve = s.evaluation().curve();
        if (curve != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("every", curve.every());
            c.put("episodes", curve.episodes());
            c.put("distributions", curve.distributions());
            c.put("reference_stage", curve.referenceStage());
            if (curve.bestOfNPool() > 0) {
                Map<String, Object> bon = new LinkedHashMap<>();
                bon.put("pool", curve.bestOfNPool());
                bon.put("n", curve.bestOfN());
                c.put("best_of_n", bon);
            }
            if (curve.online()) {
                c.put("online", true);
            }
            evaluation.put("curve", c);
        }
        if (ev.suite() != null) {
            evaluation.put("suite", SuiteSection.tree(ev.suite()));
        }
        if (ev.beliefSteering()) {
            evaluation.put("belief_steering", true);
        }
        if (ev.steering() != null) {
            evaluation.put("steering", SteeringSection.tree(ev.steering()));
        }
        if (!ev.probes().isEmpty()) {
            evaluation.put("probes", ProbesSection.tree(ev.probes()));
        }
        if (ev.audit() != null) {
            evaluation.put("audit", Map.of("budget", ev.audit().budget()));
        }
        root.put("evaluation", evaluation);

        if (!s.report().animations().isEmpty() || !s.report().table().isEmpty() || s.report().persistence() != null
                || s.report().gapRecovered() != null || s.report().auditing() != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("animations", s.report().animations());
            report.put("frames", s.report().frames());
            if (!s.report().table().isEmpty()) {
                report.put("table", s.report().table());
                if (!s.report().tableLabels().isEmpty()) {
                    report.put("table_labels", s.report().tableLabels());
                }
            }
            if (s.report().persistence() != null) {
                Map<String, Object> persistence = new LinkedHashMap<>();
                persistence.put("before", s.report().persistence().before());
                persistence.put("distributions", s.report().persistence().distributions());
                report.put("backdoor_persistence", persistence);
            }
            if (s.report().gapRecovered() != null) {
                Map<String, Object> gap = new LinkedHashMap<>();
                gap.put("weak", s.report().gapRecovered().weak());
                gap.put("ceiling", s.report().gapRecovered().ceiling());
                gap.put("metric", s.report().gapRecovered().metric());
                gap.put("distributions", s.report().gapRecovered().distributions());
                report.put("performance_gap_recovered", gap);
            }
            if (s.report().auditing() != null) {
                Map<String, Object> auditing = new LinkedHashMap<>();
                auditing.put("clean_key", s.report().auditing().cleanKey());
                auditing.put("clean_value", s.report().auditing().cleanValue());
                auditing.put("calibration_seeds", s.report().auditing().calibrationSeeds());
                auditing.put("false_positive_rate", s.report().auditing().falsePositiveRate());
                report.put("auditing", auditing);
            }
            root.put("report", report);
        }

        if (!s.conditions().isEmpty()) {
            // Written as given: each condition is resolved only where the sweep selects it.
            root.put("conditions", new LinkedHashMap<>(s.conditions().overrides()));
        }
        root.put("sweep", s.sweep());
        List<Object> charts = new ArrayList<>();
        for (ChartConfig c : s.charts()) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("kind", c.kind());
            chart.put("name", c.name());
            chart.put("title", c.title());
            chart.put("x", c.x());
            chart.put("y", c.y());
            chart.put("labels", c.labels());
            chart.put("x_label", c.xLabel());
            if (!c.categories().isEmpty()) {
                chart.put("categories", c.categories());
            }
            chart.put("y_label", c.yLabel());
            if (c.fit()) {
                chart.put("fit", true);
            }
            // Written only when asked for, so the resolved scenario of a chart without it stays as it was.
            if (c.xScale() != AxisScale.LINEAR) {
                chart.put("x_scale", c.xScale().text());
            }
            charts.add(chart);
        }
        root.put("charts", charts);
        // Written only when the scenario has claims, so the resolved scenario of one without them stays as it was.
        if (!s.claims().isEmpty()) {
            root.put("claims", s.claims().stream().map(ScenarioWriter::claim).toList());
        }
        if (!s.validated().isEmpty()) {
            Map<String, Object> validated = new LinkedHashMap<>();
            s.validated().forEach(r -> validated.put(r.path(), List.of(r.low(), r.high())));
            root.put("validated", validated);
        }
        return (Mapping) node(root, Origin.of(s.source()));
    }

    /** One claim in the file format, its check key last but for its options. */
    private static Map<String, Object> claim(ClaimConfig c) {
        if (c instanceof ClaimConfig.NotChecked n) {
            Map<String, Object> claim = claim(n.claim());
            claim.put("not_checked", n.reason());
            return claim;
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("says", c.says());
        claim.put("series", c.series());
        if (!c.at().isEmpty()) {
            claim.put("at", c.at());
        }
        if (c instanceof ClaimConfig.Threshold t) {
            claim.put(t.bound().key, t.value());
            claim.put("whole_ci", t.wholeCi());
        } else if (c instanceof ClaimConfig.Difference d) {
            claim.put("exceeds", d.than());
            claim.put("by", d.by());
            claim.put("cis_apart", d.cisApart());
            if (d.tested()) {
                claim.put("test", ClaimsSection.TESTS.get(0));
            }
        } else if (c instanceof ClaimConfig.Trend t) {
            claim.put(t.rising() ? "rises_over" : "falls_over", t.over());
            claim.put("slack", t.slack());
        }
        return claim;
    }

    /**
     * The keys of a stage's resolved data that differ from the scenario's: written under the stage, so
     * that the resolved file merges back to the same data and a sweep of the scenario's {@code data}
     * still reaches the stages that did not set the key themselves.
     */
    private static Map<String, Object> ownData(DataConfig stage, DataConfig scenario) {
        Map<String, Object> mine = data(stage);
        if (scenario == null) {
            return mine;
        }
        Map<String, Object> theirs = data(scenario);
        Map<String, Object> own = new LinkedHashMap<>();
        mine.forEach((k, v) -> {
            if (!v.equals(theirs.get(k))) {
                own.put(k, v);
            }
        });
        return own;
    }

    private static Map<String, Object> data(DataConfig d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("distribution", d.distribution());
        data.put("episodes", d.episodes());
        data.put("noise", d.noise());
        if (d.shorthand()) {
            data.put("good", d.good());
            data.put("bad", d.bad());
            data.put("bad_fraction", d.badFraction());
        } else {
            List<Object> teachers = new ArrayList<>();
            for (DataConfig.Share share : d.teachers()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("persona", share.persona());
                t.put("weight", share.weight());
                teachers.add(t);
            }
            data.put("teachers", teachers);
        }
        List<Object> curation = new ArrayList<>();
        for (DataConfig.Step step : d.curation()) {
            curation.add(Map.of(step.operator(), step.params()));
        }
        data.put("curation", curation);
        if (d.supervisor() != null) {
            Map<String, Object> supervisor = new LinkedHashMap<>();
            supervisor.put("type", d.supervisor().type());
            supervisor.put("params", d.supervisor().params());
            if (d.supervisor().epochs() != null) {
                supervisor.put("epochs", d.supervisor().epochs());
            }
            supervisor.put("errors", d.supervisor().systematic() ? "systematic" : "random");
            supervisor.put("error_rate", d.supervisor().errorRate());
            supervisor.put("error_persona", d.supervisor().errorPersona());
            data.put("supervisor", supervisor);
        }
        return data;
    }

    private static Node node(Object value, Origin origin) {
        if (value instanceof Node n) {
            return n;
        }
        if (value instanceof Map<?, ?> m) {
            List<Entry> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(new Entry((String) k, origin, node(v, origin))));
            return new Mapping(entries, origin);
        }
        if (value instanceof List<?> l) {
            List<Node> items = new ArrayList<>();
            l.forEach(v -> items.add(node(v, origin)));
            return new Sequence(items, origin);
        }
        return Scalar.of(value, origin);
    }
}
