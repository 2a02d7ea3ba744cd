package org.innerlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.AdversarialStart;
import org.innerlab.data.Personas;
import org.innerlab.data.Teacher;
import org.innerlab.env.Environment;
import org.innerlab.env.Params;
import org.innerlab.inspect.ProbeDesign;
import org.innerlab.inspect.Audit;
import org.innerlab.inspect.ProbeScore;
import org.innerlab.learner.ActivationSteering;
import org.innerlab.learner.AlignmentFakingPlanner;
import org.innerlab.learner.DeploymentBelief;
import org.innerlab.learner.HiddenActivations;
import org.innerlab.learner.PersonaMixture;
import org.innerlab.learner.Policy;
import org.innerlab.learner.TagGuidedPolicy;
import org.innerlab.learner.TagPredictor;
import org.innerlab.measure.EvaluationPlan;
import org.innerlab.measure.EvaluationSuite;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.Probes;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SteeringVector;
import org.innerlab.observe.ControlTagEncoder;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.regime.Regime;
import org.innerlab.scenario.EvaluationConfig;
import org.innerlab.scenario.GapRecoveredConfig;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.StageConfig;
import org.innerlab.scenario.SweepPoint;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;

/**
 * One run as a MASON model: the organism's training stages and then its evaluation are agents on
 * the {@link sim.engine.Schedule}. Headless, one schedule step is one coarse unit of training (an
 * update's worth of episodes), not one environment move — see {@link org.innerlab.experiment}.
 *
 * <p>MASON's own {@code random} (seeded from the run seed, and drawn from by {@code start()}) is
 * not used by the organism: the environment, initialisation, exploration and evaluation streams are
 * derived separately from (scenario seed, point, run, purpose), so a GUI or an extra agent that
 * draws from {@code random} never changes a result.
 */
public final class RunModel extends SimState {
    private static final long serialVersionUID = 1L;

    private final transient Scenario scenario;
    private final int point;
    private final int run;
    private final transient Seeds seeds;
    private final transient EpisodeListener listener;
    private transient Organism organism;
    private transient List<MetricValue> metrics;
    private transient TrainingCurve curve;
    /** The weak supervisor of the last stage that was cloned on one's labels, or null. */
    private transient Teacher supervisor;
    private int stage;

    /**
     * @param scenario the point's resolved scenario
     * @param point    sweep point index
     * @param run      run index within the point
     * @param listener observes training episodes (use {@link EpisodeListener#NONE} when nobody watches)
     */
    public RunModel(Scenario scenario, int point, int run, EpisodeListener listener) {
        this(scenario, point, point, run, listener);
    }

    /**
     * Run {@code run} of a sweep point, drawing its seeds from the point's {@link SweepPoint#seedIndex()}
     * (so that the conditions of a sweep are paired), as {@code innerlab run} does.
     */
    public RunModel(SweepPoint point, int run, EpisodeListener listener) {
        this(point.scenario(), point.index(), point.seedIndex(), run, listener);
    }

    private RunModel(Scenario scenario, int point, int seedPoint, int run, EpisodeListener listener) {
        super(new Seeds(scenario.seed()).forRun(seedPoint, run).seed("mason"));
        this.scenario = scenario;
        this.point = point;
        this.run = run;
        this.seeds = new Seeds(scenario.seed()).forRun(seedPoint, run);
        this.listener = listener;
    }

    @Override
    public void start() {
        super.start();
        organism = Organism.assemble(scenario, seeds);
        metrics = null;
        supervisor = null;
        curve = scenario.evaluation().curve() == null ? null : new TrainingCurve(scenario, organism, seeds);
        stage = 0;
        scheduleStage();
    }

    private void scheduleStage() {
        if (stage >= scenario.training().size()) {
            if (curve != null) {
                curve.trainingEnded();
            }
            schedule.scheduleOnce(evaluation());
            return;
        }
        Organism.Stage built = organism.stageWithRater(stage, curve == null ? listener : curve.listening(listener));
        Regime regime = built.regime();
        if (built.supervisor() != null) {
            supervisor = built.supervisor();
        }
        if (curve != null) {
            curve.stageStarted(stage, built);
        }
        Stoppable[] handle = new Stoppable[1];
        handle[0] = schedule.scheduleRepeating((Steppable) state -> {
            regime.trainUnit();
            if (curve != null) {
                curve.unitDone();
            }
            if (regime.finished()) {
                if (curve != null) {
                    curve.stageEnded();
                }
                handle[0].stop();
                stage++;
                scheduleStage();
            }
        });
    }

    private Steppable evaluation() {
        return state -> {
            List<MetricValue> all = new ArrayList<>();
            EvaluationConfig ec = scenario.evaluation();
            EvaluationPlan plan = plan(organism, scenario);
            Policy policy = evaluationPolicy(organism, ec);
            Teacher reference = reference(organism, ec);
            Map<String, Params> sampled = new LinkedHashMap<>();
            Map<String, Params> greedy = new LinkedHashMap<>();
            Map<String, Params> attacked = new LinkedHashMap<>();
            Map<String, double[]> vectors = steeringVectors(organism, scenario, seeds, policy);
            for (String distribution : ec.distributions()) {
                Environment env = Organism.environment(scenario, distribution);
                // Both policies meet the same levels (fresh copies of the same streams), so their
                // difference is the policy's alone, and the greedy twin equals a greedy-only evaluation.
                List<String> names = new ArrayList<>();
                if (ec.sampled()) {
                    sampled.put(distribution, env.params());
                    all.addAll(evaluate(plan, distribution, distribution, env, policy, Evaluator.Mode.SAMPLED,
                            new Probes(reference, null, null)));
                    names.add(distribution);
                }
                if (ec.greedy()) {
                    String name = ec.sampled() ? distribution + EvaluationConfig.GREEDY_SUFFIX : distribution;
                    greedy.put(name, env.params());
                    all.addAll(evaluate(plan, name, distribution, env, policy, Evaluator.Mode.GREEDY,
                            new Probes(reference, null, null)));
                    names.add(name);
                }
                for (String name : names) {
                    // Each member on fresh copies of the streams the learner just played: the same episodes.
                    all.addAll(plan.memberFailures(name, env, organism.encoder(),
                            name.equals(distribution) && ec.sampled() ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY,
                            scenario.evaluation().episodes(), () -> seeds.stream("eval/" + distribution + "/levels"),
                            () -> seeds.stream("eval/" + distribution + "/actions")));
                }
                GapRecoveredConfig gap = scenario.report().gapRecovered();
                if (supervisor != null && gap != null) {
                    // The supervisor as it labels, errors included, on the student's own levels and action
                    // streams: the student's misbehaviour beside the supervisor's it learned from.
                    for (String name : names) {
                        if (gap.distributions().contains(name)) {
                            all.addAll(evaluate(plan, name + GapRecoveredConfig.SUPERVISOR_SUFFIX, distribution, env,
                                    supervisor.playing(env), name.equals(distribution) && ec.sampled()
                                            ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY,
                                    new Probes(reference, null, null)));
                        }
                    }
                }
                if (ec.attack() != null) {
                    for (String name : names) {
                        AdversarialStart attack = new AdversarialStart(env, personas().teacher(ec.attack().persona()),
                                ec.attack().steps());
                        attacked.put(name + EvaluationConfig.ATTACKED_SUFFIX, env.params());
                        all.addAll(evaluate(plan, name + EvaluationConfig.ATTACKED_SUFFIX, distribution, env, policy,
                                name.equals(distribution) && ec.sampled() ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY,
                                new Probes(reference, attack, seeds.stream("eval/" + distribution + "/attack"))));
                    }
                }
                // Its own named stream: the analysis draws reward functions, never the episodes' numbers.
                all.addAll(plan.power(distribution, env, trainingGamma(),
                        seeds.stream("eval/" + distribution + "/power")));
                all.addAll(plan.qReading(distribution, env, organism.encoder(), seeds.stream("eval/" + distribution + "/q-reading")));
                DeploymentBelief believer = plan.beliefHead();
                if (ec.beliefSteering() && believer != null) {
                    // d's own level and action streams again: the clamped belief is the only difference.
                    Evaluator.Mode mode = ec.sampled() ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY;
                    all.addAll(evaluate(plan, distribution + EvaluationConfig.TOLD_DEPLOYED_SUFFIX, distribution, env,
                            steered(ec, believer, 1), mode, new Probes(reference, null, null)));
                    all.addAll(evaluate(plan, distribution + EvaluationConfig.TOLD_TRAINING_SUFFIX, distribution, env,
                            steered(ec, believer, 0), mode, new Probes(reference, null, null)));
                }
                if (ec.steering() != null && ec.steering().distributions().contains(distribution)) {
                    // d's own level and action streams again: the added vector is the only difference.
                    Evaluator.Mode mode = ec.sampled() ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY;
                    for (SteeringVector v : ec.steering().vectors()) {
                        if (vectors.get(v.name()) == null) {
                            all.addAll(undefined(v, distribution, all));
                            continue;
                        }
                        for (double c : v.coefficients()) {
                            all.addAll(evaluate(plan, v.steered(distribution, c), distribution, env,
                                    steeredPolicy(organism, ec, v.layer(), List.of(vectors.get(v.name())),
                                            List.of(c)), mode, new Probes(reference, null, null)));
                        }
                    }
                }
            }
            all.addAll(plan.contrasts(sampled, greedy, attacked, all));
            all.addAll(plan.goalMetrics());
            if (curve != null) {
                all.addAll(curve.metrics());
            }
            if (ec.suite() != null) {
                EvaluationSuite suite = new EvaluationSuite(ec.suite().design(),
                        Organism.environment(scenario, ec.suite().looksEvaluated()),
                        Organism.environment(scenario, ec.suite().looksDeployed()), organism.encoder(), policy,
                        ec.sampled() ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY);
                all.addAll(suite.measure(seeds.stream("suite/looks"), seeds.stream("suite/levels"),
                        seeds.stream("suite/actions")));
            }
            all.addAll(plan.personaShareMetrics());
            for (ProbeDesign probe : ec.probes()) {
                // Last, and on streams of their own: probing changes no other result.
                all.add(ProbeScore.measure(probe, d -> Organism.environment(scenario, d), organism.encoder(), policy,
                        (HiddenActivations) organism.learner(), seeds));
            }
            if (ec.audit() != null) {
                // After the probes, on streams of their own (audit/...): auditing changes no other result.
                Environment audited = Organism.environment(scenario, "train");
                all.addAll(new Audit(audited, organism.encoder(), policy, organism.learner() instanceof HiddenActivations net ? net : null, audited.spec().oversight().misbehaved(), Audit.cueIndices(organism.encoder(),
                        scenario.learner().observation().globalFeatures())).measure(ec.audit(), seeds));
            }
            metrics = all;
        };
    }

    /** The γ of the last training stage that has one, the horizon the learner was trained for; NaN when none has. */
    private double trainingGamma() {
        double gamma = Double.NaN;
        for (StageConfig stage : scenario.training()) {
            if (stage.params().get("gamma") instanceof Double g) {
                gamma = g;
            }
        }
        return gamma;
    }

    private List<MetricValue> evaluate(EvaluationPlan plan, String name, String distribution, Environment env,
                                       Policy policy, Evaluator.Mode mode, Probes probes) {
        return evaluate(plan, organism, scenario, seeds, name, distribution, env, policy, mode, probes);
    }

    /**
     * {@code policy} evaluated on {@code distribution}'s own level and action streams ({@code eval/<d>/…})
     * and reported as {@code name}, as every evaluated distribution and its twins are ({@link Inspection}
     * evaluates saved policies the same way).
     */
    static List<MetricValue> evaluate(EvaluationPlan plan, Organism organism, Scenario scenario, Seeds seeds,
                                      String name, String distribution, Environment env, Policy policy,
                                      Evaluator.Mode mode, Probes probes) {
        return plan.evaluate(name, env, organism.encoder(), policy, mode, scenario.evaluation().episodes(),
                seeds.stream("eval/" + distribution + "/levels"), seeds.stream("eval/" + distribution + "/actions"),
                probes);
    }

    /** What the evaluation of {@code organism} under {@code scenario} reports, by the learner's capabilities. */
    static EvaluationPlan plan(Organism organism, Scenario scenario) {
        EvaluationConfig ec = scenario.evaluation();
        return EvaluationPlan.forRun(organism.train().spec(), organism.learner(),
                new EvaluationPlan.Settings(ec.suite() != null, ec.curve() != null,
                        scenario.report().persistence() != null, scenario.report().gapRecovered() != null));
    }

    /** The teacher KL is measured against ({@code evaluation.reference}), or null. */
    static Teacher reference(Organism organism, EvaluationConfig ec) {
        return ec.reference() == null ? null
                : Personas.forEnvironment(organism.train().spec()).teacher(ec.reference());
    }

    /**
     * The policy evaluated: the learner's, conditioned on the configured control tag, and filtered by
     * tag-guided decoding when asked ({@link Inspection} asks for the same policy).
     */
    static Policy evaluationPolicy(Organism organism, EvaluationConfig ec) {
        ControlTagEncoder tags = organism.encoder() instanceof ControlTagEncoder t ? t : null;
        if (tags != null) {
            tags.setTag(switch (ec.tag()) {
                case "good" -> ControlTagEncoder.GOOD;
                case "bad" -> ControlTagEncoder.BAD;
                default -> ControlTagEncoder.UNTAGGED;
            });
        }
        Policy policy = organism.learner().evaluationPolicy();
        if (ec.tagGuided() != null) {
            policy = new TagGuidedPolicy(policy, (TagPredictor) organism.learner(), tags, ec.tagGuided());
        }
        return policy;
    }

    /**
     * The learner's policy with its belief clamped to {@code beta}, conditioned and decoded as
     * {@link #evaluationPolicy} does. It is not itself a {@link DeploymentBelief}, so its distributions
     * report no {@code belief_deployed} (which would only repeat the clamp).
     */
    private Policy steered(EvaluationConfig ec, DeploymentBelief believer, double beta) {
        return decoded(organism, ec, believer.steeredBelief(beta));
    }

    /**
     * The learner's policy with Σ_i c_i v_i added to hidden layer {@code layer}'s pre-activation
     * ({@link ActivationSteering}), decoded as {@link #evaluationPolicy} does; with one vector the shift
     * is exactly c v.
     *
     * @param vectors      the v_i, of that layer
     * @param coefficients the c_i, one per vector
     */
    static Policy steeredPolicy(Organism organism, EvaluationConfig ec, int layer, List<double[]> vectors,
                                List<Double> coefficients) {
        double[] shift = vectors.get(0).clone();
        for (int j = 0; j < shift.length; j++) {
            shift[j] *= coefficients.get(0);
        }
        for (int i = 1; i < vectors.size(); i++) {
            for (int j = 0; j < shift.length; j++) {
                shift[j] += coefficients.get(i) * vectors.get(i)[j];
            }
        }
        return decoded(organism, ec, ((ActivationSteering) organism.learner()).steeredActivations(layer, shift));
    }

    /** {@code policy} filtered by tag-guided decoding when the evaluation asks for it. */
    private static Policy decoded(Organism organism, EvaluationConfig ec, Policy policy) {
        if (ec.tagGuided() != null) {
            ControlTagEncoder tags = organism.encoder() instanceof ControlTagEncoder t ? t : null;
            policy = new TagGuidedPolicy(policy, (TagPredictor) organism.learner(), tags, ec.tagGuided());
        }
        return policy;
    }

    /**
     * The steering vectors by name, each computed from the trained learner playing {@code policy} (the
     * evaluation's) on its state sets; both sets of a vector play fresh copies of the streams
     * {@code steering/<vector>/levels} and {@code /actions}, so they meet the same levels where their
     * distributions draw levels alike. A vector is null when one of its sets had no state. Empty without
     * {@code evaluation.steering}.
     */
    static Map<String, double[]> steeringVectors(Organism organism, Scenario scenario, Seeds seeds, Policy policy) {
        EvaluationConfig ec = scenario.evaluation();
        Map<String, double[]> vectors = new LinkedHashMap<>();
        if (ec.steering() == null) {
            return vectors;
        }
        ActivationSteering net = (ActivationSteering) organism.learner();
        Evaluator.Mode mode = ec.sampled() ? Evaluator.Mode.SAMPLED : Evaluator.Mode.GREEDY;
        for (SteeringVector v : ec.steering().vectors()) {
            vectors.put(v.name(), v.vector(vectors, set -> v.meanPreActivation(set,
                    Organism.environment(scenario, set.distribution()), organism.encoder(), policy, net, mode,
                    ec.steering().episodes(), seeds.stream("steering/" + v.name() + "/levels"),
                    seeds.stream("steering/" + v.name() + "/actions"))));
        }
        return vectors;
    }

    /**
     * The twins of a vector that could not be computed (a state set the learner never met): each metric
     * {@code distribution} reported, as NaN, so the summary shows the gap instead of hiding it.
     */
    private static List<MetricValue> undefined(SteeringVector v, String distribution, List<MetricValue> measured) {
        List<MetricValue> twins = new ArrayList<>();
        for (double c : v.coefficients()) {
            for (MetricValue m : measured) {
                if (m.distribution().equals(distribution)) {
                    twins.add(new MetricValue(v.steered(distribution, c), m.metric(), Double.NaN));
                }
            }
        }
        return twins;
    }

    private Personas personas() {
        return Personas.forEnvironment(organism.train().spec());
    }

    /** The trained organism (after {@link #start()}). */
    public Organism organism() {
        return organism;
    }

    /** Runs the whole model headless and returns what it measured. */
    public RunResult runHeadless() {
        start();
        while (schedule.step(this)) {
            // Each step is one unit of training or the evaluation; the loop ends when no agent is left.
        }
        finish();
        if (metrics == null) {
            throw new IllegalStateException("run " + point + "/" + run + " ended before its evaluation");
        }
        return new RunResult(point, run, seeds.seed("run"), metrics);
    }
}
