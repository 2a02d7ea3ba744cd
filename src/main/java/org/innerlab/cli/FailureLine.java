package org.innerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.innerlab.core.BadInputException;
import org.innerlab.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one error path of the command line: every failure of a command becomes exactly one line on
 * stderr, {@code innerlab <cmd>: <what>; <what to do>}, and an exit code.
 *
 * <ul>
 *   <li>Bad input ({@link BadInputException}) exits {@value #BAD_INPUT} with its message. A scenario
 *       error starts with its own location ({@code file:line:col: ...}, or the option it came from), so
 *       it is printed as it is, the way compilers print errors editors can jump to.</li>
 *   <li>An argument picocli cannot parse (unknown option, a number that is not one, a missing or extra
 *       parameter, an unknown subcommand) is bad input too: its message and where the help is, not the
 *       whole usage.</li>
 *   <li>Anything else, {@link Error}s included, is an internal failure: exit {@value #INTERNAL}, the
 *       exception's class and message, and its stack trace on stderr under {@code --debug}, otherwise
 *       in a log file in the temp folder whose path the line gives.</li>
 * </ul>
 */
final class FailureLine implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler,
        CommandLine.IExecutionStrategy {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;
    /** The global option that prints an internal failure's stack trace instead of logging it. */
    static final String DEBUG = "--debug";

    private final CommandLine.IExecutionStrategy commands = new CommandLine.RunLast();

    /** Installs this error path on {@code cli} and every subcommand it has. */
    static CommandLine install(CommandLine cli) {
        FailureLine failures = new FailureLine();
        cli.setParameterExceptionHandler(failures);
        cli.setExecutionExceptionHandler(failures);
        cli.setExecutionStrategy(failures);
        return cli;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String command = cli.getCommandSpec().qualifiedName();
        String message = oneLine(e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            String first = unmatched.getUnmatched().isEmpty() ? "-" : unmatched.getUnmatched().get(0);
            if (!first.startsWith("-") && !cli.getSubcommands().isEmpty()
                    && cli.getCommandSpec().positionalParameters().isEmpty()) {
                // Picocli calls it an unmatched argument; at this level a word can only be a command.
                message = "unknown command '" + first + "'; the commands are "
                        + String.join(", ", cli.getSubcommands().keySet());
            }
            if (!unmatched.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
            }
        }
        cli.getErr().println(command + ": " + message + "; see '" + command + " --help'");
        cli.getErr().flush();
        return BAD_INPUT;
    }

    /** Runs the command as picocli would; an {@link Error} (which picocli lets escape) takes the same path. */
    @Override
    public int execute(ParseResult parsed) {
        try {
            return commands.execute(parsed);
        } catch (Error e) {
            ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            return report(e, last.commandSpec().commandLine(), parsed);
        }
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        return report(e, cli, parsed);
    }

    private static int report(Throwable thrown, CommandLine cli, ParseResult parsed) {
        Throwable failure = unwrapped(thrown);
        String command = cli.getCommandSpec().qualifiedName();
        PrintWriter err = cli.getErr();
        // What the command printed so far comes first, so the error line is last on the terminal.
        cli.getOut().flush();
        if (failure instanceof BadInputException bad) {
            boolean located = bad instanceof ScenarioException || bad.getCause() instanceof ScenarioException;
            err.println((located ? "" : command + ": ") + oneLine(bad.getMessage()));
            err.flush();
            return BAD_INPUT;
        }
        String what = command + ": internal error: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + oneLine(failure.getMessage()));
        if (debugging(parsed)) {
            err.println(what + "; the stack trace follows");
            failure.printStackTrace(err);
        } else {
            Path log = traceLog(failure, parsed);
            err.println(what + (log != null ? "; full trace in " + log + " (or rerun with " + DEBUG + ")"
                    : "; rerun with " + DEBUG + " for the stack trace"));
        }
        err.flush();
        return INTERNAL;
    }

    /** A failure on a worker thread arrives wrapped; what went wrong is its cause. */
    private static Throwable unwrapped(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof ExecutionException || failure instanceof CompletionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** Whether {@code --debug} was given, before the subcommand or after it. */
    private static boolean debugging(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the command line and the stack trace to a new file in the temp folder; null when that fails too. */
    private static Path traceLog(Throwable failure, ParseResult parsed) {
        StringWriter trace = new StringWriter();
        trace.append("innerlab ").append(String.join(" ", parsed.originalArgs())).append('\n');
        failure.printStackTrace(new PrintWriter(trace, true));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path log = null;
        try {
            log = Files.createTempFile("innerlab-error-" + stamp + "-", ".log");
            return Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // The disk that failed the command may be the temp folder's too: the line says to rerun with --debug.
            deleteQuietly(log);
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // An empty log that cannot be deleted misleads no one: the error line does not name it.
        }
    }

    /** The promise is one line: a message that spans several is joined. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
