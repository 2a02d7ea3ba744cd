package org.innerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.innerlab.core.BadInputException;
import org.innerlab.scenario.Spelling;

/**
 * The SCENARIO argument of {@code run}, {@code show}, {@code slurm} and {@code new}: a scenario file, or the
 * name of a shipped scenario as {@code innerlab list} prints it ({@code coinrun-goal-misgeneralization}
 * for {@code scenarios/coinrun-goal-misgeneralization.yaml}). A file that exists always wins, so a name
 * never shadows a file the user wrote.
 */
final class ScenarioArgument {
    private static final String SUFFIX = ".yaml";

    private ScenarioArgument() {
    }

    /**
     * The file {@code given} names: itself when it exists, else the shipped scenario of that name (in
     * ./scenarios, else the checkout's, see {@link ListCommand#shippedScenarios}), which is said on
     * {@code err} as {@code innerlab <command>: <verb> <file>}.
     *
     * @throws BadInputException when neither exists, suggesting the closest shipped name
     */
    static Path resolve(Path given, String command, String verb, PrintWriter err) {
        Path shipped = shipped(given, ListCommand.shippedScenarios());
        if (shipped == null) {
            return given;
        }
        err.println("innerlab " + command + ": " + verb + " " + shipped);
        err.flush();
        return shipped;
    }

    /** The shipped scenario {@code given} names when it is not an existing file, or null when it is one. */
    static Path shipped(Path given, Path folder) {
        if (Files.exists(given)) {
            return null;
        }
        String name = stem(given);
        List<String> names = names(folder);
        if (given.getParent() == null && names.contains(name)) {
            return folder.resolve(name + SUFFIX);
        }
        String close = Spelling.closest(name, names);
        throw new BadInputException(given + " is neither a scenario file nor a shipped scenario's name; "
                + (close != null ? "did you mean '" + close + "'? " : "")
                + (names.isEmpty() ? "give the path of a scenario file"
                        : "innerlab list shows the shipped scenarios, to run by name or path"));
    }

    /** The file name without its folder and {@value #SUFFIX}. */
    private static String stem(Path given) {
        Path file = given.getFileName();
        String name = file == null ? given.toString() : file.toString();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    /** The shipped scenarios' names, sorted; none when {@code folder} is null or missing. */
    static List<String> names(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
