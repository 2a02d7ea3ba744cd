package org.innerlab.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a sweep chart spaces its x axis. A sweep over 0, 1, 2, 5, 20, 100 drawn linearly crams the small
 * values together; {@code sqrt} and {@code symlog} spread them while keeping 0 (which a log axis
 * cannot show) and the sign of negative values. The chart draws f(x) and labels each tick with x.
 *
 * <ul>
 *   <li>{@code linear}: f(x) = x.</li>
 *   <li>{@code sqrt}: f(x) = sign(x) · √|x|.</li>
 *   <li>{@code symlog}: f(x) = sign(x) · log10(1 + |x|), linear near 0 and logarithmic far from it.</li>
 * </ul>
 */
public enum AxisScale {
    LINEAR, SQRT, SYMLOG;

    /** The names a scenario or the command line writes, in declaration order. */
    public static final List<String> NAMES = Arrays.stream(values()).map(AxisScale::text).toList();

    /** The scale's name as written: {@code linear}, {@code sqrt}, {@code symlog}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** f(x), the position at which {@code x} is drawn. */
    public double apply(double x) {
        return switch (this) {
            case LINEAR -> x;
            case SQRT -> Math.signum(x) * Math.sqrt(Math.abs(x));
            case SYMLOG -> Math.signum(x) * Math.log10(1 + Math.abs(x));
        };
    }

    /** The scale named {@code text}, or null when none is. */
    public static AxisScale named(String text) {
        return Arrays.stream(values()).filter(s -> s.text().equals(text)).findFirst().orElse(null);
    }
}
