package org.innerlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.innerlab.index.RunIndex;
import org.innerlab.lab.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab merge}: the folders of a sweep's shards become one run folder ({@link ShardMerge}). */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Merge the folders of a sweep's shards (innerlab run --shard k/N) into one run folder.",
                "Checks that the shards come from the same resolved scenario, innerlab version, master seed and "
                        + "shard count and hold every run exactly once, then writes runs.csv, summary.csv, charts, "
                        + "manifest.json and report.html byte for byte as one unsharded run would; only the "
                        + "manifest's timings, threads and command line (the equivalent one-machine command) differ, "
                        + "and its merged_from entry records each shard."},
        footer = {"", "Example:",
                "  innerlab merge output/slurm/shards/shard-0 output/slurm/shards/shard-1 --out output/slurm/result",
                "", "Exit codes: 0 success, 2 bad input (missing, duplicated or mismatched shards), 1 anything else."})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "a shard folder; give every shard once")
    List<Path> shards = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the run folder to create "
            + "(must not exist yet)")
    Path out;

    @Override
    public Integer call() {
        List<String> command = new ArrayList<>(List.of("innerlab"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        Path merged = ShardMerge.merge(shards, out, command);
        // Indexed like any run written with --out: in the index of the folder's parent.
        spec.commandLine().getOut().println(RunIndex.recordCompleted(null, out, merged, spec.commandLine().getErr()::println));
        return 0;
    }
}
