package org.innerlab.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.innerlab.core.BadInputException;
import org.innerlab.scenario.ScenarioException;
import org.innerlab.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code innerlab new}: a scenario to start from, as a copy of an existing one (its comments kept, which
 * explain what it shows) under a new {@code name:}. The copy is loaded once written and removed again if it
 * does not load (a NAME the schema refuses), so what {@code new} leaves always runs.
 */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start a scenario of your own from a copy of an existing one.",
                "Writes scenarios/<NAME>.yaml (or --out): the --from scenario with its comments and its name: "
                        + "line replaced by NAME, headed by a comment saying where it came from. Never overwrites."},
        footer = {"", "Examples:",
                "  innerlab new my-coinrun --from coinrun-goal-misgeneralization",
                "  innerlab new my-maze --from scenarios/cheese-maze.yaml --out /tmp/my-maze.yaml",
                "", "Exit codes: 0 success, 2 bad input (name, scenario, or the file exists), 1 anything else."})
public final class NewCommand implements Callable<Integer> {
    /** The top-level {@code name:} line of a scenario file: at the start of a line, not indented. */
    private static final Pattern NAME_LINE = Pattern.compile("^name:.*$", Pattern.MULTILINE);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the new scenario's name (lower case, digits, -)")
    String name;

    @Option(names = "--from", paramLabel = "SCENARIO", required = true,
            description = "the scenario file to copy, or a shipped scenario's name as innerlab list prints it")
    Path from;

    @Option(names = "--out", paramLabel = "FILE", description = "the file to write (default scenarios/<NAME>.yaml)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path target = out != null ? out : Path.of("scenarios", name + ".yaml");
        if (Files.exists(target)) {
            throw new BadInputException(target + " exists already; choose another NAME, or another --out file");
        }
        Path source = ScenarioArgument.resolve(from, "new", "copying", spec.commandLine().getErr());
        String copy = copy(UserInput.read(() -> Files.readString(source, StandardCharsets.UTF_8)), source, name);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.writeString(target, copy, StandardCharsets.UTF_8);
        try {
            // Loaded where it lies (paths in a scenario are relative to its file), so what new leaves always runs.
            ScenarioLoader.load(target, List.of());
        } catch (ScenarioException e) {
            Files.delete(target);
            throw e;
        }
        spec.commandLine().getOut().println(target);
        spec.commandLine().getErr().println("innerlab new: edit it, then: innerlab run " + target);
        return 0;
    }

    /** {@code text} of the scenario at {@code source}, its {@code name:} set to {@code name}, headed by where it came from. */
    static String copy(String text, Path source, String name) {
        // A byte order mark would otherwise sit after the header comment, inside the YAML.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher line = NAME_LINE.matcher(body);
        if (!line.find()) {
            throw new BadInputException(source + " has no top-level name: line; copy a scenario file (innerlab list "
                    + "shows the shipped ones)");
        }
        return "# Started from " + source + " by innerlab new: edit it freely; its comments describe the original.\n"
                + body.substring(0, line.start()) + "name: " + name + body.substring(line.end());
    }
}
