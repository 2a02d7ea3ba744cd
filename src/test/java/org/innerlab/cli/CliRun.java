package org.innerlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Exit code, stdout and stderr of one in-process {@code innerlab} invocation, for the command tests. */
record CliRun(int exit, String out, String err) {
    /** Runs {@code innerlab args...} in this JVM, as {@link Main} would, capturing both streams. */
    static CliRun innerlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
