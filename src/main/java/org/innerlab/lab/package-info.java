/**
 * The output step: from a validated scenario to a committed run folder. {@link org.innerlab.lab.Experiment}
 * runs the sweep ({@code org.innerlab.experiment}) and hands the results to {@code org.innerlab.report}
 * (runs.csv, summary.csv, charts, manifest.json, report.html); {@link org.innerlab.lab.RunDirectory} makes
 * the folder appear only when complete and lets an interrupted sweep resume, and
 * {@link org.innerlab.lab.RunLock} keeps a second run out of a folder being written. A sweep can also run as
 * {@link org.innerlab.lab.Shard}s, one folder each (a Slurm job array), which
 * {@link org.innerlab.lab.ShardMerge} combines into the folder one machine would have written.
 *
 * <p>This package sits above both {@code experiment} and {@code report}, so neither of them imports
 * the other: running knows nothing of files, and reporting works from results alone (a finished
 * folder read back, or the results just measured).
 */
package org.innerlab.lab;
