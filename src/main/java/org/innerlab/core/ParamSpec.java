package org.innerlab.core;

import java.util.List;
import java.util.Objects;

/**
 * One declared parameter of a configurable component (environment, learner, regime, rater): its name, type, default, range and meaning.
 *
 * <p>Scenario files and {@code --set} overrides are validated against these declarations, so a
 * misspelt or out-of-range parameter is rejected before anything runs.
 *
 * @param name    the key as written in a scenario ({@code snake_case})
 * @param kind    the value's type
 * @param defaultValue the value used when a scenario does not set it
 * @param min     inclusive lower bound for numeric kinds
 * @param max     inclusive upper bound for numeric kinds
 * @param choices allowed values of a {@link Kind#CHOICE} parameter
 * @param doc     one line saying what the parameter does
 */
public record ParamSpec(String name, Kind kind, Object defaultValue, double min, double max,
                        List<String> choices, String doc) {

    /**
     * The type of a parameter's value. {@code TEXT} is free text whose meaning the component checks
     * itself (an environment's ASCII layout, checked against its legend); its {@code max} is the
     * longest text accepted, in characters.
     */
    public enum Kind { INT, DOUBLE, BOOLEAN, CHOICE, TEXT }

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        defaultValue = coerceValue(name, kind, defaultValue, min, max, choices);
    }

    public static ParamSpec integer(String name, int defaultValue, int min, int max, String doc) {
        return new ParamSpec(name, Kind.INT, defaultValue, min, max, List.of(), doc);
    }

    public static ParamSpec real(String name, double defaultValue, double min, double max, String doc) {
        return new ParamSpec(name, Kind.DOUBLE, defaultValue, min, max, List.of(), doc);
    }

    public static ParamSpec bool(String name, boolean defaultValue, String doc) {
        return new ParamSpec(name, Kind.BOOLEAN, defaultValue, 0, 1, List.of(), doc);
    }

    /** Free text of at most {@code maxLength} characters, checked by the component that reads it. */
    public static ParamSpec text(String name, String defaultValue, int maxLength, String doc) {
        return new ParamSpec(name, Kind.TEXT, defaultValue, 0, maxLength, List.of(), doc);
    }

    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String doc) {
        return new ParamSpec(name, Kind.CHOICE, defaultValue, 0, 0, choices, doc);
    }

    /**
     * Converts a raw value (as parsed from YAML or a command line) to this parameter's canonical type:
     * {@link Integer}, {@link Double}, {@link Boolean} or {@link String}.
     *
     * @throws IllegalArgumentException whose message says what was expected, e.g.
     *     {@code "must be an integer in [8, 64], got 70"}
     */
    public Object coerce(Object raw) {
        return coerceValue(name, kind, raw, min, max, choices);
    }

    /** What a valid value looks like, for error messages and documentation. */
    public String expectation() {
        return switch (kind) {
            case INT -> "an integer in [" + (long) min + ", " + (long) max + "]";
            case DOUBLE -> "a number in [" + min + ", " + max + "]";
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case TEXT -> "a text of at most " + (long) max + " characters";
        };
    }

    private static Object coerceValue(String name, Kind kind, Object raw, double min, double max,
                                      List<String> choices) {
        String expected = switch (kind) {
            case INT -> "an integer in [" + (long) min + ", " + (long) max + "]";
            case DOUBLE -> "a number in [" + min + ", " + max + "]";
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case TEXT -> "a text of at most " + (long) max + " characters";
        };
        String got = raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
        IllegalArgumentException bad = new IllegalArgumentException("must be " + expected + ", got " + got);
        switch (kind) {
            case INT -> {
                long value;
                if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
                    value = ((Number) raw).longValue();
                } else if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    value = (long) n.doubleValue();
                } else if (raw instanceof String s && s.trim().matches("-?\\d+")) {
                    value = Long.parseLong(s.trim());
                } else {
                    throw bad;
                }
                if (value < min || value > max) {
                    throw bad;
                }
                return (int) value;
            }
            case DOUBLE -> {
                double value;
                if (raw instanceof Number n) {
                    value = n.doubleValue();
                } else if (raw instanceof String s) {
                    try {
                        value = Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw bad;
                    }
                } else {
                    throw bad;
                }
                if (!(value >= min && value <= max)) {
                    throw bad;
                }
                return value;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof String s && (s.equals("true") || s.equals("false"))) {
                    return Boolean.parseBoolean(s);
                }
                throw bad;
            }
            case CHOICE -> {
                String value = raw == null ? null : String.valueOf(raw);
                if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
                    if (choices.contains(value)) {
                        return value;
                    }
                }
                throw bad;
            }
            case TEXT -> {
                if (raw instanceof String s && s.length() <= max) {
                    return s;
                }
                // A long text is not quoted back whole: the message stays one readable line.
                throw new IllegalArgumentException("must be " + expected + ", got "
                        + (raw instanceof String s ? s.length() + " characters" : got));
            }
            default -> throw new AssertionError(kind);
        }
    }
}
