package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a scenario's {@code validated} section: the range of one numeric value (a canonical dotted
 * path, as {@code --set} addresses it) over which the scenario's claims were measured to hold. A run whose
 * value at some sweep point lies outside still runs, but warns before it starts, and its claims that read
 * such a point are reported {@code outside-validated-range} instead of failing.
 *
 * <p>Written {@code validated: { environment.params.max_size: [5, 7] }}; both ends are included.
 *
 * @param path the canonical dotted path of the value ({@code environment.params.max_size})
 * @param low  the smallest validated value
 * @param high the largest validated value
 */
public record ValidatedRange(String path, double low, double high) {
    public ValidatedRange {
        if (!(low <= high)) {
            throw new IllegalArgumentException("a validated range needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    /** Whether {@code value} lies in the range, ends included. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** {@code [5, 7]}, the ends written as a reader writes them. */
    public String range() {
        return "[" + number(low) + ", " + number(high) + "]";
    }

    /** The value at {@link #path} in a resolved scenario (a sweep point's), or NaN when it has none there. */
    public double valueIn(Scenario scenario) {
        String text = ScenarioWriter.values(scenario).get(path);
        try {
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Why {@code point} lies outside the scenario's validated ranges ({@code max_size = 9 outside [5, 7]}, one
     * part per range it leaves), or empty when it lies inside them all.
     */
    public static String outside(List<ValidatedRange> ranges, SweepPoint point) {
        List<String> parts = new ArrayList<>();
        for (ValidatedRange r : ranges) {
            double value = r.valueIn(point.scenario());
            if (!Double.isNaN(value) && !r.contains(value)) {
                parts.add(r.path + " = " + number(value) + " outside " + r.range());
            }
        }
        return String.join(", ", parts);
    }

    /**
     * The warnings a run of {@code points} deserves before it starts: one line per range that some point
     * leaves, naming the value(s), the range and that the claims are not expected to hold there
     * ({@code environment.params.max_size = 9 is outside [5, 7], the range in which ...}).
     */
    public static List<String> warnings(List<ValidatedRange> ranges, List<SweepPoint> points) {
        Map<ValidatedRange, Set<String>> outside = new LinkedHashMap<>();
        for (ValidatedRange r : ranges) {
            for (SweepPoint p : points) {
                double value = r.valueIn(p.scenario());
                if (!Double.isNaN(value) && !r.contains(value)) {
                    outside.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(number(value));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        outside.forEach((r, values) -> lines.add(r.path + " = " + String.join(", ", values)
                + " is outside " + r.range() + ", the range in which this scenario's claims were validated; they are "
                + "not expected to hold there, and claims.csv marks them outside-validated-range"));
        return lines;
    }

    /** {@code 7}, not {@code 7.0}. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
