package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.measure.SteeringVector;

/**
 * The {@code charts} section: each chart a sweep line chart, a bars chart (over distributions or a
 * sweep key), a scatter of two metric series, a training curve, or a metric against a steering
 * vector's coefficient; read last, since its x names the
 * sweep's keys and its series the evaluated distributions and reported metrics ({@link Series}).
 */
final class ChartsSection {
    static final List<String> KEYS = List.of("kind", "name", "title", "x", "y", "labels", "x_label", "y_label",
            "categories", "fit", "x_scale");
    static final List<String> KINDS = List.of("sweep", "bars", "curve", "scatter", "steering");
    /** The extra metrics of a training curve's points (besides the evaluator's). */
    private static final Pattern METRIC = Pattern.compile("[a-z0-9_]+(?:/[a-z0-9_]+)*");

    private ChartsSection() {
    }

    /** The charts, whose x must be a sweep key and whose series must name evaluated distributions. */
    static List<ChartConfig> parse(Node node, Set<String> sweepKeys, Scenario base, EnvSpec spec) {
        if (node == null) {
            return List.of();
        }
        List<String> metrics = Series.knownMetrics(spec, base);
        List<Node> items = Section.list(node, "charts");
        List<ChartConfig> charts = new ArrayList<>();
        Map<String, Origin> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "charts." + i;
            Section s = Section.of(items.get(i), path, KEYS);
            String kind = s.get("kind") == null ? "sweep" : Section.oneOf(s.get("kind"), s.field("kind"), KINDS,
                    "chart kind");
            AxisScale xScale = s.get("x_scale") == null ? AxisScale.LINEAR
                    : AxisScale.named(Section.oneOf(s.get("x_scale"), s.field("x_scale"), AxisScale.NAMES, "x scale"));
            if (xScale != AxisScale.LINEAR && !kind.equals("sweep")) {
                throw new ScenarioException(s.get("x_scale").origin(), s.field("x_scale"), "only a sweep chart has a "
                        + "scaled x axis", "remove it, or set kind: sweep");
            }
            if (kind.equals("curve")) {
                charts.add(curveChart(s, base, spec, names));
                continue;
            }
            if (s.get("fit") != null) {
                throw new ScenarioException(s.get("fit").origin(), s.field("fit"), "only a curve chart draws fits", null);
            }
            if (kind.equals("steering")) {
                charts.add(steeringChart(s, base, metrics, spec, names));
                continue;
            }
            boolean bars = kind.equals("bars");
            boolean scatter = kind.equals("scatter");
            Node nameNode = s.require("name");
            String name = Section.matching(nameNode, s.field("name"), ScenarioSchema.NAME);
            if (names.putIfAbsent(name, nameNode.origin()) != null) {
                throw new ScenarioException(nameNode.origin(), s.field("name"), "chart name '" + name
                        + "' is used twice", "chart names are file names");
            }
            String title = s.get("title") == null ? name : Section.text(s.get("title"), s.field("title"));
            // A scatter's x is a metric series like its y; the other kinds' x is an axis of the sweep.
            String x = scatter ? metricSeries(s.require("x"), s.field("x"), base, metrics, spec)
                    : bars ? barsAxis(s.require("x"), s.field("x"), sweepKeys)
                    : sweepKey(s.require("x"), s.field("x"), sweepKeys);
            // Bars over distributions take plain metrics; bars over a swept key take series, like lines.
            boolean metricsOnly = bars && x.equals("distribution");
            List<String> y = new ArrayList<>();
            Node yNode = s.require("y");
            List<Node> series = Section.list(yNode, s.field("y"));
            if (series.isEmpty()) {
                throw new ScenarioException(yNode.origin(), s.field("y"), "needs at least one series", null);
            }
            for (int j = 0; j < series.size(); j++) {
                String field = s.field("y") + "." + j;
                String item = metricsOnly ? Section.matching(series.get(j), field, METRIC)
                        : Series.parse(series.get(j), field, base);
                y.add(knownMetric(series.get(j), field, item, metrics, spec));
            }
            List<String> labels = s.labels("labels", y.size(), "series", "y series");
            if (labels.isEmpty()) {
                labels = y;
            }
            List<String> categories = metricsOnly ? categories(s.get("categories"), s.field("categories"), base)
                    : List.of();
            if (!metricsOnly && s.get("categories") != null) {
                throw new ScenarioException(s.get("categories").origin(), s.field("categories"),
                        "only a bars chart over distributions has categories", "remove it, or set kind: bars and "
                        + "x: distribution");
            }
            String xLabel = s.get("x_label") == null ? x : Section.text(s.get("x_label"), s.field("x_label"));
            String yLabel = s.get("y_label") == null ? "" : Section.text(s.get("y_label"), s.field("y_label"));
            charts.add(new ChartConfig(kind, name, title, x, y, labels, xLabel, yLabel, categories, false, xScale));
        }
        return charts;
    }

    /** A {@code curve} chart: x is steps or sqrt_kl, y series name a curve distribution or its best-of-n. */
    private static ChartConfig curveChart(Section s, Scenario base, EnvSpec spec, Map<String, Origin> names) {
        CurveConfig curve = base.evaluation().curve();
        Node kindNode = s.get("kind");
        if (curve == null) {
            throw new ScenarioException(kindNode.origin(), s.field("kind"), "a curve chart needs evaluation.curve",
                    "add evaluation: {curve: {every: ...}}");
        }
        Node nameNode = s.require("name");
        String name = Section.matching(nameNode, s.field("name"), ScenarioSchema.NAME);
        if (names.putIfAbsent(name, nameNode.origin()) != null) {
            throw new ScenarioException(nameNode.origin(), s.field("name"), "chart name '" + name
                    + "' is used twice", "chart names are file names");
        }
        String title = s.get("title") == null ? name : Section.text(s.get("title"), s.field("title"));
        String x = Section.oneOf(s.require("x"), s.field("x"), List.of("steps", "sqrt_kl"), "curve axis");
        List<String> bases = new ArrayList<>();
        for (String d : curve.distributions()) {
            bases.add(d);
            if (curve.bestOfNPool() > 0) {
                bases.add(d + CurveConfig.BEST_OF_N);
            }
        }
        if (curve.online()) {
            bases.add(CurveConfig.ONLINE);
        }
        List<String> metrics = Series.evaluationPlan(spec, base).curveMetricNames();
        Node yNode = s.require("y");
        List<Node> series = Section.list(yNode, s.field("y"));
        if (series.isEmpty()) {
            throw new ScenarioException(yNode.origin(), s.field("y"), "needs at least one series", null);
        }
        List<String> y = new ArrayList<>();
        for (int j = 0; j < series.size(); j++) {
            String field = s.field("y") + "." + j;
            String text = Section.text(series.get(j), field);
            int slash = text.indexOf('/');
            String curveBase = slash < 0 ? text : text.substring(0, slash);
            if (slash < 0 || !bases.contains(curveBase)) {
                throw Section.unknown(series.get(j).origin(), field, "curve", curveBase, bases, "recorded");
            }
            String metric = text.substring(slash + 1);
            if (!metrics.contains(metric)) {
                throw Section.unknown(series.get(j).origin(), field, "metric", metric, metrics, "curve");
            }
            y.add(text);
        }
        List<String> labels = s.labels("labels", y.size(), "series", "y series");
        if (labels.isEmpty()) {
            labels = y;
        }
        if (s.get("categories") != null) {
            throw new ScenarioException(s.get("categories").origin(), s.field("categories"),
                    "only a bars chart over distributions has categories", null);
        }
        boolean fit = s.get("fit") != null && (Boolean) Section.param(ParamSpec.bool("fit", false, ""), s.get("fit"),
                s.field("fit"));
        if (fit && !x.equals("sqrt_kl")) {
            throw new ScenarioException(s.get("fit").origin(), s.field("fit"), "fits are curves of d = sqrt(KL)",
                    "set x: sqrt_kl");
        }
        String xLabel = s.get("x_label") == null ? (x.equals("steps") ? "training steps" : "d = sqrt(KL to initial policy)")
                : Section.text(s.get("x_label"), s.field("x_label"));
        String yLabel = s.get("y_label") == null ? "" : Section.text(s.get("y_label"), s.field("y_label"));
        return new ChartConfig("curve", name, title, x, y, labels, xLabel, yLabel, List.of(), fit);
    }

    /**
     * A {@code steering} chart: x is a vector of {@code evaluation.steering}, each y series
     * {@code [1-]d/metric} with d a steered distribution; drawn against the vector's coefficient.
     */
    private static ChartConfig steeringChart(Section s, Scenario base, List<String> metrics, EnvSpec spec,
                                             Map<String, Origin> names) {
        EvaluationConfig.Steering steering = base.evaluation().steering();
        if (steering == null) {
            throw new ScenarioException(s.get("kind").origin(), s.field("kind"), "a steering chart needs "
                    + "evaluation.steering", "add evaluation: {steering: {vectors: ...}}");
        }
        Node nameNode = s.require("name");
        String name = Section.matching(nameNode, s.field("name"), ScenarioSchema.NAME);
        if (names.putIfAbsent(name, nameNode.origin()) != null) {
            throw new ScenarioException(nameNode.origin(), s.field("name"), "chart name '" + name
                    + "' is used twice", "chart names are file names");
        }
        String title = s.get("title") == null ? name : Section.text(s.get("title"), s.field("title"));
        List<String> vectors = steering.vectors().stream().map(SteeringVector::name).toList();
        String x = Section.oneOf(s.require("x"), s.field("x"), vectors, "steering vector");
        Node yNode = s.require("y");
        List<Node> series = Section.list(yNode, s.field("y"));
        if (series.isEmpty()) {
            throw new ScenarioException(yNode.origin(), s.field("y"), "needs at least one series", null);
        }
        List<String> y = new ArrayList<>();
        for (int j = 0; j < series.size(); j++) {
            String field = s.field("y") + "." + j;
            String item = Series.parse(series.get(j), field, base);
            String d = item.substring(item.startsWith("1-") ? 2 : 0, item.indexOf('/'));
            if (!steering.distributions().contains(d)) {
                throw Section.unknown(series.get(j).origin(), field, "steered distribution", d,
                        steering.distributions(), "steered");
            }
            y.add(knownMetric(series.get(j), field, item, metrics, spec));
        }
        List<String> labels = s.labels("labels", y.size(), "series", "y series");
        if (s.get("categories") != null) {
            throw new ScenarioException(s.get("categories").origin(), s.field("categories"),
                    "only a bars chart over distributions has categories", null);
        }
        String xLabel = s.get("x_label") == null ? "coefficient c of the steering vector '" + x + "'"
                : Section.text(s.get("x_label"), s.field("x_label"));
        String yLabel = s.get("y_label") == null ? "" : Section.text(s.get("y_label"), s.field("y_label"));
        return new ChartConfig("steering", name, title, x, y, labels.isEmpty() ? y : labels, xLabel, yLabel);
    }

    /** A {@code distribution/metric} series whose metric the environment reports. */
    private static String metricSeries(Node node, String field, Scenario base, List<String> metrics, EnvSpec spec) {
        return knownMetric(node, field, Series.parse(node, field, base), metrics, spec);
    }

    /** {@code item} (a metric, or a series ending in one) when its metric is among {@code metrics}. */
    private static String knownMetric(Node node, String field, String item, List<String> metrics, EnvSpec spec) {
        String metric = item.substring(item.indexOf('/') + 1);
        if (!metrics.contains(metric)) {
            throw Section.unknown(node.origin(), field, "metric", metric, metrics, spec.id() + "'s");
        }
        return item;
    }

    private static String barsAxis(Node node, String field, Set<String> sweepKeys) {
        String text = Section.text(node, field);
        if (text.equals("distribution")) {
            return text;
        }
        if (sweepKeys.isEmpty()) {
            throw new ScenarioException(node.origin(), field, "a bars chart groups by distribution or by a sweep key, "
                    + "got '" + text + "'", "the scenario has no sweep; write x: distribution");
        }
        return sweepKey(node, field, sweepKeys);
    }

    /** A bars chart's groups: evaluated distributions, or contrasts {@code a-vs-b} of two of them. */
    private static List<String> categories(Node node, String field, Scenario base) {
        List<String> evaluated = base.reportedDistributions();
        if (node == null) {
            return evaluated;
        }
        List<String> categories = new ArrayList<>();
        List<Node> items = Section.list(node, field);
        for (int j = 0; j < items.size(); j++) {
            String text = Section.text(items.get(j), field + "." + j);
            String[] sides = text.split("-vs-", -1);
            for (String side : sides) {
                if (!evaluated.contains(side)) {
                    throw Section.unknown(items.get(j).origin(), field + "." + j, "distribution", side, evaluated,
                            "evaluated");
                }
            }
            if (sides.length > 2) {
                throw new ScenarioException(items.get(j).origin(), field + "." + j, "expected a distribution or a-vs-b, got '"
                        + text + "'", null);
            }
            categories.add(text);
        }
        return categories;
    }

    private static String sweepKey(Node node, String field, Set<String> sweepKeys) {
        String text = Section.text(node, field);
        String key;
        try {
            key = DottedPath.canonical(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(node.origin(), field, e.getMessage(), null);
        }
        if (!sweepKeys.contains(key)) {
            throw new ScenarioException(node.origin(), field, "'" + text + "' is not a sweep key",
                    sweepKeys.isEmpty() ? "the scenario has no sweep" : Spelling.hint(key, sweepKeys, "sweep keys"));
        }
        return key;
    }
}
