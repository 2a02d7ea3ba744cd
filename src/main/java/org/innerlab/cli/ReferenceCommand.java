package org.innerlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.innerlab.report.ReferencePages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab reference}: writes the reference pages generated from the registries. */
@Command(name = "reference", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the reference pages (every scenario key and every component with its parameters and "
                + "defaults) generated from the registries into a folder.",
                "The committed pages are docs/reference; a test fails when they differ from what the code generates."},
        footer = {"", "Example:", "  " + ReferencePages.COMMAND, "", "Exit codes: 0 success, 1 anything else."})
public final class ReferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder to write the pages into")
    Path dir;

    @Override
    public Integer call() throws IOException {
        for (Path page : ReferencePages.write(dir)) {
            spec.commandLine().getOut().println(page);
        }
        return 0;
    }
}
