package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Legend;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;

/**
 * Sweep expansion: the cartesian product of a scenario's sweep values, first key slowest, each
 * point a complete scenario of its own. A point is made by writing the resolved scenario back to a
 * tree, setting each swept path, and validating the result exactly like a file, so a swept value can
 * never mean something a written value could not.
 */
public final class Sweeps {
    /** More points than this is almost surely a mistake (and would not finish). */
    static final int MAX_POINTS = 100_000;
    /**
     * The most stage runs a scenario may ask for: points × seeds × training stages. A million is days
     * of work even for the smallest stages; more would not finish, and its results would not fit in memory.
     */
    public static final long MAX_STAGE_RUNS = 1_000_000;

    private static final Set<String> UNSWEEPABLE = Set.of("name", "description", "sweep", "charts", "claims",
            "validated");
    /** Keys that decide which other keys are valid; sweeping one would leave its siblings invalid. */
    private static final Pattern SELECTORS = Pattern.compile(
            "environment\\.id|learner\\.type|training\\.\\d+\\.regime|training\\.\\d+\\.rater\\.name");

    private Sweeps() {
    }

    /** The points of {@code scenario}, with environments from {@link org.innerlab.env.EnvRegistry}. */
    public static List<SweepPoint> expand(Scenario scenario) {
        return expand(scenario, EnvSpecLookup.registry());
    }

    /**
     * The points of {@code scenario} in order (first sweep key slowest); each point's assignments map
     * swept path → canonical value in sweep-key order, and its scenario has those values applied, no
     * sweep and no charts (charts belong to the whole sweep). Without a sweep: one point, no assignments.
     *
     * @throws ScenarioException when a point is invalid, which a loaded scenario's points never are
     */
    public static List<SweepPoint> expand(Scenario scenario, Function<String, EnvSpec> specs) {
        if (scenario.sweep().isEmpty()) {
            return List.of(new SweepPoint(0, Map.of(), strip(scenario)));
        }
        return points(new ScenarioSchema(specs, scenario.source()), scenario, scenario.sweep(),
                Origin.of(scenario.source()));
    }

    /**
     * Validates the sweep of a file against its base scenario and returns it canonicalised: keys in
     * canonical path form, values as the schema coerces them. Errors point at the sweep entry.
     */
    static Map<String, List<Object>> check(ScenarioSchema schema, Scenario base, Node sweepNode) {
        if (sweepNode == null) {
            return Map.of();
        }
        Mapping sweep = Section.mapping(sweepNode, "sweep");
        Node baseTree = baseTree(base);
        Map<String, List<Object>> canonical = new LinkedHashMap<>();
        Map<String, String> writtenAs = new LinkedHashMap<>();
        long points = 1;
        for (Entry e : sweep.entries()) {
            List<String> segments;
            try {
                segments = DottedPath.parse(e.key());
            } catch (IllegalArgumentException ex) {
                throw new ScenarioException(e.keyOrigin(), "sweep." + e.key(), ex.getMessage(), null);
            }
            String key = String.join(".", segments);
            String field = "sweep." + key;
            String earlier = writtenAs.putIfAbsent(key, e.key());
            if (earlier != null) {
                throw new ScenarioException(e.keyOrigin(), field, "the same path as sweep key '" + earlier + "'",
                        "sweep each path once");
            }
            if (key.equals(Conditions.KEY)) {
                canonical.put(key, conditionNames(base.conditions(), e));
                points *= canonical.get(key).size();
                requireFeasible(sweep.origin(), points, base.seeds(), base.training().size());
                continue;
            }
            if (UNSWEEPABLE.contains(segments.get(0))) {
                throw new ScenarioException(e.keyOrigin(), field, "cannot be swept",
                        "sweep parameters, budgets, observation settings or the seed");
            }
            if (SELECTORS.matcher(key).matches()) {
                throw new ScenarioException(e.keyOrigin(), field, "cannot be swept",
                        "it decides which other keys are valid; write one scenario per value");
            }
            if (e.value() instanceof Scalar s && s.isNull()) {
                throw new ScenarioException(e.keyOrigin(), field, "expected a list of values, got null", null);
            }
            List<Node> items = Section.list(e.value(), field);
            if (items.isEmpty()) {
                throw new ScenarioException(e.value().origin(), field, "needs at least one value", null);
            }
            List<Object> values = new ArrayList<>();
            for (Node item : items) {
                if (!(item instanceof Scalar s) || s.isNull()) {
                    throw new ScenarioException(item.origin(), field, "sweep values must be scalars, got "
                            + item.describe(), null);
                }
                values.add(canonicalValue(schema, baseTree, segments, item, e.keyOrigin(), field, key));
            }
            canonical.put(key, values);
            points *= values.size();
            if (points > MAX_POINTS) {
                throw new ScenarioException(sweep.origin(), "sweep", "has more than " + MAX_POINTS + " points",
                        "split it into several scenarios");
            }
            // Checked key by key, before any point is built, so a huge sweep is refused at once.
            requireFeasible(sweep.origin(), points, base.seeds(), base.training().size());
        }
        try {
            points(schema, base, canonical, sweep.origin());
        } catch (ScenarioException ex) {
            // Every value is valid alone; this is a combination of them that is not.
            throw new ScenarioException(sweep.origin(), "sweep", "a combination of values is invalid: "
                    + (ex.field().isEmpty() ? "" : ex.field() + ": ") + ex.problem(), ex.hint().orElse(null));
        }
        return canonical;
    }

    /**
     * Refuses a sweep of more than {@link #MAX_STAGE_RUNS} stage runs (points × seeds × stages), naming
     * the numbers and the limit.
     */
    static void requireFeasible(Origin origin, long points, int seeds, int stages) {
        long stageRuns = points * seeds * Math.max(1, stages);
        if (stageRuns > MAX_STAGE_RUNS) {
            throw new ScenarioException(origin, "sweep", points + " points x " + seeds + " seeds x " + stages
                    + (stages == 1 ? " stage" : " stages") + " = " + stageRuns + " stage runs, more than the limit of "
                    + MAX_STAGE_RUNS, "sweep fewer values, or use fewer seeds or stages");
        }
    }

    /** The number of points {@code sweep} has: the product of its value counts. */
    static long pointCount(Map<String, List<Object>> sweep) {
        long points = 1;
        for (List<Object> values : sweep.values()) {
            points *= values.size();
        }
        return points;
    }

    /** The condition names a {@code condition} sweep lists, each defined under {@code conditions}, each once. */
    private static List<Object> conditionNames(Conditions conditions, Entry e) {
        String field = "sweep." + Conditions.KEY;
        if (conditions.isEmpty()) {
            throw new ScenarioException(e.keyOrigin(), field, "the scenario defines no conditions",
                    "define them under a top-level 'conditions:' map, one partial scenario per name");
        }
        List<Node> items = Section.list(e.value(), field);
        if (items.isEmpty()) {
            throw new ScenarioException(e.value().origin(), field, "needs at least one value", null);
        }
        List<Object> names = new ArrayList<>();
        for (Node item : items) {
            String name = Section.oneOf(item, field, conditions.names(), "condition");
            if (names.contains(name)) {
                throw new ScenarioException(item.origin(), field, "condition '" + name + "' is listed twice", null);
            }
            names.add(name);
        }
        return names;
    }

    private static Object canonicalValue(ScenarioSchema schema, Node baseTree, List<String> segments, Node item,
                                         Origin keyOrigin, String field, String key) {
        try {
            Scenario alone = schema.base(DottedPath.set(baseTree, segments, item, keyOrigin));
            // A layout's name resolves to its drawing; the point is labelled (and set) by the name.
            if (segments.get(segments.size() - 1).equals(Legend.PARAMETER) && item instanceof Scalar written
                    && written.value() instanceof String name && !name.contains("\n")) {
                return name;
            }
            if (DottedPath.get(ScenarioWriter.tree(alone), segments) instanceof Scalar s) {
                return s.value();
            }
            throw new ScenarioException(keyOrigin, field, "is not a settable scalar key", null);
        } catch (ScenarioException ex) {
            Origin at = ex.origin().equals(item.origin()) || ex.origin().equals(keyOrigin) ? ex.origin() : item.origin();
            String problem = ex.field().equals(key) ? ex.problem()
                    : (ex.field().isEmpty() ? "(document)" : ex.field()) + ": " + ex.problem();
            throw new ScenarioException(at, field, problem, ex.hint().orElse(null));
        }
    }

    /**
     * The point's index in the sweep without its condition key (mixed radix, first key slowest), so
     * every condition's point at the same other values draws the same seeds.
     */
    private static int seedIndex(int[] index, Map<String, List<Object>> sweep, List<String> keys, int condition) {
        int seedIndex = 0;
        for (int j = 0; j < keys.size(); j++) {
            if (j != condition) {
                seedIndex = seedIndex * sweep.get(keys.get(j)).size() + index[j];
            }
        }
        return seedIndex;
    }

    private static List<SweepPoint> points(ScenarioSchema schema, Scenario base, Map<String, List<Object>> sweep,
                                           Origin origin) {
        Mapping tree = baseTree(base);
        List<String> keys = new ArrayList<>(sweep.keySet());
        List<List<String>> segments = new ArrayList<>();
        for (String k : keys) {
            segments.add(DottedPath.parse(k));
        }
        int[] index = new int[keys.size()];
        int condition = keys.indexOf(Conditions.KEY);
        List<SweepPoint> points = new ArrayList<>();
        for (int p = 0; ; p++) {
            Node t = tree;
            Map<String, Object> assignments = new LinkedHashMap<>();
            if (condition >= 0) {
                // First, so that a swept key can set a value inside what the condition brings.
                t = base.conditions().apply(tree, (String) sweep.get(Conditions.KEY).get(index[condition]));
            }
            for (int j = 0; j < keys.size(); j++) {
                Object v = sweep.get(keys.get(j)).get(index[j]);
                if (j != condition) {
                    t = DottedPath.set(t, segments.get(j), Scalar.of(v, origin), origin);
                }
                assignments.put(keys.get(j), v);
            }
            points.add(new SweepPoint(p, Collections.unmodifiableMap(assignments), schema.base(t),
                    seedIndex(index, sweep, keys, condition)));
            int j = keys.size() - 1;
            while (j >= 0 && ++index[j] == sweep.get(keys.get(j)).size()) {
                index[j] = 0;
                j--;
            }
            if (j < 0) {
                return List.copyOf(points);
            }
        }
    }

    private static Mapping baseTree(Scenario base) {
        return ScenarioWriter.tree(base).without("sweep").without("charts").without("conditions").without("claims")
                .without("validated");
    }

    private static Scenario strip(Scenario s) {
        return new Scenario(s.name(), s.description(), s.seed(), s.seeds(), s.environment(), s.learner(), s.data(),
                s.training(), s.evaluation(), Map.of(), List.of(), s.report(), Conditions.NONE, s.source());
    }
}
