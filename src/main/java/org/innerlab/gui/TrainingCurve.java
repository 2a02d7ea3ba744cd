package org.innerlab.gui;

import java.util.Arrays;
import org.innerlab.regime.EpisodeListener;

/**
 * The training curve as it grows: every training episode's observed and true return, in the order
 * they finished, across all stages. Training calls {@link #episodeEnded} from its own thread while a
 * window paints from Swing's, so every access is synchronised. It only records: a curve attached to a
 * run changes nothing the run does.
 */
public final class TrainingCurve implements EpisodeListener {
    private double[] observed = new double[1024];
    private double[] trueReturn = new double[1024];
    private int episodes;

    @Override
    public synchronized void episodeEnded(long stepsDone, double ratedReturn, double observedReturn, double trueRet,
                                          long events) {
        if (episodes == observed.length) {
            observed = Arrays.copyOf(observed, 2 * episodes);
            trueReturn = Arrays.copyOf(trueReturn, 2 * episodes);
        }
        observed[episodes] = observedReturn;
        trueReturn[episodes] = trueRet;
        episodes++;
    }

    /** Episodes recorded so far. */
    public synchronized int episodes() {
        return episodes;
    }

    /** A copy of what is recorded so far. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(Arrays.copyOf(observed, episodes), Arrays.copyOf(trueReturn, episodes));
    }

    /** Per-episode observed and true returns, in order. */
    public record Snapshot(double[] observed, double[] trueReturn) {
        public int episodes() {
            return observed.length;
        }
    }

    /**
     * The trailing moving average of {@code values} over {@code window} episodes (fewer at the start):
     * entry i is the mean of values[max(0, i − window + 1) .. i].
     */
    public static double[] smoothed(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }
}
