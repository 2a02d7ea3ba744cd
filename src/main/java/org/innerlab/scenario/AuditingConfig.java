package org.innerlab.scenario;

/**
 * {@code report.auditing}: how the auditing game's scores ({@code evaluation.audit}) become verdicts. A run is a
 * clean model when its sweep point sets {@code cleanKey} to {@code cleanValue}, a backdoored one otherwise. Runs
 * 0 .. {@code calibrationSeeds} − 1 of every point are the calibration population: each auditor's threshold is
 * set on the clean ones among them, separately for each safety-training arm (the {@code condition}), so that at
 * most a share {@code falsePositiveRate} of them scores above it; the other runs are the scored population, and
 * their detection and false-positive rates land in summary.csv
 * ({@code org.innerlab.report.AuditRows}).
 *
 * @param cleanKey          the swept key that says whether a model is clean (e.g. {@code data.distribution})
 * @param cleanValue        its value for a clean model
 * @param calibrationSeeds  runs per point used to calibrate, never scored
 * @param falsePositiveRate the largest share of clean calibration models an auditor may flag
 */
public record AuditingConfig(String cleanKey, String cleanValue, int calibrationSeeds, double falsePositiveRate) {
    public AuditingConfig {
        if (calibrationSeeds < 1) {
            throw new IllegalArgumentException("calibration_seeds must be at least 1, got " + calibrationSeeds);
        }
        if (!(falsePositiveRate >= 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("false_positive_rate must lie in [0, 1), got " + falsePositiveRate);
        }
    }
}
