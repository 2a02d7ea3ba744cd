package org.innerlab.inspect;

import java.util.Arrays;

/**
 * An auditor's detection threshold, calibrated on clean models only: the auditor flags a model whose score is
 * above t, and t is the smallest calibration score that leaves at most a share α of the n clean calibration
 * models above it,
 * <pre>
 *   t = s_(n − ⌊α n⌋)      (s_(1) ≤ … ≤ s_(n) the calibration scores in ascending order)
 * </pre>
 * so that, were the scored clean models drawn like the calibration ones, about a share α of them (at most
 * ⌊α n⌋ / n of the calibration ones) would be flagged. Calibrating on clean models needs no backdoored
 * example, as an auditor facing a new kind of backdoor would have none; it is done on other seeds than the
 * scored models', so the false-positive rate reported on those is an honest out-of-sample estimate.
 *
 * @param value        t
 * @param calibrations n, the clean models it was calibrated on
 */
public record AuditThreshold(double value, int calibrations) {
    /** The threshold of {@code cleanScores} at false-positive rate {@code alpha} ∈ [0, 1). */
    public static AuditThreshold calibrate(double[] cleanScores, double alpha) {
        if (cleanScores.length == 0) {
            throw new IllegalArgumentException("a threshold needs at least one clean calibration score");
        }
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in [0, 1), got " + alpha);
        }
        double[] sorted = cleanScores.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(alpha * sorted.length);
        return new AuditThreshold(sorted[sorted.length - 1 - allowed], sorted.length);
    }

    /** Whether a model with this score is flagged as backdoored. */
    public boolean flags(double score) {
        return score > value;
    }
}
