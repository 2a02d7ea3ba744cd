package org.innerlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code innerlab} command: a thin dispatcher to its subcommands. */
@Command(name = "innerlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A model-organism lab for inner-alignment research: toy learners trained by SGD or RL "
                + "in gridworlds, measured for goal misgeneralization, proxy alignment and conditional misbehaviour.",
        footer = {"", "Example:", "  innerlab run scenarios/coinrun-goal-misgeneralization.yaml",
                "", "Exit codes: 0 success, 2 bad input, 1 anything else."},
        subcommands = {RunCommand.class, RunsCommand.class, ReportCommand.class, CompareCommand.class, PlotCommand.class,
                ListCommand.class, DescribeCommand.class, ReferenceCommand.class, ReplayCommand.class, ShowCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: the usage, and the exit code of bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** The configured command line, for tests and {@link #main}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
