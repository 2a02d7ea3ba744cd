package org.innerlab.extension;

import org.innerlab.cli.Main;
import org.innerlab.env.EnvRegistry;
import org.innerlab.learner.Learners;
import org.innerlab.measure.MetricCatalog;

/**
 * How an extension uses innerlab: its own launcher registers its components, one line each, then hands
 * the command line to innerlab's. Nothing in innerlab's packages names them.
 */
public final class ExtensionLauncher {
    static {
        EnvRegistry.register(Corridor.SPEC, Corridor::new, "");
        Learners.TYPES.register(ActionValues.TYPE);
        MetricCatalog.METRICS.register(RewardRate.METRIC);
    }

    private ExtensionLauncher() {
    }

    public static void main(String[] args) {
        System.exit(Main.commandLine().execute(args));
    }
}
