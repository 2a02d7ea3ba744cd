package org.innerlab.report;

/**
 * What one of a scenario's claims came to in one run folder: a line of {@code claims.csv}.
 *
 * @param number      the claim's position in the scenario's {@code claims}, from 1
 * @param says        the finding in the scenario's words
 * @param check       the check, in one line ({@link org.innerlab.scenario.ClaimConfig#check()})
 * @param observed    the number the check compares: the worst mean of a threshold (the worst interval end with
 *                    {@code whole_ci}), the smallest difference of a
 *                    difference, the smallest first-to-last change (the claimed way round) of a trend; NaN when
 *                    a point it needs has no summary row
 * @param threshold   what {@code observed} must be, e.g. {@code >= 0.9}
 * @param pValue      the one-sided test's p-value (the largest over the claim's pairs of points), NaN when untested
 * @param seedsNeeded seeds per point that detect the observed margin at α = 0.05 with power 0.8
 *                    ({@link org.innerlab.measure.SeedsNeeded}), 0 when there is no margin or no spread to compute it from
 * @param outcome     whether the claim holds (every part of the check, for a tested claim with Holm's correction
 *                    across the scenario's tested claims), fails, or was not checked, and why not
 * @param meaningful  false for a {@code --smoke} run, whose budgets say nothing about the organism
 * @param note        what else the check found (a trend's largest step back, a missing point), or why the claim
 *                    was not checked; or empty
 */
public record ClaimVerdict(int number, String says, String check, double observed, String threshold, double pValue,
                           int seedsNeeded, Outcome outcome, boolean meaningful, String note) {
    /**
     * What a claim came to. Only {@link #FAILS} makes {@code --check-claims} fail: a claim not checked, or
     * checked where the scenario does not say it holds, is no evidence against the organism.
     */
    public enum Outcome {
        /** Every part of the check holds. */
        HOLDS("holds"),
        /** The check was made and does not hold. */
        FAILS("fails"),
        /** A point the claim names is not in the sweep this run ran (a sweep narrowed with {@code --set}). */
        NOT_CHECKED("not-checked"),
        /**
         * A point the claim reads lies outside the scenario's {@code validated} ranges, where the claim is not
         * expected to hold; the check was made and its numbers are reported, but it counts for nothing.
         */
        OUTSIDE_VALIDATED_RANGE("outside-validated-range");

        /** As claims.csv writes it. */
        public final String text;

        Outcome(String text) {
            this.text = text;
        }
    }

    /** Whether the claim was checked and holds. */
    public boolean holds() {
        return outcome == Outcome.HOLDS;
    }

    /**
     * Whether the claim was checked, at points where it is expected to hold, at a meaningful budget, and does
     * not hold: what fails {@code --check-claims}.
     */
    public boolean fails() {
        return outcome == Outcome.FAILS && meaningful;
    }

    /** {@code holds}, {@code fails}, {@code not-checked} or {@code outside-validated-range}, as claims.csv has it. */
    public String verdict() {
        return outcome.text;
    }

    /** One line for the terminal: {@code claim 2 holds: <says> (<check>: observed 0.46, needs > 0.2; p = 1E-6)}. */
    public String line() {
        StringBuilder line = new StringBuilder("claim ").append(number).append(' ').append(verdict());
        if (!meaningful) {
            line.append(" (smoke budget: not meaningful)");
        }
        if (outcome == Outcome.NOT_CHECKED) {
            return line.append(": ").append(says).append(" [").append(check).append(": ").append(note).append(']')
                    .toString();
        }
        line.append(": ").append(says).append(" [").append(check).append(": ").append(Numbers.format(round(observed)))
                .append(", needs ").append(threshold);
        if (!Double.isNaN(pValue)) {
            line.append("; p = ").append(Numbers.format(round(pValue)));
        }
        if (seedsNeeded > 0) {
            line.append("; ").append(seedsNeeded).append(" seeds would detect it");
        }
        if (!note.isEmpty()) {
            line.append("; ").append(note);
        }
        return line.append(']').toString();
    }

    /** Three significant digits: enough to read, and the CSV keeps every digit. */
    static double round(double value) {
        return Double.isFinite(value) && value != 0
                ? new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue() : value;
    }
}
