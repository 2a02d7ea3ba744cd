package org.innerlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code innerlab} command: a thin dispatcher to its subcommands. */
@Command(name = "innerlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A model-organism lab for inner-alignment research: toy learners trained by SGD or RL "
                + "in gridworlds, measured for goal misgeneralization, proxy alignment and conditional misbehaviour.",
        footer = {"", "Example:", "  innerlab run scenarios/coinrun-goal-misgeneralization.yaml",
                "", "Exit codes: 0 success, 2 bad input, 3 a claim failed (run --check-claims), 1 anything else. "
                        + "Every failure prints one line on stderr; --debug adds the stack trace of an internal failure "
                        + "(exit 1), otherwise kept in a log file the line names."},
        subcommands = {RunCommand.class, RunsCommand.class, MergeCommand.class, SlurmCommand.class, ReportCommand.class,
                CompareCommand.class, PlotCommand.class, ListCommand.class, DescribeCommand.class, ReferenceCommand.class,
                ReplayCommand.class, ServeCommand.class, ShowCommand.class, NewCommand.class, CompletionCommand.class,
                InspectCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link FailureLine} from the parse result, so it counts before and after the subcommand. */
    @Option(names = FailureLine.DEBUG, scope = ScopeType.INHERIT,
            description = "on an internal failure (exit 1), print the stack trace instead of writing it to a log file")
    boolean debug;

    /** No command given: the usage, and the exit code of bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FailureLine.BAD_INPUT;
    }

    /** The configured command line, with its one error path, for tests and {@link #main}. */
    public static CommandLine commandLine() {
        return FailureLine.install(new CommandLine(new Main()));
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
