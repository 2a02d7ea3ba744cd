package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Scalar;

/**
 * The {@code validated} section: a map from a numeric value of the scenario (a dotted path, as {@code --set}
 * writes it) to the {@code [low, high]} range over which the scenario's claims were measured to hold
 * ({@link ValidatedRange}). Read after the sweep, since a swept path may be named too.
 */
final class ValidatedSection {
    private ValidatedSection() {
    }

    /** The ranges of {@code base} (without its sweep) and its canonical {@code sweep}, in file order. */
    static List<ValidatedRange> parse(Node node, Scenario base, Map<String, List<Object>> sweep) {
        if (node == null) {
            return List.of();
        }
        Map<String, String> values = ScenarioWriter.values(base);
        List<String> numeric = new ArrayList<>();
        values.forEach((path, text) -> {
            if (isNumber(text)) {
                numeric.add(path);
            }
        });
        sweep.forEach((path, swept) -> {
            if (!numeric.contains(path) && swept.stream().allMatch(v -> v instanceof Number)) {
                numeric.add(path);
            }
        });
        Map<String, ValidatedRange> ranges = new LinkedHashMap<>();
        for (Entry e : Section.mapping(node, "validated").entries()) {
            String field = "validated." + e.key();
            String path;
            try {
                path = DottedPath.canonical(e.key());
            } catch (IllegalArgumentException ex) {
                throw new ScenarioException(e.keyOrigin(), field, ex.getMessage(), null);
            }
            if (!numeric.contains(path)) {
                if (values.containsKey(path)) {
                    throw new ScenarioException(e.keyOrigin(), field, "'" + path + "' is not a number (it is "
                            + values.get(path) + ")", null);
                }
                String close = Spelling.closest(path, numeric);
                throw new ScenarioException(e.keyOrigin(), field, "'" + path + "' is not a value of this scenario",
                        close != null ? "did you mean '" + close + "'?" : "name a numeric value as --set writes it, "
                        + "e.g. environment.params.width");
            }
            if (ranges.containsKey(path)) {
                throw new ScenarioException(e.keyOrigin(), field, "names " + path + " twice", "give it one range");
            }
            ranges.put(path, range(e.value(), field, path));
        }
        return List.copyOf(ranges.values());
    }

    /** {@code [low, high]}: two numbers, the first not above the second. */
    private static ValidatedRange range(Node node, String field, String path) {
        if (!(node instanceof Node.Sequence s) || s.items().size() != 2 || !s.items().stream().allMatch(
                i -> i instanceof Scalar x && (x.type() == Node.Type.INT || x.type() == Node.Type.FLOAT))) {
            throw new ScenarioException(node.origin(), field, "expected [low, high], two numbers, got "
                    + node.describe(), null);
        }
        double low = ((Number) ((Scalar) s.items().get(0)).value()).doubleValue();
        double high = ((Number) ((Scalar) s.items().get(1)).value()).doubleValue();
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new ScenarioException(node.origin(), field, "expected [low, high], two finite numbers, got "
                    + node.describe(), null);
        }
        if (low > high) {
            throw new ScenarioException(node.origin(), field, "low " + s.items().get(0).describe() + " is above high "
                    + s.items().get(1).describe(), "write [low, high]");
        }
        return new ValidatedRange(path, low, high);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return !text.equalsIgnoreCase("nan") && !text.toLowerCase().contains("infinity");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
