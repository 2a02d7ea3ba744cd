package org.innerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.innerlab.report.ChartRenderer;
import org.innerlab.report.RunFolder;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab plot}: a sweep chart from an existing output folder, without re-running. */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Draw a sweep chart (PNG and SVG) from an output folder without re-running.",
                "One line with a 95% CI band per y series against the swept parameter --x; when the sweep has "
                        + "other keys, one line per combination of their values (--by names the key you expect "
                        + "to split by, and is checked). Same drawing code as the charts a scenario declares. "
                        + "Categorical (non-numeric) x is not supported yet."},
        footer = {"", "Example:",
                "  innerlab plot output/coinrun-goal-misgeneralization/<run-id> --x random_coin_percent "
                        + "--y test/got_coin --y test/reached_end",
                "", "Exit codes: 0 success, 2 bad input, 1 anything else."})
public final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "an output folder of innerlab run")
    Path folder;

    @Option(names = "--x", required = true, paramLabel = "KEY",
            description = "the swept parameter on the x axis (full dotted path or its last segment)")
    String x;

    @Option(names = "--y", required = true, paramLabel = "SERIES",
            description = "distribution/metric (or 1-distribution/metric); repeatable")
    List<String> y = new ArrayList<>();

    @Option(names = "--by", paramLabel = "KEY", description = "the other swept key that splits the lines")
    String by;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "plot",
            description = "file name stem under FOLDER/charts/ (default: ${DEFAULT-VALUE})")
    String name;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            RunFolder run = RunFolder.read(folder);
            List<String> keys = new ArrayList<>(run.scenario().sweep().keySet());
            String xKey = resolve(x, keys);
            if (by != null) {
                String byKey = resolve(by, keys);
                List<String> others = new ArrayList<>(keys);
                others.remove(xKey);
                if (!others.equals(List.of(byKey))) {
                    throw new IllegalArgumentException("the lines split by every other swept key: " + others);
                }
            }
            for (Object value : run.scenario().sweep().get(xKey)) {
                if (!(value instanceof Number)) {
                    throw new IllegalArgumentException("x '" + xKey + "' has the non-numeric value '" + value
                            + "'; categorical x is not supported yet");
                }
            }
            ChartConfig chart = new ChartConfig("sweep", name, null, xKey, y, List.of(), null, null);
            for (Path p : ChartRenderer.write(chart, run.points(), run.summary(), folder.resolve("charts"))) {
                spec.commandLine().getOut().println(p);
            }
            return 0;
        } catch (IOException | ScenarioException | IllegalArgumentException e) {
            err.println("innerlab plot: " + e.getMessage());
            return 2;
        }
    }

    /** The swept key named by its full path or last segment. */
    static String resolve(String given, List<String> keys) {
        List<String> matching = keys.stream().filter(k -> k.equals(given) || k.endsWith("." + given)).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException("'" + given + "' names " + matching.size() + " swept keys; swept: " + keys);
        }
        return matching.get(0);
    }
}
