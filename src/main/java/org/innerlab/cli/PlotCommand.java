package org.innerlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.report.Plot;
import org.innerlab.report.RunFolder;
import org.innerlab.scenario.AxisScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab plot}: a chart from an existing output folder, without re-running. */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Draw a chart (PNG and SVG) from an output folder without re-running; same drawing code as "
                + "the charts a scenario declares.",
                "Numeric --x: one line with a 95%% CI band per y series. Categorical --x (a swept key with a "
                        + "non-numeric value, or 'distribution'): grouped bars with 95%% CI whiskers. --by splits each "
                        + "series by another swept key; every other swept key must be fixed with --where KEY=VALUE, "
                        + "so no chart silently mixes conditions.",
                "--title sets the title, --labels renames series in the legend, --x-scale spaces a numeric x "
                        + "(sqrt or symlog spread small swept values such as 0, 1, 2, 5 apart; ticks show the "
                        + "swept values)."},
        footer = {"", "Examples:",
                "  innerlab plot output/coinrun-goal-misgeneralization/<run-id> --x random_coin_percent "
                        + "--y test/got_coin --y test/reached_end",
                "  innerlab plot <folder> --x policy --y test/got_coin --by random_coin_percent --where seed=1",
                "  innerlab plot <folder> --x distribution --y got_coin --y reached_end",
                "  innerlab plot <folder> --x random_coin_percent --y test/got_coin --y test/reached_end "
                        + "--title 'Coin or end?' --labels test/got_coin='P(coin)',test/reached_end='P(end)' "
                        + "--x-scale sqrt",
                "", "Exit codes: 0 success, 2 bad input, 1 anything else."})
public final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "an output folder of innerlab run")
    Path folder;

    @Option(names = "--x", required = true, paramLabel = "KEY",
            description = "the swept parameter on the x axis (full dotted path or its last segment), or distribution")
    String x;

    @Option(names = "--y", required = true, paramLabel = "SERIES",
            description = "distribution/metric (or 1-distribution/metric); a plain metric with --x distribution; "
                    + "repeatable")
    List<String> y = new ArrayList<>();

    @Option(names = "--by", paramLabel = "KEY", description = "the swept key that splits each series into one per value")
    String by;

    @Option(names = "--where", paramLabel = "KEY=VALUE",
            description = "keep only points where a swept key has this value (as in summary.csv); repeatable")
    List<String> where = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "plot",
            description = "file name stem under FOLDER/charts/ (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--title", paramLabel = "TEXT", description = "the chart's title (default: the --name)")
    String title;

    @Option(names = "--labels", paramLabel = "SERIES=LABEL", split = ",",
            description = "legend label of a --y series, as --y gives it: --labels a=Alpha,b=Beta (repeatable; "
                    + "quote a label that holds a comma: --labels '\"a=x, y\"'); unnamed series keep their text")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--x-scale", paramLabel = "SCALE", defaultValue = "linear",
            description = "spacing of a numeric x: linear, sqrt (sign(x)·√|x|) or symlog (sign(x)·log10(1+|x|)); "
                    + "lines only (default: ${DEFAULT-VALUE})")
    String xScale;

    @Override
    public Integer call() throws IOException {
        Map<String, String> fixed = fixed();
        AxisScale scale = AxisScale.named(xScale);
        if (scale == null) {
            throw new ParameterException(spec.commandLine(), "--x-scale " + xScale + " is not a scale; use one of "
                    + String.join(", ", AxisScale.NAMES));
        }
        RunFolder run = UserInput.read(() -> RunFolder.read(folder));
        List<Path> charts;
        try {
            charts = new Plot(name, x, y, by, fixed, title, labels, scale).write(run, folder.resolve("charts"));
        } catch (IllegalArgumentException e) {
            // Plot refuses keys, series and values the folder does not have before it draws anything.
            throw new BadInputException(e.getMessage(), e);
        }
        for (Path p : charts) {
            spec.commandLine().getOut().println(p);
        }
        return 0;
    }

    /** The --where options as key to value, refused as an argument error when one is not KEY=VALUE. */
    private Map<String, String> fixed() {
        Map<String, String> fixed = new LinkedHashMap<>();
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--where " + w + " is not KEY=VALUE: it fixes a "
                        + "swept key to one of its values, as summary.csv shows them, e.g. --where seed=1");
            }
            fixed.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return fixed;
    }
}
