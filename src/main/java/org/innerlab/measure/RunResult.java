package org.innerlab.measure;

import java.util.List;

/**
 * What one run (one seed at one sweep point) measured.
 *
 * @param point   sweep point index
 * @param run     run index within the point, 0..seeds-1 (the {@code seed} column of runs.csv)
 * @param seed    the run's derived 64-bit seed, recorded in the manifest
 * @param metrics every measured value, in a deterministic order
 */
public record RunResult(int point, int run, long seed, List<MetricValue> metrics) {
    public RunResult {
        metrics = List.copyOf(metrics);
    }
}
