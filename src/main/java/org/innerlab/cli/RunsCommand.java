package org.innerlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.index.RunIndex;
import org.innerlab.index.RunTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code innerlab runs}: past runs from the run index, newest first. The index is {@link RunIndex}'s. */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List past runs from the run index (<output-root>/innerlab.mv.db), newest first: id, start "
                + "time, scenario, smoke or full, seeds per point, the sweep point and headline metrics with 95%% CIs.",
                "One row per sweep point; its id (RUN-ID, or RUN-ID#N for point N of a sweep) is what innerlab "
                        + "compare and innerlab report accept in place of a folder. The run folders are the source of "
                        + "truth: a missing or unreadable index is rebuilt from them, a deleted folder stays listed "
                        + "as gone until --reindex drops it. A run written with --out DIR is in the index of DIR's "
                        + "parent folder."},
        footer = {"", "Examples:", "  innerlab runs",
                "  innerlab runs --scenario coinrun-goal-misgeneralization --where random_coin_percent=25 "
                        + "--metric test/got_coin",
                "  innerlab runs --since 2026-12-01 --json | jq '.[].id'",
                "  innerlab runs --reindex",
                "", "Exit codes: 0 success, 2 bad input, 1 anything else."})
public final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", description = "only runs of this scenario (its name)")
    String scenario;

    @Option(names = "--where", paramLabel = "KEY=VALUE", description = "only sweep points where this resolved "
            + "scenario value holds (a dotted path or its last segments); repeatable, all must hold")
    List<String> where = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "DIST/METRIC", description = "show this metric (e.g. test/got_coin) "
            + "instead of the headline metrics, and only points that measured it; repeatable")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN", description = "only runs started at or after this: a date "
            + "(2026-12-01, midnight UTC) or an instant (2026-12-01T09:30:00Z)")
    String since;

    @Option(names = "--json", description = "print JSON for tools instead of the table")
    boolean json;

    @Option(names = "--reindex", description = "rebuild the index from the run folders first (drops runs whose "
            + "folder is gone)")
    boolean reindex;

    @Option(names = "--output-root", paramLabel = "DIR", defaultValue = "output",
            description = "the folder of run folders whose index to read (default: ${DEFAULT-VALUE})")
    Path outputRoot;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Instant from = since == null ? null : instant(since);
        if (!Files.isDirectory(outputRoot)) {
            throw new BadInputException("--output-root " + outputRoot + " is not a folder, so no run is indexed "
                    + "there; run a scenario first, or name the folder that holds your run folders");
        }
        RunIndex index = RunIndex.at(outputRoot, err::println);
        if (reindex) {
            err.println("innerlab runs: indexed " + index.reindex() + " run folders under " + outputRoot);
        }
        RunTable table = RunTable.of(index.runs(scenario, from), where, metrics);
        spec.commandLine().getOut().print(json ? table.json() : table.text());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Instant instant(String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException("--since '" + text + "' is neither a date nor an instant; write e.g. "
                    + "--since 2026-12-01 or --since 2026-12-01T09:30:00Z");
        }
    }
}
