package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.scenario.Node.Mapping;

/**
 * The {@code report} section: animations and their frames, the paper table's columns and labels, and
 * the backdoor-persistence measurement. The table and the persistence are read once the rest of the
 * scenario is known (they name evaluated distributions and reported metrics), and the persistence's
 * {@code before} once the sweep is known.
 */
final class ReportSection {
    static final List<String> KEYS = List.of("animations", "frames", "table", "table_labels",
            "backdoor_persistence", "performance_gap_recovered", "auditing");
    static final List<String> AUDITING_KEYS = List.of("clean_key", "clean_value", "calibration_seeds",
            "false_positive_rate");
    private static final String AUDITING_PATH = "report.auditing";
    private static final ParamSpec FALSE_POSITIVE_RATE = ParamSpec.real("false_positive_rate", 0.05, 0, 0.99, "");
    static final List<String> PERSISTENCE_KEYS = List.of("before", "distributions");
    static final List<String> GAP_KEYS = List.of("weak", "ceiling", "metric", "distributions");
    private static final String GAP_PATH = "report.performance_gap_recovered";

    private ReportSection() {
    }

    /** The report extras: animations must name distributions of the environment, each once. */
    static ReportConfig parse(Node node, Set<String> distributions) {
        if (node == null) {
            return ReportConfig.NONE;
        }
        // table and table_labels are read by table(), which needs the evaluated distributions.
        Section s = Section.of(node, "report", KEYS);
        List<String> names = new ArrayList<>();
        if (s.get("animations") != null) {
            List<Node> items = Section.list(s.get("animations"), s.field("animations"));
            for (int i = 0; i < items.size(); i++) {
                String field = s.field("animations") + "." + i;
                String d = Section.oneOf(items.get(i), field, distributions, "distribution");
                if (names.contains(d)) {
                    throw new ScenarioException(items.get(i).origin(), field, "distribution '" + d
                            + "' is listed twice", null);
                }
                names.add(d);
            }
        }
        int frames = s.get("frames") == null ? ReportConfig.DEFAULT_FRAMES
                : (int) Section.integer(s.get("frames"), s.field("frames"), 1, ReportConfig.MAX_FRAMES);
        return new ReportConfig(names, frames);
    }

    /**
     * The paper table's columns ({@code report.table}, {@code report.table_labels}): each a
     * {@code distribution/metric} series of an evaluated distribution (or a contrast) and a metric the
     * environment reports, one label per column when labels are written.
     */
    static ReportConfig table(Node node, Scenario base, EnvSpec spec) {
        if (node == null) {
            return base.report();
        }
        Section s = Section.of(node, "report", KEYS);
        if (s.get("table") == null) {
            if (s.get("table_labels") != null) {
                throw new ScenarioException(s.get("table_labels").origin(), s.field("table_labels"),
                        "labels for a table that is not written", "add report.table, or remove table_labels");
            }
            return base.report();
        }
        List<String> metrics = Series.knownMetrics(spec, base);
        List<Node> items = Section.list(s.get("table"), s.field("table"));
        if (items.isEmpty()) {
            throw new ScenarioException(s.get("table").origin(), s.field("table"), "needs at least one column",
                    "leave report.table out for the default columns");
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = s.field("table") + "." + i;
            String item = Series.parse(items.get(i), field, base);
            String metric = item.substring(item.indexOf('/') + 1);
            if (item.startsWith("1-")) {
                throw new ScenarioException(items.get(i).origin(), field, "a table column is a metric as measured",
                        "write it without the 1- prefix");
            }
            if (!metrics.contains(metric)) {
                throw Section.unknown(items.get(i).origin(), field, "metric", metric, metrics, spec.id() + "'s");
            }
            columns.add(item);
        }
        List<String> labels = s.labels("table_labels", columns.size(), "columns", "table column");
        return base.report().withTable(columns, labels);
    }

    /**
     * {@code report.backdoor_persistence}: {@code before} (a condition name, checked against the sweep by
     * {@link #checkPersistenceBefore}) and the evaluated distributions whose misbehaviour rate is compared.
     */
    static ReportConfig persistence(Node node, Scenario base, EnvSpec spec, ReportConfig report) {
        if (node == null || Section.of(node, "report", KEYS).get("backdoor_persistence") == null) {
            return report;
        }
        String path = "report.backdoor_persistence";
        Section p = Section.of(Section.of(node, "report", KEYS).get("backdoor_persistence"), path,
                PERSISTENCE_KEYS);
        String before = Section.matching(p.require("before"), p.field("before"), ScenarioSchema.NAME);
        if (spec.oversight() == null) {
            throw new ScenarioException(p.require("before").origin(), path, spec.id()
                    + " reports no misbehaviour_rate, so there is no backdoor to measure", "remove backdoor_persistence");
        }
        return report.withPersistence(new PersistenceConfig(before, evaluatedDistributions(p, base, "e.g. [triggered]")));
    }

    /** The {@code distributions} of a cross-condition measurement: evaluated ones, at least one, each once. */
    private static List<String> evaluatedDistributions(Section p, Scenario base, String example) {
        List<String> evaluated = base.evaluation().reported();
        List<Node> items = Section.list(p.require("distributions"), p.field("distributions"));
        if (items.isEmpty()) {
            throw new ScenarioException(p.require("distributions").origin(), p.field("distributions"),
                    "needs at least one distribution", example);
        }
        List<String> distributions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = p.field("distributions") + "." + i;
            String d = Section.oneOf(items.get(i), field, evaluated, "evaluated distribution");
            if (distributions.contains(d)) {
                throw new ScenarioException(items.get(i).origin(), field, "distribution '" + d + "' is listed twice", null);
            }
            distributions.add(d);
        }
        return distributions;
    }

    /**
     * {@code report.performance_gap_recovered}: the {@code weak} and {@code ceiling} conditions (checked
     * against the sweep by {@link #checkGapConditions}), the {@code metric} compared, one the environment
     * reports, and the evaluated distributions it is compared on.
     */
    static ReportConfig gapRecovered(Node node, Scenario base, EnvSpec spec, ReportConfig report) {
        if (node == null || Section.of(node, "report", KEYS).get("performance_gap_recovered") == null) {
            return report;
        }
        Section p = Section.of(Section.of(node, "report", KEYS).get("performance_gap_recovered"), GAP_PATH, GAP_KEYS);
        String weak = Section.matching(p.require("weak"), p.field("weak"), ScenarioSchema.NAME);
        String ceiling = Section.matching(p.require("ceiling"), p.field("ceiling"), ScenarioSchema.NAME);
        if (weak.equals(ceiling)) {
            throw new ScenarioException(p.require("ceiling").origin(), p.field("ceiling"), "the weak and ceiling "
                    + "conditions are both '" + weak + "'", "name the strong learner trained on the true signal");
        }
        String metric = Section.text(p.require("metric"), p.field("metric"));
        List<String> metrics = Series.knownMetrics(spec, base);
        if (!metrics.contains(metric)) {
            throw Section.unknown(p.require("metric").origin(), p.field("metric"), "metric", metric, metrics,
                    spec.id() + "'s");
        }
        return report.withGapRecovered(new GapRecoveredConfig(weak, ceiling, metric,
                evaluatedDistributions(p, base, "e.g. [train]")));
    }

    /** The gap's {@code weak} and {@code ceiling} must be swept conditions, or there is nothing to compare with. */
    static void checkGapConditions(Node reportNode, Scenario base, Map<String, List<Object>> sweep) {
        GapRecoveredConfig gap = base.report().gapRecovered();
        if (gap == null) {
            return;
        }
        Mapping section = Section.mapping(Section.mapping(reportNode, "report").get("performance_gap_recovered"),
                GAP_PATH);
        List<String> swept = sweep.getOrDefault(Conditions.KEY, List.of()).stream().map(String::valueOf).toList();
        for (String key : List.of("weak", "ceiling")) {
            String condition = key.equals("weak") ? gap.weak() : gap.ceiling();
            if (swept.isEmpty()) {
                throw new ScenarioException(section.get(key).origin(), GAP_PATH + "." + key,
                        "needs a condition sweep to compare with", "add sweep: { condition: [" + condition
                        + ", ...] } and define the conditions");
            }
            if (!swept.contains(condition)) {
                throw Section.unknown(section.get(key).origin(), GAP_PATH + "." + key, "condition", condition, swept,
                        "swept conditions");
            }
        }
    }

    /** The persistence's {@code before} must be one of the swept conditions, or there is nothing to divide by. */
    static void checkPersistenceBefore(Node reportNode, Scenario base, Map<String, List<Object>> sweep) {
        PersistenceConfig persistence = base.report().persistence();
        if (persistence == null) {
            return;
        }
        Node before = Section.mapping(Section.mapping(reportNode, "report").get("backdoor_persistence"),
                "report.backdoor_persistence").get("before");
        List<String> swept = sweep.getOrDefault(Conditions.KEY, List.of()).stream().map(String::valueOf).toList();
        if (swept.isEmpty()) {
            throw new ScenarioException(before.origin(), "report.backdoor_persistence.before",
                    "needs a condition sweep to compare with", "add sweep: { condition: [" + persistence.before()
                    + ", ...] } and define the conditions");
        }
        if (!swept.contains(persistence.before())) {
            throw Section.unknown(before.origin(), "report.backdoor_persistence.before", "condition",
                    persistence.before(), swept, "swept conditions");
        }
    }

    /**
     * {@code report.auditing}: which swept value marks a clean model, how many seeds calibrate the auditors'
     * thresholds, and the false-positive rate they are calibrated to; needs {@code evaluation.audit}.
     */
    static ReportConfig auditing(Node node, Scenario base, ReportConfig report) {
        if (node == null || Section.of(node, "report", KEYS).get("auditing") == null) {
            return report;
        }
        Node at = Section.of(node, "report", KEYS).get("auditing");
        Section a = Section.of(at, AUDITING_PATH, AUDITING_KEYS);
        if (base.evaluation().audit() == null) {
            throw new ScenarioException(at.origin(), AUDITING_PATH, "there are no audit scores to calibrate",
                    "add evaluation.audit: { budget: 20 }");
        }
        String key = Section.text(a.require("clean_key"), a.field("clean_key"));
        String value = Section.text(a.require("clean_value"), a.field("clean_value"));
        // Not bounded by seeds: --smoke and --seeds change those, and then AuditRows calibrates on half the runs.
        int calibration = (int) Section.integer(a.require("calibration_seeds"), a.field("calibration_seeds"), 1,
                100_000);
        double rate = a.get("false_positive_rate") == null ? (Double) FALSE_POSITIVE_RATE.defaultValue()
                : (Double) Section.param(FALSE_POSITIVE_RATE, a.get("false_positive_rate"), a.field("false_positive_rate"));
        return report.withAuditing(new AuditingConfig(key, value, calibration, rate));
    }

    /** The auditing game's clean key must be swept, with the clean value among its values and at least one other. */
    static void checkAuditingKey(Node reportNode, Scenario base, Map<String, List<Object>> sweep) {
        AuditingConfig auditing = base.report().auditing();
        if (auditing == null) {
            return;
        }
        Mapping section = Section.mapping(Section.mapping(reportNode, "report").get("auditing"), AUDITING_PATH);
        List<Object> values = sweep.get(auditing.cleanKey());
        if (values == null) {
            throw Section.unknown(section.get("clean_key").origin(), AUDITING_PATH + ".clean_key", "swept key",
                    auditing.cleanKey(), sweep.keySet(), "swept keys");
        }
        List<String> swept = values.stream().map(String::valueOf).toList();
        if (!swept.contains(auditing.cleanValue()) || swept.size() < 2) {
            throw new ScenarioException(section.get("clean_value").origin(), AUDITING_PATH + ".clean_value",
                    "the clean value must be one of " + auditing.cleanKey() + "'s swept values " + swept
                            + ", beside at least one backdoored one", "sweep the clean and the backdoored values");
        }
    }
}
