package org.innerlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.MetricValue;

/**
 * One side of a comparison: the runs of one sweep point of one output folder.
 *
 * <p>Written on the command line as
 * <ul>
 *   <li>{@code FOLDER}: the folder's only point (an error if it has several);</li>
 *   <li>{@code FOLDER#N}: point N (the {@code point} column of runs.csv);</li>
 *   <li>{@code FOLDER#key=value[,key=value...]}: the point whose swept values match, where a key is
 *       the full dotted path or its last segment ({@code FOLDER#random_coin_percent=25}).</li>
 * </ul>
 *
 * @param label  the text as given
 * @param folder the folder
 * @param point  the chosen point
 */
public record Condition(String label, RunFolder folder, SweepPoint point) {
    /**
     * Reads the folder and picks the point.
     *
     * @throws IllegalArgumentException when the point does not exist or is ambiguous (the message lists the points)
     */
    public static Condition parse(String text) throws IOException {
        int hash = text.lastIndexOf('#');
        Path dir = Path.of(hash < 0 ? text : text.substring(0, hash));
        String selector = hash < 0 ? null : text.substring(hash + 1);
        RunFolder folder = RunFolder.read(dir);
        List<SweepPoint> points = folder.points();
        if (selector == null) {
            if (points.size() != 1) {
                throw new IllegalArgumentException(text + " has " + points.size() + " sweep points; name one as "
                        + dir + "#N or " + dir + "#key=value. Points: " + describe(points));
            }
            return new Condition(text, folder, points.get(0));
        }
        if (selector.matches("\\d+")) {
            int index = Integer.parseInt(selector);
            for (SweepPoint p : points) {
                if (p.index() == index) {
                    return new Condition(text, folder, p);
                }
            }
            throw new IllegalArgumentException(text + ": no point " + index + ". Points: " + describe(points));
        }
        List<SweepPoint> matching = new ArrayList<>();
        for (SweepPoint p : points) {
            if (matches(p, selector)) {
                matching.add(p);
            }
        }
        if (matching.size() != 1) {
            throw new IllegalArgumentException(text + ": '" + selector + "' matches " + matching.size()
                    + " points; it must match exactly one. Points: " + describe(points));
        }
        return new Condition(text, folder, matching.get(0));
    }

    /** The environment id the runs were made in (its version is part of the id). */
    public String environmentId() {
        return point.scenario().environment().id();
    }

    /** {@code distribution/metric} → one value per run, in run order. */
    public Map<String, double[]> samples() {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (RunResult r : folder.runs()) {
            if (r.point() == point.index()) {
                for (MetricValue m : r.metrics()) {
                    values.computeIfAbsent(m.distribution() + "/" + m.metric(), k -> new ArrayList<>()).add(m.value());
                }
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static boolean matches(SweepPoint p, String selector) {
        for (String part : selector.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            boolean found = false;
            for (Map.Entry<String, Object> a : p.assignments().entrySet()) {
                boolean keyMatches = a.getKey().equals(key) || a.getKey().endsWith("." + key);
                found |= keyMatches && Numbers.format(a.getValue()).equals(value);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<SweepPoint> points) {
        List<String> out = new ArrayList<>();
        points.forEach(p -> out.add(HtmlReport.pointLabel(p)));
        return String.join("; ", out);
    }
}
