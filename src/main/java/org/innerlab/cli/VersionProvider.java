package org.innerlab.cli;

import org.innerlab.core.Version;
import picocli.CommandLine;

/** Supplies {@code --version} from the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"innerlab " + Version.current()};
    }
}
