package org.innerlab.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number text for results files that is identical on every JVM.
 *
 * <p>{@link Double#toString(double)} changed in Java 19 (it now yields the shortest representation,
 * earlier versions sometimes printed an extra digit), so a CSV written with it would differ between
 * Java 17 and Java 25. {@link #format(double)} instead searches for the fewest significant digits
 * (1..17) whose decimal, rounded half-even from the exact binary value, parses back to the same
 * double; that search uses only {@link BigDecimal} and {@link Double#parseDouble}, both exactly
 * specified.
 *
 * <p>Magnitudes in [1e-4, 1e16) print in plain notation ({@code 0.25}, {@code 12}, {@code 0.0001});
 * others in scientific notation with one leading digit ({@code 1.5E-7}, {@code 2E20}). Integral
 * values never carry a {@code .0}. Non-finite values print as {@code NaN}, {@code Infinity} and
 * {@code -Infinity}, which Java, pandas and R all read back; negative zero prints as {@code -0}.
 */
public final class Numbers {
    private static final double PLAIN_MIN = 1e-4;
    private static final double PLAIN_MAX = 1e16;

    private Numbers() {
    }

    /** The shortest round-tripping decimal text of {@code value}, formatted as described above. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            // BigDecimal has no negative zero; keep the sign so the text still round-trips.
            return (Double.doubleToRawLongBits(value) < 0) ? "-0" : "0";
        }
        BigDecimal shortest = shortest(value);
        double magnitude = Math.abs(value);
        if (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX) {
            return shortest.toPlainString();
        }
        return scientific(shortest);
    }

    /** Formats a swept or recorded value: integers as integers, doubles via {@link #format(double)}. */
    public static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return format(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(rounded.toString()) == value) {
                return rounded.stripTrailingZeros();
            }
        }
        // 17 significant digits always identify a double uniquely, so the loop returns above.
        throw new AssertionError("no round-tripping decimal for " + value);
    }

    private static String scientific(BigDecimal shortest) {
        BigInteger unscaled = shortest.unscaledValue();
        String digits = unscaled.abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (unscaled.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        return text.append('E').append(exponent).toString();
    }
}
