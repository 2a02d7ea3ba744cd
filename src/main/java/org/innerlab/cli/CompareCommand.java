package org.innerlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.index.RunIndex;
import org.innerlab.report.ComparisonTables;
import org.innerlab.report.FolderComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code innerlab compare}: conditions metric by metric against a baseline, with a stated test. The rules
 * are {@link FolderComparison}'s; this class parses arguments, prints the table and maps errors to exit codes.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Compare conditions metric by metric against the first (the baseline A): B - A with a 95%% "
                + "bootstrap CI, a two-sided Mann-Whitney U test with Holm correction across all metrics and "
                + "comparisons, and Cliff's delta.",
                "A condition is an output folder with one sweep point (FOLDER), or one point of a sweep: FOLDER#N "
                        + "(the point column of runs.csv) or FOLDER#key=value[,key=value] (a swept key by full path or "
                        + "last segment). A run id that innerlab runs lists may stand for FOLDER. Prints the table and writes comparison.csv and comparison.md into --out. "
                        + "Refuses (exit 2) when the environments (id and version), the innerlab versions or the "
                        + "measured metrics differ."},
        footer = {"", "Examples:",
                "  innerlab compare output/coinrun/2026-1 'output/coinrun/2026-1#random_coin_percent=25'",
                "  innerlab compare 'runs/sweep#percent=0' 'runs/sweep#percent=5' 'runs/sweep#percent=25'",
                "  innerlab compare runs/reinforce runs/q-learning --out comparisons/rl",
                "  innerlab compare 20261207-141502 '20261207-141502#2'",
                "", "Exit codes: 0 success, 2 bad input or incomparable conditions, 1 anything else."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the baseline condition")
    String a;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "B",
            description = "a condition compared with A (differences are B - A); one or more")
    List<String> others = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "where to write comparison.csv and comparison.md (default: the current folder)")
    Path out;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "family-wise significance level for the Holm-adjusted p (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--output-root", paramLabel = "DIR", defaultValue = "output",
            description = "the folder whose run index resolves run ids (default: ${DEFAULT-VALUE})")
    Path outputRoot;

    @Override
    public Integer call() throws IOException {
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("--alpha must be in (0, 1), got " + alpha + "; e.g. --alpha 0.05");
        }
        ComparisonTables.checkTargets(out);
        ComparisonTables tables = UserInput.read(() -> {
            RunIndex index = RunIndex.at(outputRoot, spec.commandLine().getErr()::println);
            return FolderComparison.compare(index.resolve(a), others.stream().map(index::resolve).toList(), alpha);
        });
        tables.write(out);
        spec.commandLine().getOut().print(tables.text());
        spec.commandLine().getOut().println("wrote " + out.resolve("comparison.csv") + " and "
                + out.resolve("comparison.md"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
