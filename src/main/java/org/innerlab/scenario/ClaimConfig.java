package org.innerlab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One entry of a scenario's {@code claims} section: a finding of the organism stated as a check over
 * summary rows, so that the scenario carries what it shows and every run says whether it still does.
 * Each claim reads one series {@code distribution/metric} at the sweep points its {@code at} selects (a
 * partial assignment of swept paths to swept values; empty selects every point). Three kinds:
 * <ul>
 *   <li>{@link Threshold}: the series' mean at every selected point is beyond a bound
 *       ({@code at_least}, {@code above}, {@code at_most}, {@code below}), or with {@code whole_ci} its whole
 *       95% interval is;</li>
 *   <li>{@link Difference}: at every selected point the mean exceeds the mean at its partner point (the same
 *       point with the {@code exceeds} assignment applied) by more than {@code by}; optionally with the two
 *       95% intervals apart and a one-sided Mann–Whitney test over seeds, Holm-corrected across the
 *       scenario's tested claims;</li>
 *   <li>{@link Trend}: along one swept key, in sweep order, the mean rises (or falls) from the first value
 *       to the last and never steps back by more than {@code slack}, at every combination of the other keys.</li>
 * </ul>
 * A claim that names a point the sweep does not hold (one a {@code --set} narrowed sweep dropped) is read
 * as {@link NotChecked}: the run goes on and reports it not checked, with the reason.
 */
public sealed interface ClaimConfig permits ClaimConfig.Threshold, ClaimConfig.Difference, ClaimConfig.Trend,
        ClaimConfig.NotChecked {
    /** The finding in a reader's words. */
    String says();

    /** The series checked: {@code distribution/metric}. */
    String series();

    /** The selected points: canonical swept path → swept value, in file order; empty for every point. */
    Map<String, Object> at();

    /** The check in one line, as claims.csv and the report print it. */
    String check();

    /** Which side of a {@link Threshold} the mean must be on; the YAML key of each is its {@link #key}. */
    enum Bound {
        AT_LEAST("at_least", ">="), ABOVE("above", ">"), AT_MOST("at_most", "<="), BELOW("below", "<");

        /** The key a claim writes. */
        public final String key;
        /** How the comparison prints. */
        public final String symbol;

        Bound(String key, String symbol) {
            this.key = key;
            this.symbol = symbol;
        }

        /** Whether {@code mean} is on the right side of {@code bound}. */
        public boolean holds(double mean, double bound) {
            return switch (this) {
                case AT_LEAST -> mean >= bound;
                case ABOVE -> mean > bound;
                case AT_MOST -> mean <= bound;
                case BELOW -> mean < bound;
            };
        }

        /** Whether a higher mean is the worse one for this bound (an upper bound). */
        public boolean upper() {
            return this == AT_MOST || this == BELOW;
        }
    }

    /**
     * The mean is beyond {@code bound} at every selected point.
     *
     * @param wholeCi the whole 95% interval is, not just the mean (its lower end for a lower bound)
     */
    record Threshold(String says, String series, Map<String, Object> at, Bound bound, double value, boolean wholeCi)
            implements ClaimConfig {
        public Threshold {
            at = ordered(at);
        }

        @Override
        public String check() {
            return series + where(at) + (wholeCi ? " 95% CI " : " ") + bound.symbol + " " + number(value);
        }
    }

    /**
     * The mean at each selected point exceeds the mean at its partner by more than {@code by}.
     *
     * @param than      the partner's assignment: each selected point with these values in place of its own
     * @param cisApart  also the point's 95% interval lies wholly above its partner's
     * @param tested    also a one-sided Mann–Whitney test of the per-seed values (shifted by {@code by}) rejects
     *                  "no larger" at the Holm-corrected level
     */
    record Difference(String says, String series, Map<String, Object> at, Map<String, Object> than, double by,
                      boolean cisApart, boolean tested) implements ClaimConfig {
        public Difference {
            at = ordered(at);
            than = ordered(than);
        }

        @Override
        public String check() {
            return series + where(at) + " exceeds" + where(than) + " by > " + number(by) + (cisApart ? ", CIs apart" : "")
                    + (tested ? ", one-sided Mann-Whitney (Holm)" : "");
        }
    }

    /**
     * Along {@code over}, in sweep order, the mean moves the {@code rising} way from first to last value and
     * no step goes back by more than {@code slack}, at every combination of the other swept keys (that {@code at} selects).
     */
    record Trend(String says, String series, Map<String, Object> at, String over, boolean rising, double slack)
            implements ClaimConfig {
        public Trend {
            at = ordered(at);
        }

        @Override
        public String check() {
            return series + where(at) + (rising ? " rises" : " falls") + " over " + over
                    + (slack > 0 ? " (steps back at most " + number(slack) + ")" : "");
        }
    }

    /**
     * A claim this run cannot check, kept so that claims.csv still lists it, with the reason (e.g. {@code point
     * not in the sweep: random_coin_percent=10}). The resolved scenario writes it as the claim plus
     * {@code not_checked: <reason>}, which also lets its points lie outside the sweep.
     */
    record NotChecked(ClaimConfig claim, String reason) implements ClaimConfig {
        public NotChecked {
            if (claim instanceof NotChecked) {
                throw new IllegalArgumentException("a claim is not checked once, not twice");
            }
        }

        @Override
        public String says() {
            return claim.says();
        }

        @Override
        public String series() {
            return claim.series();
        }

        @Override
        public Map<String, Object> at() {
            return claim.at();
        }

        @Override
        public String check() {
            return claim.check();
        }
    }

    /** {@code " at k=v, k2=v2"} (short key names), or nothing for every point. */
    static String where(Map<String, Object> at) {
        if (at.isEmpty()) {
            return "";
        }
        return " at " + at.entrySet().stream().map(e -> shortKey(e.getKey()) + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The last segment of a swept path, as claims may write it: {@code random_coin_percent}. */
    static String shortKey(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** A bound as a reader writes it: {@code 1}, not {@code 1.0}. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** An unmodifiable copy that keeps the file's order (Map.copyOf would not). */
    private static Map<String, Object> ordered(Map<String, Object> at) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(at));
    }
}
