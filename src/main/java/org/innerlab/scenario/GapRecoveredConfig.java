package org.innerlab.scenario;

import java.util.List;

/**
 * {@code report.performance_gap_recovered}: the weak-to-strong measurement (Burns et al. 2023). Every
 * condition but the two named here is a weak-to-strong arm, compared on each named distribution with the
 * weak supervisor's condition and the strong ceiling's ({@code org.innerlab.measure.GapRecovered}; the
 * rows land in summary.csv as {@code <distribution>/pgr}).
 *
 * @param weak          the condition of the weak supervisor trained on the true signal, one of the
 *                      {@code condition} sweep's names
 * @param ceiling       the condition of the strong learner trained on the true signal, another of them
 * @param metric        the performance compared (e.g. {@code true_return}), a metric the environment reports
 * @param distributions the evaluated distributions it is compared on, each once; on each, a run whose
 *                      training clones a weak supervisor's labels ({@code data.supervisor}) also plays that
 *                      supervisor as it labels, errors included, on the same levels and action streams,
 *                      reported as {@code <distribution>-supervisor} (every metric of the distribution)
 */
public record GapRecoveredConfig(String weak, String ceiling, String metric, List<String> distributions) {
    /** The suffix of the distribution under which a run's weak supervisor is reported beside its student. */
    public static final String SUPERVISOR_SUFFIX = "-supervisor";

    public GapRecoveredConfig {
        distributions = List.copyOf(distributions);
        if (distributions.isEmpty()) {
            throw new IllegalArgumentException("performance_gap_recovered needs at least one distribution");
        }
        if (weak.equals(ceiling)) {
            throw new IllegalArgumentException("the weak and ceiling conditions are both '" + weak + "'");
        }
    }

    /** The distributions the weak supervisors are reported under: each of {@link #distributions}, suffixed. */
    public List<String> supervisorDistributions() {
        return distributions.stream().map(d -> d + SUPERVISOR_SUFFIX).toList();
    }
}
