package org.innerlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.innerlab.index.RunIndex;
import org.innerlab.report.HtmlReport;
import org.innerlab.report.PaperTable;
import org.innerlab.report.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab report}: (re)writes an output folder's self-contained {@code report.html}. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write report.html and summary.md (the paper table) into an output folder (innerlab run "
                + "does this itself).",
                "One self-contained page: what the organism is, what each metric means and where it comes from, "
                        + "every chart, the summary with 95%% CIs, each run's outcome, the manifest and how to "
                        + "reproduce the run. No scripts, fonts or network."},
        footer = {"", "Examples:", "  innerlab report output/coinrun-goal-misgeneralization/<run-id>",
                "  innerlab report <run-id>      # a run id that innerlab runs lists",
                "", "Exit codes: 0 success, 2 not an output folder or run id, 1 anything else."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "an output folder of innerlab run, or its run id")
    String run;

    @Option(names = "--output-root", paramLabel = "DIR", defaultValue = "output",
            description = "the folder whose run index resolves a run id (default: ${DEFAULT-VALUE})")
    Path outputRoot;

    @Override
    public Integer call() throws IOException {
        Path folder = UserInput.read(() -> Path.of(RunIndex.at(outputRoot, spec.commandLine().getErr()::println)
                .resolve(run)));
        RunFolder read = UserInput.read(() -> RunFolder.read(folder));
        // Rewritten too, so an older folder gains the paper table and a changed report.table takes effect.
        PaperTable.write(folder, read.points(), read.summary(), read.scenario().charts());
        spec.commandLine().getOut().println(HtmlReport.write(folder));
        return 0;
    }
}
