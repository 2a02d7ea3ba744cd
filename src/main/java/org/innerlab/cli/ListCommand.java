package org.innerlab.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.report.LabCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code innerlab list}: what a scenario can name, and the shipped scenarios. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"List environments, learners, regimes, raters, metrics and the shipped scenarios.",
                "Scenarios are the *.yaml files of --scenarios (default: ./scenarios, else the scenarios folder "
                        + "of the innerlab checkout the jar was built in)."},
        footer = {"", "Examples:", "  innerlab list", "  innerlab list --json | jq '.environments[].id'",
                "", "Exit codes: 0 success, 2 bad input, 1 anything else."})
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print JSON for tools instead of text")
    boolean json;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "the folder of scenarios to list")
    Path scenarios;

    @Override
    public Integer call() throws Exception {
        if (scenarios != null && !Files.isDirectory(scenarios)) {
            throw new BadInputException("--scenarios " + scenarios
                    + " is not a folder; give the folder of scenario files (e.g. scenarios)");
        }
        LabCatalogue catalogue = LabCatalogue.of(scenarios != null ? scenarios : shippedScenarios());
        spec.commandLine().getOut().print(json ? catalogue.json() : catalogue.text());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** ./scenarios if it exists, else the checkout's: the jar sits in {@code <checkout>/target/}. */
    static Path shippedScenarios() {
        Path here = Path.of("scenarios");
        if (Files.isDirectory(here)) {
            return here;
        }
        try {
            Path jar = Path.of(ListCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = jar.getParent() == null ? null : jar.getParent().getParent();
            return parent == null ? null : parent.resolve("scenarios");
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source (an unusual class loader): list no scenarios rather than fail the listing.
            return null;
        }
    }
}
