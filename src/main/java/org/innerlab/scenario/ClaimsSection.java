package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.measure.BackdoorPersistence;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Scalar;

/**
 * The {@code claims} section: a list of {@link ClaimConfig}s, read last, since a claim names the
 * evaluated distributions and reported metrics ({@link Series}) and the sweep's keys and values. A claim
 * may write a swept path whole ({@code environment.train.random_coin_percent}) or by its last segment
 * when no other swept path ends the same way ({@code random_coin_percent}, {@code condition}).
 */
final class ClaimsSection {
    static final List<String> BOUNDS = List.of(ClaimConfig.Bound.AT_LEAST.key, ClaimConfig.Bound.ABOVE.key,
            ClaimConfig.Bound.AT_MOST.key, ClaimConfig.Bound.BELOW.key);
    /** Exactly one of these says what kind of claim an entry is. */
    static final List<String> CHECKS = List.of("at_least", "above", "at_most", "below", "exceeds", "rises_over",
            "falls_over");
    static final List<String> KEYS = List.of("says", "series", "at", "at_least", "above", "at_most", "below",
            "whole_ci", "exceeds", "by", "cis_apart", "test", "rises_over", "falls_over", "slack", "not_checked");
    /** The statistical tests a difference may ask for. */
    static final List<String> TESTS = List.of("mann-whitney");

    private static final ParamSpec NUMBER = ParamSpec.real("value", 0.0, -1e12, 1e12, "a claim's bound");
    private static final ParamSpec MARGIN = ParamSpec.real("value", 0.0, 0.0, 1e12, "a claim's margin");
    private static final ParamSpec FLAG = ParamSpec.bool("value", false, "a claim's option");

    private ClaimsSection() {
    }

    /**
     * The claims of {@code base} with the sweep {@code sweep} (canonical paths → canonical values).
     *
     * @param narrowed the sweep keys a command-line option wrote: a claim naming a value they do not hold is read
     *                 as {@link ClaimConfig.NotChecked} rather than refused, as is one that writes {@code not_checked}
     */
    static List<ClaimConfig> parse(Node node, Map<String, List<Object>> sweep, Set<String> narrowed, Scenario base,
                                   EnvSpec spec) {
        if (node == null) {
            return List.of();
        }
        List<String> metrics = Series.knownMetrics(spec, base);
        List<Node> items = Section.list(node, "claims");
        List<ClaimConfig> claims = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section s = Section.of(items.get(i), "claims." + i, KEYS);
            String reason = s.get("not_checked") == null ? null : Section.text(s.get("not_checked"),
                    s.field("not_checked"));
            // A claim already not checked may name any value; otherwise only the keys a command line narrowed may.
            Lenient lenient = new Lenient(reason != null ? sweep.keySet() : narrowed, new ArrayList<>());
            ClaimConfig claim = claim(s, "claims." + i, sweep, lenient, base, spec, metrics);
            claims.add(reason != null ? new ClaimConfig.NotChecked(claim, reason)
                    : lenient.dropped().isEmpty() ? claim
                    : new ClaimConfig.NotChecked(claim, String.join("; ", lenient.dropped())));
        }
        return claims;
    }

    /**
     * The sweep keys whose missing values make a claim not checked instead of refused, and what was missing
     * ({@code point not in the sweep: random_coin_percent=10}).
     */
    private record Lenient(Set<String> keys, List<String> dropped) {
    }

    private static ClaimConfig claim(Section s, String path, Map<String, List<Object>> sweep, Lenient lenient,
                                     Scenario base, EnvSpec spec, List<String> metrics) {
        String says = Section.text(s.require("says"), s.field("says"));
        Node seriesNode = s.require("series");
        String series = Series.parse(seriesNode, s.field("series"), base);
        if (series.startsWith("1-")) {
            throw new ScenarioException(seriesNode.origin(), s.field("series"), "a claim reads a metric as measured",
                    "write it without the 1- prefix and turn the bound around");
        }
        String metric = series.substring(series.indexOf('/') + 1);
        if (!metrics.contains(metric)) {
            throw Section.unknown(seriesNode.origin(), s.field("series"), "metric", metric, metrics, spec.id() + "'s");
        }
        Map<String, Object> at = s.get("at") == null ? Map.of() : point(s.get("at"), s.field("at"), sweep, lenient);
        String check = kind(s, path);
        switch (check) {
            case "exceeds" -> {
                return difference(s, says, series, at, sweep, lenient);
            }
            case "rises_over", "falls_over" -> {
                only(s, check, "by", "cis_apart", "test", "whole_ci");
                String over = sweepKey(s.get(check), s.field(check), sweep);
                if (at.containsKey(over)) {
                    throw new ScenarioException(s.get("at").origin(), s.field("at"), "fixes " + over + ", the key the "
                            + "trend runs over", "remove it from at");
                }
                if (sweep.get(over).size() < 2 && lenient.keys().contains(over)) {
                    lenient.dropped().add(over + " has one swept value, so nothing to trend over");
                } else if (sweep.get(over).size() < 2) {
                    throw new ScenarioException(s.get(check).origin(), s.field(check), over + " has one swept value, "
                            + "so nothing to trend over", "sweep at least two values");
                }
                double slack = s.get("slack") == null ? 0
                        : (Double) Section.param(MARGIN, s.get("slack"), s.field("slack"));
                return new ClaimConfig.Trend(says, series, at, over, check.equals("rises_over"), slack);
            }
            default -> {
                only(s, check, "by", "cis_apart", "test", "slack");
                ClaimConfig.Bound bound = ClaimConfig.Bound.values()[BOUNDS.indexOf(check)];
                double value = (Double) Section.param(NUMBER, s.get(check), s.field(check));
                boolean wholeCi = s.get("whole_ci") != null
                        && (Boolean) Section.param(FLAG, s.get("whole_ci"), s.field("whole_ci"));
                return new ClaimConfig.Threshold(says, series, at, bound, value, wholeCi);
            }
        }
    }

    private static ClaimConfig difference(Section s, String says, String series, Map<String, Object> at,
                                          Map<String, List<Object>> sweep, Lenient lenient) {
        only(s, "exceeds", "slack", "whole_ci");
        Map<String, Object> than = point(s.get("exceeds"), s.field("exceeds"), sweep, lenient);
        if (than.isEmpty()) {
            throw new ScenarioException(s.get("exceeds").origin(), s.field("exceeds"), "names no point to compare with",
                    "e.g. exceeds: { condition: backdoored }");
        }
        if (than.entrySet().stream().allMatch(e -> at.containsKey(e.getKey())
                && Objects.equals(at.get(e.getKey()), e.getValue()))) {
            throw new ScenarioException(s.get("exceeds").origin(), s.field("exceeds"), "compares each point with "
                    + "itself", "name another value of a swept key than at does");
        }
        double by = s.get("by") == null ? 0 : (Double) Section.param(MARGIN, s.get("by"), s.field("by"));
        boolean cisApart = s.get("cis_apart") != null
                && (Boolean) Section.param(FLAG, s.get("cis_apart"), s.field("cis_apart"));
        boolean tested = false;
        if (s.get("test") != null) {
            Section.oneOf(s.get("test"), s.field("test"), TESTS, "test");
            if (series.endsWith("/" + BackdoorPersistence.METRIC)) {
                throw new ScenarioException(s.get("test").origin(), s.field("test"), BackdoorPersistence.METRIC
                        + " is one ratio per point, with no per-seed values to test", "test the misbehaviour_rate "
                        + "instead, or remove test");
            }
            tested = true;
        }
        return new ClaimConfig.Difference(says, series, at, than, by, cisApart, tested);
    }

    /** The one check key an entry writes. */
    private static String kind(Section s, String path) {
        List<String> written = CHECKS.stream().filter(s::has).toList();
        if (written.size() == 1) {
            return written.get(0);
        }
        if (written.isEmpty()) {
            throw new ScenarioException(s.map().origin(), path, "says nothing to check",
                    "write one of " + String.join(", ", CHECKS));
        }
        throw new ScenarioException(s.map().entry(written.get(1)).keyOrigin(), s.field(written.get(1)),
                "a claim checks one thing, and this one already has " + written.get(0), "write a second claim");
    }

    /** Refuses the {@code options} that belong to other kinds of claim than {@code check}. */
    private static void only(Section s, String check, String... options) {
        for (String option : options) {
            if (s.has(option)) {
                throw new ScenarioException(s.map().entry(option).keyOrigin(), s.field(option), "does not go with "
                        + check, null);
            }
        }
    }

    /** A partial assignment of swept paths to swept values, in canonical form. */
    private static Map<String, Object> point(Node node, String field, Map<String, List<Object>> sweep,
                                             Lenient lenient) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (Entry e : Section.mapping(node, field).entries()) {
            String key = sweepKey(e.keyOrigin(), e.key(), Section.join(field, e.key()), sweep);
            if (point.containsKey(key)) {
                throw new ScenarioException(e.keyOrigin(), Section.join(field, e.key()), "names " + key + " twice", null);
            }
            point.put(key, sweptValue(e.value(), Section.join(field, e.key()), key, sweep.get(key), lenient));
        }
        return point;
    }

    private static String sweepKey(Node node, String field, Map<String, List<Object>> sweep) {
        return sweepKey(node.origin(), Section.text(node, field), field, sweep);
    }

    /** The canonical swept path {@code written} names, whole or by its last segment. */
    private static String sweepKey(Origin at, String written, String field, Map<String, List<Object>> sweep) {
        if (sweep.isEmpty()) {
            throw new ScenarioException(at, field, "'" + written + "' is not a sweep key", "the scenario has no "
                    + "sweep; leave at out");
        }
        String canonical;
        try {
            canonical = DottedPath.canonical(written);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(at, field, e.getMessage(), null);
        }
        if (sweep.containsKey(canonical)) {
            return canonical;
        }
        List<String> ending = sweep.keySet().stream().filter(k -> k.endsWith("." + canonical)).toList();
        if (ending.size() == 1) {
            return ending.get(0);
        }
        if (ending.size() > 1) {
            throw new ScenarioException(at, field, "'" + written + "' ends several sweep keys: "
                    + String.join(", ", ending), "write the whole path");
        }
        List<String> known = new ArrayList<>(sweep.keySet());
        sweep.keySet().forEach(k -> known.add(ClaimConfig.shortKey(k)));
        throw new ScenarioException(at, field, "'" + written + "' is not a sweep key",
                Spelling.hint(written, known, "sweep keys"));
    }

    /**
     * One of {@code values} (numbers compared by value, so 25 finds a swept 25.0), as the sweep holds it; a value
     * of a {@code lenient} key that the sweep does not hold is kept as written and recorded as dropped.
     */
    private static Object sweptValue(Node node, String field, String key, List<Object> values, Lenient lenient) {
        if (!(node instanceof Scalar s) || s.isNull()) {
            throw new ScenarioException(node.origin(), field, "expected one swept value, got " + node.describe(), null);
        }
        for (Object v : values) {
            if (v instanceof Number a && s.value() instanceof Number b ? a.doubleValue() == b.doubleValue()
                    : v.toString().equals(s.text())) {
                return v;
            }
        }
        if (lenient.keys().contains(key)) {
            lenient.dropped().add("point not in the sweep: " + ClaimConfig.shortKey(key) + "=" + s.text());
            return s.value();
        }
        List<String> known = values.stream().map(Object::toString).toList();
        // A near name is a slip of the finger; a near number is just another number.
        String hint = s.value() instanceof Number ? "swept values: " + String.join(", ", known)
                : Spelling.hint(s.text(), known, "swept values");
        throw new ScenarioException(node.origin(), field, "'" + s.text() + "' is not a swept value of " + key, hint);
    }
}
