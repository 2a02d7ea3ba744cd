package org.innerlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.BadInputException;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioException;
import org.innerlab.scenario.ScenarioLoader;
import picocli.CommandLine.Option;

/**
 * The options that change a scenario before it runs, {@code --seed}, {@code --seeds} and {@code --set}: a picocli
 * mixin, so that {@code innerlab run} and {@code innerlab slurm} (which passes them on to every array task) declare
 * and apply them the same way.
 */
public final class ScenarioOverrides {
    @Option(names = "--seed", paramLabel = "N", description = "override the master seed")
    Long seed;

    @Option(names = "--seeds", paramLabel = "N", description = "override the number of seeds per sweep point")
    Integer seeds;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
            description = "override any scenario key by its dotted path, validated like the file "
                    + "(e.g. environment.params.width=20; a list as [0,5,25]); repeatable")
    List<String> sets = new ArrayList<>();

    /** Every override as a {@code --set} would give it: {@code --seed} and {@code --seeds} become keys too. */
    List<String> asSets() {
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        if (seeds != null) {
            overrides.add("seeds=" + seeds);
        }
        return overrides;
    }

    /** The same overrides as arguments of {@code innerlab run}, as the user typed them. */
    List<String> asRunArguments() {
        List<String> arguments = new ArrayList<>();
        if (seed != null) {
            arguments.addAll(List.of("--seed", seed.toString()));
        }
        if (seeds != null) {
            arguments.addAll(List.of("--seeds", seeds.toString()));
        }
        sets.forEach(set -> arguments.addAll(List.of("--set", set)));
        return arguments;
    }

    /** Loads {@code file} with these overrides; an error about {@code --seed} or {@code --seeds} names the option. */
    Scenario load(Path file) {
        try {
            return ScenarioLoader.load(file, asSets());
        } catch (ScenarioException e) {
            // --seed and --seeds travel as --set overrides; name them as the user typed them.
            String message = e.getMessage();
            if (seed != null) {
                message = message.replace("--set seed=" + seed + ":", "--seed " + seed + ":");
            }
            if (seeds != null) {
                message = message.replace("--set seeds=" + seeds + ":", "--seeds " + seeds + ":");
            }
            throw message.equals(e.getMessage()) ? e : new BadInputException(message, e);
        }
    }
}
