package org.innerlab.experiment;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.core.Seeds;
import org.innerlab.data.Curation;
import org.innerlab.data.Curations;
import org.innerlab.data.Dataset;
import org.innerlab.data.DatasetGenerator;
import org.innerlab.data.ErringTeacher;
import org.innerlab.data.PersonaSight;
import org.innerlab.data.Personas;
import org.innerlab.data.PolicyTeacher;
import org.innerlab.data.Teacher;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.Params;
import org.innerlab.learner.AlignmentFakingPlanner;
import org.innerlab.learner.Ensemble;
import org.innerlab.learner.Learner;
import org.innerlab.learner.LearnerContext;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.learner.PersonaMixture;
import org.innerlab.observe.ControlTagEncoder;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.EncoderContext;
import org.innerlab.observe.FullBoardEncoder;
import org.innerlab.rater.Behaviour;
import org.innerlab.rater.LearnedRater;
import org.innerlab.rater.Rater;
import org.innerlab.rater.Raters;
import org.innerlab.regime.BehaviourCloning;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.regime.Regime;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;
import org.innerlab.regime.StageContext;
import org.innerlab.scenario.DataConfig;
import org.innerlab.scenario.LearnerConfig;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.StageConfig;

/**
 * A model organism as a scenario describes it, assembled for one run: the training environment,
 * what the learner sees, and the freshly initialised learner. Stages and evaluation environments
 * are built from it on demand.
 *
 * @param scenario the point's resolved scenario
 * @param seeds    the run's streams
 * @param train    an instance of the training distribution
 * @param encoder  the learner's observation
 * @param learner  the learner, before training
 */
public record Organism(Scenario scenario, Seeds seeds, Environment train, Encoder encoder, Learner learner) {
    /** The child of a stage's seeds that a supervisor's labelled episodes draw from. */
    private static final long SUPERVISED_DATA = 1;

    /** Builds the organism of run {@code seeds} from a point's resolved scenario. */
    public static Organism assemble(Scenario scenario, Seeds seeds) {
        Environment train = environment(scenario, "train");
        LearnerConfig lc = scenario.learner();
        LearnerType<?> type = Learners.TYPES.require(lc.type());
        EncoderContext view = new EncoderContext(train, lc.observation().viewRadius(),
                lc.observation().globalFeatures(), null);
        Encoder encoder = (lc.seesFullBoard() ? FullBoardEncoder.TYPE : EgocentricEncoder.TYPE).create(view);
        if (lc.observation().controlTags()) {
            encoder = ControlTagEncoder.TYPE.create(view.wrapping(encoder));
        }
        if (type.observation() == LearnerType.Observation.SCENARIO_WITH_PERSONAS) {
            // Its personas read the true state: the sight tells them which environment was just encoded.
            encoder = PersonaSight.of(encoder, Personas.forEnvironment(train.spec()));
        }
        return new Organism(scenario, seeds, train, encoder, type.create(learnerContext(scenario, seeds, train, encoder)));
    }

    /** What a learner of this organism is built from: its observation, environment, parameters and seeds. */
    public LearnerContext learnerContext() {
        return learnerContext(scenario, seeds, train, encoder);
    }

    private static LearnerContext learnerContext(Scenario scenario, Seeds seeds, Environment train, Encoder encoder) {
        return new LearnerContext(encoder, train.spec(), train.actionCount(), scenario.learner().params(), seeds);
    }

    /** What the learner's observation is without its control-tag inputs: what demonstrations store. */
    public Encoder observation() {
        return encoder instanceof ControlTagEncoder tags ? tags.base() : encoder;
    }

    /**
     * The demonstrations of a behaviour-cloning stage: the teachers' episodes on the data's
     * distribution, encoded as the learner observes them (without tag inputs), then curated.
     * Every random choice comes from {@code stageSeeds} (the run's seeds, child of the stage index).
     */
    Dataset demonstrations(DataConfig config, Seeds stageSeeds) {
        Environment env = environment(scenario, config.distribution());
        Personas personas = Personas.forEnvironment(env.spec());
        List<DatasetGenerator.Share> mix = config.teachers().stream()
                .map(t -> new DatasetGenerator.Share(t.persona(), t.weight())).toList();
        Dataset generated = new DatasetGenerator(env, observation(), personas, mix, config.noise())
                .generate(config.episodes(), stageSeeds);
        if (config.curation().isEmpty()) {
            return generated;
        }
        List<Curation> steps = config.curation().stream()
                .map(c -> Curations.TYPES.require(c.operator()).create(c.params())).toList();
        Curation.Context context = new Curation.Context(environment(scenario, config.distribution()), observation(),
                personas.teacher("aligned"), stageSeeds);
        return Curation.pipeline(steps).apply(generated, context);
    }

    /**
     * Distilled chain of thought (Hubinger et al. 2024): the learner as it is now (a network with a belief
     * head) plays {@code config.episodes} episodes of {@code config.distribution}, sampling its actions;
     * then the learner is re-initialised from {@code init} without its belief head, to be cloned on those
     * actions: the behaviour is kept, the readable reasoning is not. The network is changed in place
     * because a run has one learner; the demonstrations come from a snapshot taken before.
     */
    private Dataset distilled(DataConfig config, Seeds stageSeeds, MersenneTwisterFast init) {
        MlpPolicy net = (MlpPolicy) learner;
        PolicyTeacher teacher = new PolicyTeacher("cot-learner", net.snapshot(), encoder);
        Dataset data = new DatasetGenerator(environment(scenario, config.distribution()), observation(), teacher)
                .generate(config.episodes(), stageSeeds);
        net.distilWithoutBelief(init);
        return data;
    }

    /** A new instance of the named distribution of the scenario's environment. */
    public static Environment environment(Scenario scenario, String distribution) {
        EnvSpec spec = EnvRegistry.spec(scenario.environment().id());
        if (spec == null) {
            throw new IllegalArgumentException("unknown environment '" + scenario.environment().id() + "'");
        }
        Map<String, Object> overrides = scenario.environment().distributions().get(distribution);
        if (overrides == null) {
            throw new IllegalArgumentException("scenario has no distribution '" + distribution + "'");
        }
        return EnvRegistry.create(spec.id(), Params.resolve(spec, overrides));
    }

    /** The regime of training stage {@code index}, on this organism's learner and training environment. */
    public Regime stage(int index, EpisodeListener listener) {
        return stageWithRater(index, listener).regime();
    }

    /**
     * A training stage built: its regime and the rater it trains against (null for a stage without
     * one), so that measurements (a training curve's rated return, best-of-n) can ask the same rater;
     * and the weak supervisor whose labels are its data, errors included (null for a stage without
     * {@code data.supervisor}), so that the evaluation can measure the supervisor beside its student.
     */
    public record Stage(Regime regime, Rater rater, Teacher supervisor) {
    }

    /**
     * Training stage {@code index} with its rater; see {@link #stage}. The stage's regime type says
     * whether it trains against a rater and builds the regime from the stage's context. An
     * {@link Ensemble}'s stage trains each member in turn ({@link #memberwise}).
     */
    public Stage stageWithRater(int index, EpisodeListener listener) {
        if (learner instanceof Ensemble ensemble) {
            return memberwise(ensemble, index, listener);
        }
        return stageOf(index, listener, learner, seeds, seeds);
    }

    /**
     * Training stage {@code index} of {@code trained} (the run's learner, or one member of it), its
     * regime's and rater's streams from {@code streams}, its demonstrations from {@code dataSeeds}.
     */
    private Stage stageOf(int index, EpisodeListener listener, Learner trained, Seeds streams, Seeds dataSeeds) {
        StageConfig stage = scenario.training().get(index);
        RegimeType type = Regimes.TYPES.require(stage.regime());
        // The rater gets its own instance of the training distribution: a learned rater plays its
        // comparison episodes there before the stage starts.
        Rater rater = !type.rated() ? null : Raters.create(stage.rater(), stage.raterParams(),
                environment(scenario, "train"), new Behaviour(trained.evaluationPolicy(), encoder),
                streams.stream(StageContext.streamName(index, "rater")));
        DataConfig data = stage.data();
        Teacher supervisor = data == null || data.supervisor() == null ? null : supervisor(stage, index);
        StageContext context = new StageContext(train, encoder, trained, rater, stage.params(), stage.steps(), streams,
                index, listener, () -> stageDemonstrations(stage, index, supervisor, dataSeeds), data == null ? null
                        : new StageContext.StageData(data.distribution(), data.episodes(), data.good(), data.bad(),
                                data.badFraction()),
                distribution -> environment(scenario, distribution));
        Regime regime = type.create(context);
        return new Stage(rater instanceof LearnedRater learned && learned.retrains() ? new Retraining(regime, learned)
                : regime, rater, supervisor);
    }

    /**
     * An ensemble's training stage: the stage's regime built for each member as if it were the run's only
     * learner, on the member's own streams ({@link Ensemble#memberSeeds(int)}), and with independent data on
     * the member's own demonstrations (the run's teachers, drawn from the member's streams); run one member
     * after the other. The stage's rater and supervisor, which measurements ask for, are member 0's.
     */
    private Stage memberwise(Ensemble ensemble, int index, EpisodeListener listener) {
        List<Regime> regimes = new ArrayList<>();
        Stage first = null;
        for (int k = 0; k < ensemble.memberCount(); k++) {
            Seeds own = ensemble.memberSeeds(k);
            Stage member = stageOf(index, listener, ensemble.member(k), own,
                    ensemble.dataSplit() == Ensemble.DataSplit.INDEPENDENT ? own : seeds);
            first = first == null ? member : first;
            regimes.add(member.regime());
        }
        return new Stage(new OneAfterAnother(List.copyOf(regimes)), first.rater(), first.supervisor());
    }

    /** Regimes run to the end one after the other, as one stage: an ensemble's members' training. */
    private record OneAfterAnother(List<Regime> regimes) implements Regime {
        @Override
        public long trainUnit() {
            for (Regime r : regimes) {
                if (!r.finished()) {
                    return r.trainUnit();
                }
            }
            throw new IllegalStateException("every member's training is finished");
        }

        @Override
        public long stepsDone() {
            long sum = 0;
            for (Regime r : regimes) {
                sum += r.stepsDone();
            }
            return sum;
        }

        @Override
        public long budget() {
            long sum = 0;
            for (Regime r : regimes) {
                sum += r.budget();
            }
            return sum;
        }
    }

    /**
     * The demonstrations of training stage {@code index}: distilled from the learner itself when the
     * stage says {@code distil_belief}, labelled by the stage's {@code supervisor} when it has one, else
     * generated by the data's teachers from {@code dataSeeds} (the run's, or an ensemble member's).
     */
    private Dataset stageDemonstrations(StageConfig stage, int index, Teacher supervisor, Seeds dataSeeds) {
        if (Boolean.TRUE.equals(stage.params().get("distil_belief"))) {
            return distilled(stage.data(), seeds.child(index), seeds.stream(StageContext.streamName(index, "init")));
        }
        if (supervisor == null) {
            return demonstrations(stage.data(), dataSeeds.child(index));
        }
        DataConfig config = stage.data();
        return new DatasetGenerator(environment(scenario, config.distribution()), observation(), supervisor)
                .generate(config.episodes(), seeds.child(index).child(SUPERVISED_DATA));
    }

    /**
     * Weak-to-strong supervision (Burns et al. 2023): the stage's supervisor is built and cloned on the
     * teachers' demonstrations with the stage's parameters (without the confidence loss, which is the
     * student's); it then plays {@code data.episodes} fresh episodes, sampling its actions, erring as the
     * supervisor says, and those episodes are the student's data ({@link #stageDemonstrations}). The
     * supervisor draws the streams the learner of a scenario with the supervisor as its learner would
     * (initialisation, demonstrations, shuffle), so it is the very learner that a "weak" condition trains
     * on the same seeds. Every stream it draws is its own by name, so training it when the stage is built
     * rather than when the student asks for data changes no number.
     */
    private Teacher supervisor(StageConfig stage, int index) {
        DataConfig config = stage.data();
        DataConfig.Supervisor supervisor = config.supervisor();
        Dataset demonstrations = demonstrations(config, seeds.child(index));
        Learner weak = Learners.TYPES.require(supervisor.type()).create(new LearnerContext(encoder, train.spec(),
                train.actionCount(), supervisor.params(), seeds));
        BehaviourCloning.Hyper hyper = BehaviourCloning.Hyper.from(stage.params()).forSupervisor(supervisor.epochs());
        Regime cloning = new BehaviourCloning(demonstrations, null, weak, hyper,
                seeds.stream(StageContext.streamName(index, "shuffle")));
        while (!cloning.finished()) {
            cloning.trainUnit();
        }
        Teacher labels = new PolicyTeacher("supervisor", weak.evaluationPolicy(), observation());
        if (supervisor.errorRate() > 0) {
            Seeds labelSeeds = seeds.child(index).child(SUPERVISED_DATA);
            labels = new ErringTeacher(labels, Personas.forEnvironment(train.spec()).teacher(supervisor.errorPersona()),
                    supervisor.errorRate(), supervisor.systematic(), observation(), labelSeeds.seed("data/errors"));
        }
        return labels;
    }

    /** A regime whose learned rater is told of every update, so it retrains every K of them (iterated rating). */
    private record Retraining(Regime regime, LearnedRater rater) implements Regime {
        @Override
        public long trainUnit() {
            long steps = regime.trainUnit();
            rater.updateDone();
            return steps;
        }

        @Override
        public long stepsDone() {
            return regime.stepsDone();
        }

        @Override
        public long budget() {
            return regime.budget();
        }
    }
}
