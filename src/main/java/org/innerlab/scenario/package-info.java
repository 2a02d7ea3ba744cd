/**
 * Scenario files: YAML → validated, immutable {@link org.innerlab.scenario.Scenario} records, with
 * errors that point at file, line and column ({@link org.innerlab.scenario.ScenarioException}).
 * The only package that imports Jackson.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.innerlab.scenario.ScenarioLoader#load(java.nio.file.Path, java.util.List)}: a file plus
 *       {@code --set dotted.path=value} overrides (value parsed as YAML), validated together.</li>
 *   <li>{@link org.innerlab.scenario.Scenario#points()} / {@link org.innerlab.scenario.Sweeps#expand}: the
 *       sweep's points, each a complete scenario.</li>
 *   <li>{@link org.innerlab.scenario.Scenario#smoke()}, {@code withSeed}, {@code withSeeds}: CI budgets and
 *       command-line seeds.</li>
 *   <li>{@link org.innerlab.scenario.ScenarioWriter#toYaml}: the resolved scenario, every default written,
 *       which loads back to an equal scenario.</li>
 * </ul>
 *
 * <h2>File format</h2>
 * Every key, with its type, default and meaning, and the rules of dotted paths, sweeps and conditions
 * are declared in {@link org.innerlab.scenario.ScenarioKeys}; the reference page
 * {@code docs/reference/scenario-keys.md} is generated from it. The section readers
 * ({@code EnvironmentSection}, {@code LearnerSection}, {@code TrainingSection}, {@code DataSection},
 * {@code RaterSection}, {@code EvaluationSection}, {@code SuiteSection}, {@code ReportSection},
 * {@code ChartsSection}, {@code ClaimsSection}, {@link org.innerlab.scenario.Conditions}, {@link org.innerlab.scenario.Sweeps})
 * each declare the keys they accept, and a test keeps the two in step. A file is UTF-8 (a byte order
 * mark is allowed) of at most 1 MiB, with lines of at most 10,000 characters and at most 1,000 levels of
 * nesting; {@code --set} values are held to the same limits ({@code YamlReader}, {@code ScenarioFile}).
 */
package org.innerlab.scenario;
