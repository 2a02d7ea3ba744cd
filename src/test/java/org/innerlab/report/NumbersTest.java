package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void ordinaryMagnitudesPrintPlainAndShortest() {
        assertEquals("0.25", Numbers.format(0.25));
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
        assertEquals("0.3333333333333333", Numbers.format(1.0 / 3));
        assertEquals("-2.5", Numbers.format(-2.5));
        assertEquals("123456789.125", Numbers.format(123456789.125));
        assertEquals("0.002", Numbers.format(2e-3));
        assertEquals("0.0001", Numbers.format(1e-4));
    }

    @Test
    void integersPrintWithoutFraction() {
        assertEquals("12", Numbers.format(12.0));
        assertEquals("100", Numbers.format(100.0));
        assertEquals("-7", Numbers.format(-7.0));
        assertEquals("1000000000000000", Numbers.format(1e15));
        assertEquals("9007199254740994", Numbers.format(9007199254740994.0));
    }

    @Test
    void veryLargeAndVerySmallUseScientificNotation() {
        assertEquals("1.5E-7", Numbers.format(1.5e-7));
        assertEquals("9.99E-5", Numbers.format(9.99e-5));
        assertEquals("1E16", Numbers.format(1e16));
        assertEquals("2E23", Numbers.format(2e23));
        assertEquals("-3.25E100", Numbers.format(-3.25e100));
        // One digit suffices: 5E-324 parses to the smallest subnormal (Java insists on two).
        assertEquals("5E-324", Numbers.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", Numbers.format(Double.MAX_VALUE));
    }

    @Test
    void specialValuesPrintAsJavaPandasAndRReadThem() {
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("Infinity", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY));
        assertEquals("0", Numbers.format(0.0));
        assertEquals("-0", Numbers.format(-0.0));
    }

    @Test
    void objectsFormatIntegersExactlyAndDoublesShortest() {
        assertEquals("5", Numbers.format((Object) 5));
        assertEquals("9223372036854775807", Numbers.format((Object) Long.MAX_VALUE));
        assertEquals("0.5", Numbers.format((Object) 0.5));
        assertEquals("25", Numbers.format((Object) 25.0));
        assertEquals("a,b", Numbers.format((Object) "a,b"));
        assertEquals("null", Numbers.format((Object) null));
    }

    /**
     * 6,000 doubles from a fixed seed, half uniform over all bit patterns (every exponent), half
     * uniform in [0, 1): the text parses back bit-exactly and never has more significant digits
     * than {@link Double#toString}'s.
     */
    @Test
    void everyFormattedDoubleRoundTripsAndIsNoLongerThanDoubleToString() {
        MersenneTwisterFast random = new MersenneTwisterFast(20261123L);
        for (int i = 0; i < 6_000; i++) {
            double x = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble();
            if (!Double.isFinite(x)) {
                continue;
            }
            String text = Numbers.format(x);
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            assertTrue(significantDigits(text) <= significantDigits(Double.toString(x)), text + " vs " + x);
        }
    }

    private static int significantDigits(String text) {
        String mantissa = text.split("E")[0].replace("-", "").replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, mantissa.length());
    }
}
