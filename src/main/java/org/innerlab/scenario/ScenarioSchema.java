package org.innerlab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.CurationCatalog;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.LearnerCatalog;
import org.innerlab.measure.DeceptiveAlignment;
import org.innerlab.measure.EvaluationPlan;
import org.innerlab.measure.Metric;
import org.innerlab.rater.RaterCatalog;
import org.innerlab.regime.BehaviourCloning;
import org.innerlab.regime.RegimeCatalog;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;

/**
 * The scenario schema: turns a located tree into a {@link Scenario}, filling defaults and checking
 * every key, type, range and name (the format is documented in {@code package-info.java}). The base
 * scenario (everything but {@code sweep} and {@code charts}) is built first, because sweep values are
 * validated by substituting them into it and charts refer to the sweep's keys.
 */
final class ScenarioSchema {
    static final int MAX_SEEDS = 10_000;
    static final long MAX_STEPS = 10_000_000_000L;
    static final int MAX_EPISODES = 10_000_000;
    static final int MAX_VIEW_RADIUS = 10;
    static final int DEFAULT_VIEW_RADIUS = 2;
    static final int DEFAULT_EPISODES = 500;
    static final int DEFAULT_CURVE_EPISODES = 50;
    static final String DEFAULT_RATER = "environment";
    static final List<String> POLICIES = List.of("sampled", "greedy", "both");
    static final List<String> TAGS = List.of("none", "good", "bad");

    static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    static final Pattern DISTRIBUTION = Pattern.compile("[a-z0-9_-]+");
    private static final Pattern SERIES = Pattern.compile("(1-)?([^/]+)/([a-z0-9_]+(?:/[a-z0-9_]+)*)");
    private static final Pattern METRIC = Pattern.compile("[a-z0-9_]+(?:/[a-z0-9_]+)*");

    static final List<String> TOP = List.of("name", "description", "seed", "seeds", "environment", "learner",
            "data", "training", "evaluation", "report", "conditions", "sweep", "charts");
    static final List<String> DATA_KEYS = List.of("distribution", "episodes", "noise", "good", "bad", "bad_fraction",
            "teachers", "curation");
    static final int DEFAULT_DATA_EPISODES = 1000;
    static final List<String> REPORT_KEYS = List.of("animations", "frames", "table", "table_labels",
            "backdoor_persistence");

    private final Function<String, EnvSpec> specs;
    private final Collection<String> knownIds;
    private final Path source;

    ScenarioSchema(Function<String, EnvSpec> specs, Path source) {
        this.specs = specs;
        this.knownIds = specs instanceof EnvSpecLookup l ? l.ids() : List.of();
        this.source = source;
    }

    /** The whole scenario. */
    Scenario scenario(Node root) {
        Section top = top(root);
        Scenario plain = base(top.map().without("sweep").without("charts").without("conditions"));
        Conditions conditions = conditions(top.get("conditions"), plain);
        Scenario base = new Scenario(plain.name(), plain.description(), plain.seed(), plain.seeds(),
                plain.environment(), plain.learner(), plain.data(), plain.training(), plain.evaluation(), Map.of(),
                List.of(), plain.report(), conditions, source);
        Map<String, List<Object>> sweep = Sweeps.check(this, base, top.get("sweep"));
        checkPersistenceBefore(top.get("report"), base, sweep);
        List<ChartConfig> charts = charts(top.get("charts"), sweep.keySet(), base);
        return new Scenario(base.name(), base.description(), base.seed(), base.seeds(), base.environment(),
                base.learner(), base.data(), base.training(), base.evaluation(), sweep, charts, base.report(), conditions,
                source);
    }

    /**
     * The named conditions, each checked by validating the whole scenario it makes; an error inside a
     * condition points at the condition's own key.
     */
    private Conditions conditions(Node node, Scenario plain) {
        if (node == null) {
            return Conditions.NONE;
        }
        Mapping written = Section.mapping(node, "conditions");
        if (written.entries().isEmpty()) {
            throw new ScenarioException(written.origin(), "conditions", "needs at least one condition", null);
        }
        Map<String, Mapping> overrides = new LinkedHashMap<>();
        for (Entry e : written.entries()) {
            String field = "conditions." + e.key();
            if (!NAME.matcher(e.key()).matches()) {
                throw new ScenarioException(e.keyOrigin(), field, "a condition name must match " + NAME.pattern()
                        + ", got \"" + e.key() + "\"", null);
            }
            Section.of(e.value(), field, Conditions.OVERRIDABLE);
            overrides.put(e.key(), (Mapping) e.value());
        }
        Conditions conditions = new Conditions(overrides);
        Mapping baseTree = ScenarioWriter.tree(plain).without("sweep").without("charts");
        for (String name : conditions.names()) {
            try {
                base(conditions.apply(baseTree, name));
            } catch (ScenarioException ex) {
                throw new ScenarioException(ex.origin(), "conditions." + name + (ex.field().isEmpty() ? "" : "." + ex.field()),
                        ex.problem(), ex.hint().orElse(null));
            }
        }
        return conditions;
    }

    private static Section top(Node root) {
        if (!(root instanceof Mapping)) {
            throw new ScenarioException(root.origin(), "", "expected a map of scenario keys, got " + root.describe(),
                    null);
        }
        return Section.of(root, "", TOP);
    }

    /** Everything but the sweep and charts, which {@code root} must not hold. */
    Scenario base(Node root) {
        Section top = top(root);
        String name = Section.matching(top.require("name"), "name", NAME);
        String description = top.get("description") == null ? "" : Section.text(top.get("description"), "description");
        long seed = top.get("seed") == null ? 0 : Section.integer(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int seeds = top.get("seeds") == null ? 1 : (int) Section.integer(top.get("seeds"), "seeds", 1, MAX_SEEDS);
        Node envNode = top.require("environment");
        EnvSpec spec = spec(envNode);
        EnvironmentConfig environment = environment(envNode, spec);
        LearnerConfig learner = learner(top.require("learner"), spec);
        DataConfig data = top.get("data") == null ? null
                : data(top.get("data"), "data", spec, environment.distributions().keySet());
        List<StageConfig> training = training(top.require("training"), learner, spec, top.get("data"),
                environment.distributions().keySet());
        EvaluationConfig evaluation = evaluation(top.get("evaluation"), environment, spec, learner, training.size());
        ReportConfig report = report(top.get("report"), environment.distributions().keySet());
        Scenario plain = new Scenario(name, description, seed, seeds, environment, learner, data, training, evaluation,
                Map.of(), List.of(), report, Conditions.NONE, source);
        ReportConfig full = persistence(top.get("report"), plain, table(top.get("report"), plain));
        return full == report ? plain : new Scenario(name, description, seed, seeds, environment, learner, data,
                training, evaluation, Map.of(), List.of(), full, Conditions.NONE, source);
    }

    private EnvSpec spec(Node envNode) {
        Section s = Section.of(envNode, "environment", List.of("id", "params", "train", "test", "distributions"));
        Node idNode = s.require("id");
        String id = Section.text(idNode, "environment.id");
        EnvSpec spec = specs.apply(id);
        if (spec == null) {
            throw Section.unknown(idNode.origin(), "environment.id", "environment", id, knownIds, "known");
        }
        return spec;
    }

    private static EnvironmentConfig environment(Node node, EnvSpec spec) {
        Section s = Section.of(node, "environment", List.of("id", "params", "train", "test", "distributions"));
        String owner = "environment " + spec.id();
        Map<String, Object> params = Section.params(s.get("params"), "environment.params", spec.params(), owner);
        Mapping named = s.get("distributions") == null ? null
                : Section.mapping(s.get("distributions"), "environment.distributions");
        Map<String, Map<String, Object>> own = new LinkedHashMap<>();
        for (String shorthand : List.of("train", "test")) {
            Entry written = named == null ? null : named.entry(shorthand);
            if (s.has(shorthand) && written != null) {
                throw new ScenarioException(written.keyOrigin(), "environment.distributions." + shorthand,
                        "distribution '" + shorthand + "' is also given as environment." + shorthand,
                        "write it once");
            }
            if (s.has(shorthand)) {
                own.put(shorthand, Section.params(s.get(shorthand), s.field(shorthand), spec.params(), owner));
            } else if (written != null) {
                own.put(shorthand, Section.params(written.value(), "environment.distributions." + shorthand,
                        spec.params(), owner));
            } else if (shorthand.equals("train")) {
                own.put(shorthand, Map.of());
            }
        }
        if (named != null) {
            for (Entry e : named.entries()) {
                String field = "environment.distributions." + e.key();
                if (!DISTRIBUTION.matcher(e.key()).matches()) {
                    throw new ScenarioException(e.keyOrigin(), field, "a distribution name must match "
                            + DISTRIBUTION.pattern() + ", got \"" + e.key() + "\"", null);
                }
                if (!own.containsKey(e.key())) {
                    own.put(e.key(), Section.params(e.value(), field, spec.params(), owner));
                }
            }
        }
        return EnvironmentConfig.layered(spec.id(), params, own);
    }

    private static LearnerConfig learner(Node node, EnvSpec spec) {
        Section s = Section.of(node, "learner", List.of("type", "observation", "params"));
        String type = Section.oneOf(s.require("type"), "learner.type", LearnerCatalog.entries().keySet(),
                "learner type");
        LearnerCatalog.Entry entry = LearnerCatalog.get(type);
        ObservationConfig observation = observation(s.get("observation"), spec);
        String owner = "learner " + type;
        Map<String, Object> overrides = Section.params(s.get("params"), "learner.params", entry.params(), owner);
        return new LearnerConfig(type, observation, ParamSet.resolve(owner, entry.params(), overrides));
    }

    private static ObservationConfig observation(Node node, EnvSpec spec) {
        if (node == null) {
            return new ObservationConfig(DEFAULT_VIEW_RADIUS, List.of());
        }
        Section s = Section.of(node, "learner.observation", List.of("view_radius", "global_features", "control_tags",
                "full_board"));
        int radius = s.get("view_radius") == null ? DEFAULT_VIEW_RADIUS
                : (int) Section.integer(s.get("view_radius"), s.field("view_radius"), 0, MAX_VIEW_RADIUS);
        List<String> features = new ArrayList<>();
        if (s.get("global_features") != null) {
            List<Node> items = Section.list(s.get("global_features"), s.field("global_features"));
            for (int i = 0; i < items.size(); i++) {
                String field = s.field("global_features") + "." + i;
                String f = Section.text(items.get(i), field);
                if (!spec.features().contains(f)) {
                    throw new ScenarioException(items.get(i).origin(), field, "unknown feature '" + f + "'",
                            spec.features().isEmpty() ? spec.id() + " declares no global features"
                                    : Spelling.hint(f, spec.features(), "features of " + spec.id()));
                }
                if (features.contains(f)) {
                    throw new ScenarioException(items.get(i).origin(), field, "feature '" + f + "' is listed twice",
                            null);
                }
                features.add(f);
            }
        }
        boolean tags = s.get("control_tags") != null && (Boolean) Section.param(
                ParamSpec.bool("control_tags", false, ""), s.get("control_tags"), s.field("control_tags"));
        boolean fullBoard = s.get("full_board") != null && (Boolean) Section.param(
                ParamSpec.bool("full_board", false, ""), s.get("full_board"), s.field("full_board"));
        return new ObservationConfig(radius, features, tags, fullBoard);
    }

    private static List<StageConfig> training(Node node, LearnerConfig learner, EnvSpec spec, Node topData,
                                              Set<String> distributions) {
        String learnerType = learner.type();
        List<Node> items = Section.list(node, "training");
        if (items.isEmpty()) {
            throw new ScenarioException(node.origin(), "training", "needs at least one stage", null);
        }
        List<StageConfig> stages = new ArrayList<>();
        boolean distilled = false;
        for (int i = 0; i < items.size(); i++) {
            String path = "training." + i;
            Section s = Section.of(items.get(i), path, List.of("regime", "steps", "rater", "params", "data"));
            Node regimeNode = s.require("regime");
            String regime = Section.oneOf(regimeNode, s.field("regime"), RegimeCatalog.entries().keySet(), "regime");
            RegimeCatalog.Entry entry = RegimeCatalog.get(regime);
            if (!entry.learners().contains(learnerType)) {
                throw new ScenarioException(regimeNode.origin(), s.field("regime"), "regime '" + regime
                        + "' cannot train learner type '" + learnerType + "'",
                        "it trains " + String.join(", ", entry.learners()));
            }
            boolean cloning = regime.equals(StageConfig.BEHAVIOUR_CLONING);
            long steps = cloning ? 0 : Section.integer(s.require("steps"), s.field("steps"), 1, MAX_STEPS);
            if (cloning && s.has("steps")) {
                throw new ScenarioException(s.get("steps").origin(), s.field("steps"),
                        "behaviour cloning has no environment steps", "its budget is params.epochs passes over the data");
            }
            Node raterNode = s.get("rater") == null ? Scalar.of(DEFAULT_RATER, s.map().origin()) : s.get("rater");
            if (cloning && s.has("rater")) {
                throw new ScenarioException(raterNode.origin(), s.field("rater"), "behaviour cloning has no rater",
                        "it learns the demonstrations in data: (a rater scores RL stages)");
            }
            boolean adversarial = regime.equals(StageConfig.ADVERSARIAL_TRAINING);
            if (adversarial && s.has("rater")) {
                throw new ScenarioException(raterNode.origin(), s.field("rater"), "adversarial training has no rater",
                        "it clones data.good's actions where its red team finds misbehaviour");
            }
            RaterChoice rater = rater(raterNode, s.field("rater"), spec);
            String owner = "regime " + regime;
            Map<String, Object> overrides = Section.params(s.get("params"), s.field("params"), entry.params(), owner);
            Map<String, Object> params = ParamSet.resolve(owner, entry.params(), overrides);
            DataConfig data = null;
            if (cloning || regime.equals(StageConfig.OFFLINE_Q)) {
                data = stageData(s, regime, topData, spec, distributions);
            } else if (adversarial) {
                data = redTeam(s, regime, topData, spec, distributions);
            } else if (s.has("data")) {
                throw new ScenarioException(s.get("data").origin(), s.field("data"), "regime '" + regime
                        + "' does not learn from demonstrations",
                        "only behaviour-cloning, offline-q and adversarial-training stages take data");
            }
            if (cloning) {
                requireTagHead(params, learner, s);
                requireBeliefHead(params, learner, spec, s, distilled);
                distilled |= Boolean.TRUE.equals(params.get("distil_belief"));
            }
            stages.add(new StageConfig(regime, steps, rater.name(), params, rater.params(), data));
        }
        return stages;
    }

    /**
     * A behaviour-cloning or offline-RL stage's demonstrations: the scenario's {@code data} with the stage's own
     * {@code data} keys merged in (a stage that writes {@code teachers} drops the scenario's
     * good/bad/bad_fraction shorthand, and the other way round).
     */
    private static DataConfig stageData(Section stage, String regime, Node topData, EnvSpec spec, Set<String> distributions) {
        Node own = stage.get("data");
        if (own == null && topData == null) {
            throw new ScenarioException(stage.map().origin(), stage.field("data"),
                    "regime '" + regime + "' needs demonstrations", "add a data: section to the scenario or to this stage");
        }
        if (own == null) {
            return data(topData, "data", spec, distributions);
        }
        if (topData == null) {
            return data(own, stage.field("data"), spec, distributions);
        }
        Mapping override = Section.mapping(own, stage.field("data"));
        Mapping base = Section.mapping(topData, "data");
        if (override.get("teachers") != null) {
            base = base.without("good").without("bad").without("bad_fraction");
        } else if (override.get("good") != null || override.get("bad") != null || override.get("bad_fraction") != null) {
            base = base.without("teachers");
        }
        return data(Conditions.merge(base, override), stage.field("data"), spec, distributions);
    }

    /**
     * An adversarial-training stage's red team, written as data: the distribution it searches, the
     * candidates per round ({@code episodes}), and the good/bad/bad_fraction shorthand read as the target
     * persona, the attacker and the share of adversarial starts; no curation.
     */
    private static DataConfig redTeam(Section stage, String regime, Node topData, EnvSpec spec,
                                      Set<String> distributions) {
        DataConfig data = stageData(stage, regime, topData, spec, distributions);
        Node at = stage.get("data") == null ? stage.map() : stage.get("data");
        if (!data.shorthand()) {
            throw new ScenarioException(at.origin(), stage.field("data"),
                    "adversarial training reads its red team from good/bad/bad_fraction, not teachers",
                    "write data: {distribution: ..., good: aligned, bad: <attacker>, bad_fraction: <share of attacked starts>}");
        }
        if (!data.curation().isEmpty()) {
            throw new ScenarioException(at.origin(), stage.field("data") + ".curation",
                    "adversarial training does not curate", "remove curation from this stage's data");
        }
        return data;
    }

    /**
     * A stage that trains the belief head needs a learner that has one and an event that labels
     * deployment; a stage that distils the head away needs one too, and cannot also train it; and once
     * an earlier stage has distilled the head away, no later stage can distil or train it.
     */
    private static void requireBeliefHead(Map<String, Object> params, LearnerConfig learner, EnvSpec spec,
                                          Section stage, boolean distilledEarlier) {
        Node at = stage.get("params") == null ? stage.map() : stage.get("params");
        boolean distil = Boolean.TRUE.equals(params.get("distil_belief"));
        if (distil && !Boolean.TRUE.equals(learner.params().get("belief_head"))) {
            throw new ScenarioException(at.origin(), stage.field("params") + ".distil_belief",
                    "the learner has no belief head to distil away", "set learner.params.belief_head: true (an mlp)");
        }
        boolean trains = params.get("belief_weight") instanceof Double w && w > 0;
        if (distilledEarlier && (distil || trains)) {
            throw new ScenarioException(at.origin(), stage.field("params") + (distil ? ".distil_belief" : ".belief_weight"),
                    "an earlier stage distilled the belief head away", distil ? "distil once" : "set belief_weight: 0 here");
        }
        Object weight = params.get("belief_weight");
        if (!(weight instanceof Double w && w > 0)) {
            return;
        }
        if (distil) {
            throw new ScenarioException(at.origin(), stage.field("params") + ".belief_weight",
                    "a stage that distils the belief head away cannot train it", "set belief_weight: 0 here");
        }
        if (!Boolean.TRUE.equals(learner.params().get("belief_head"))) {
            throw new ScenarioException(at.origin(), stage.field("params") + ".belief_weight",
                    "the learner has no belief head to train", "set learner.params.belief_head: true (an mlp)");
        }
        if (!spec.events().contains(BehaviourCloning.BELIEF_EVENT)) {
            throw new ScenarioException(at.origin(), stage.field("params") + ".belief_weight",
                    spec.id() + " has no event '" + BehaviourCloning.BELIEF_EVENT + "' to label a row deployed",
                    "use an environment with a trigger (asg-absent-supervisor-v1) or set belief_weight: 0");
        }
    }

    /** A stage that trains the tag head needs a learner that has one. */
    private static void requireTagHead(Map<String, Object> params, LearnerConfig learner, Section stage) {
        Object weight = params.get("tag_head_weight");
        if (weight instanceof Double w && w > 0 && !Boolean.TRUE.equals(learner.params().get("tag_head"))) {
            Node at = stage.get("params") == null ? stage.map() : stage.get("params");
            throw new ScenarioException(at.origin(), stage.field("params") + ".tag_head_weight",
                    "the learner has no tag head to train", "set learner.params.tag_head: true");
        }
    }

    /**
     * The demonstrations section: teachers by persona (the environment must have personas), the
     * distribution they play, and the curation steps, each operator's parameters checked against
     * {@link CurationCatalog}.
     */
    static DataConfig data(Node node, String path, EnvSpec spec, Set<String> distributions) {
        Section s = Section.of(node, path, DATA_KEYS);
        if (!Personas.environments().contains(spec.id())) {
            throw new ScenarioException(node.origin(), path, spec.id() + " has no teacher personas to demonstrate with",
                    "environments with personas: " + String.join(", ", Personas.environments()));
        }
        List<String> personas = Personas.forEnvironment(spec).names();
        String distribution = s.get("distribution") == null ? "train"
                : Section.oneOf(s.get("distribution"), s.field("distribution"), distributions, "distribution");
        int episodes = s.get("episodes") == null ? DEFAULT_DATA_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, MAX_EPISODES);
        double noise = s.get("noise") == null ? 0.0
                : (Double) Section.param(ParamSpec.real("noise", 0, 0, 1, ""), s.get("noise"), s.field("noise"));
        boolean shorthand = s.has("good") || s.has("bad") || s.has("bad_fraction");
        String good = null;
        String bad = null;
        Double badFraction = null;
        List<DataConfig.Share> teachers = new ArrayList<>();
        if (s.has("teachers")) {
            if (shorthand) {
                String other = s.has("bad_fraction") ? "bad_fraction" : s.has("good") ? "good" : "bad";
                throw new ScenarioException(s.get(other).origin(), s.field(other),
                        "give either teachers or good/bad/bad_fraction, not both", "remove one of them");
            }
            List<Node> items = Section.list(s.get("teachers"), s.field("teachers"));
            double total = 0;
            for (int i = 0; i < items.size(); i++) {
                String field = s.field("teachers") + "." + i;
                Section t = Section.of(items.get(i), field, List.of("persona", "weight"));
                String persona = Section.oneOf(t.require("persona"), t.field("persona"), personas, "persona");
                if (teachers.stream().anyMatch(x -> x.persona().equals(persona))) {
                    throw new ScenarioException(t.get("persona").origin(), t.field("persona"), "persona '" + persona
                            + "' is listed twice", "give each persona once, with its total weight");
                }
                double weight = (Double) Section.param(ParamSpec.real("weight", 1, 0, 1e9, ""), t.require("weight"),
                        t.field("weight"));
                total += weight;
                teachers.add(new DataConfig.Share(persona, weight));
            }
            if (!(total > 0)) {
                throw new ScenarioException(s.get("teachers").origin(), s.field("teachers"),
                        "needs at least one persona with a positive weight", "personas of " + spec.id() + ": "
                        + String.join(", ", personas));
            }
        } else {
            good = s.get("good") == null ? "aligned" : Section.oneOf(s.get("good"), s.field("good"), personas, "persona");
            bad = s.get("bad") == null ? personas.get(1) : Section.oneOf(s.get("bad"), s.field("bad"), personas, "persona");
            badFraction = s.get("bad_fraction") == null ? 0.0 : (Double) Section.param(
                    ParamSpec.real("bad_fraction", 0, 0, 1, ""), s.get("bad_fraction"), s.field("bad_fraction"));
            if (good.equals(bad)) {
                throw new ScenarioException(s.get(s.has("bad") ? "bad" : "good").origin(),
                        s.field(s.has("bad") ? "bad" : "good"), "good and bad are the same persona '" + good + "'",
                        "personas of " + spec.id() + ": " + String.join(", ", personas));
            }
            teachers.addAll(DataConfig.mix(good, bad, badFraction));
        }
        List<DataConfig.Step> curation = new ArrayList<>();
        if (s.get("curation") != null) {
            List<Node> items = Section.list(s.get("curation"), s.field("curation"));
            for (int i = 0; i < items.size(); i++) {
                curation.add(curationStep(items.get(i), s.field("curation") + "." + i, personas));
            }
        }
        return new DataConfig(distribution, episodes, noise, good, bad, badFraction, teachers, curation);
    }

    /** {@code - edit}, or {@code - filter: {threshold: 0}}: one operator and its parameters. */
    private static DataConfig.Step curationStep(Node item, String field, List<String> personas) {
        String operator;
        Node params = null;
        Node at = item;
        if (item instanceof Scalar) {
            operator = Section.text(item, field);
        } else {
            Mapping m = Section.mapping(item, field);
            if (m.entries().size() != 1) {
                throw new ScenarioException(item.origin(), field, "expected one operator, e.g. {filter: {threshold: 0}}, "
                        + "got " + m.entries().size() + " keys", "write one list item per operator");
            }
            operator = m.entries().get(0).key();
            params = m.entries().get(0).value();
            at = new Scalar(Node.Type.STRING, operator, operator, m.entries().get(0).keyOrigin());
        }
        if (!CurationCatalog.entries().containsKey(operator)) {
            throw Section.unknown(at.origin(), field, "curation operator", operator, CurationCatalog.entries().keySet(),
                    "known");
        }
        List<ParamSpec> specs = CurationCatalog.params(operator, personas);
        String owner = "curation operator " + operator;
        Map<String, Object> overrides = Section.params(params, field + "." + operator, specs, owner);
        return new DataConfig.Step(operator, ParamSet.resolve(owner, specs, overrides));
    }

    /**
     * A stage's rater: a catalog name ({@code rater: true}) or a map of the name and the rater's
     * parameters ({@code rater: {name: blind-spot, event: entered_punishment_tile, bonus: 30}}),
     * checked against the rater's declarations for this environment, defaults filled.
     */
    private static RaterChoice rater(Node node, String field, EnvSpec spec) {
        Mapping written = node instanceof Mapping m ? m : null;
        Node nameNode = written == null ? node : Section.of(node, field, keysOf(written)).require("name");
        String nameField = written == null ? field : field + ".name";
        String name = Section.oneOf(nameNode, nameField, RaterCatalog.entries().keySet(), "rater");
        List<ParamSpec> declared;
        try {
            declared = RaterCatalog.params(name, spec);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(nameNode.origin(), nameField, e.getMessage(), null);
        }
        String owner = "rater " + name;
        Map<String, Object> overrides = written == null ? Map.of()
                : Section.params(written.without("name"), field, declared, owner);
        for (String required : RaterCatalog.get(name).required()) {
            if (!overrides.containsKey(required)) {
                String example = declared.stream().filter(p -> p.name().equals(required)).findFirst()
                        .map(p -> p.expectation()).orElse("");
                throw new ScenarioException(written == null ? node.origin() : written.origin(),
                        field + "." + required, "rater " + name + " needs parameter '" + required + "'",
                        "write rater: {name: " + name + ", " + required + ": ...} with " + example);
            }
        }
        return new RaterChoice(name, ParamSet.resolve(owner, declared, overrides));
    }

    /** A stage's rater: its catalog name and its resolved parameters. */
    private record RaterChoice(String name, Map<String, Object> params) {
    }

    /** The keys written in {@code m}: opening the map with them alone reports only a missing {@code name}. */
    private static List<String> keysOf(Mapping m) {
        List<String> keys = new ArrayList<>();
        m.entries().forEach(e -> keys.add(e.key()));
        return keys;
    }

    /**
     * The headings written under {@code key}, one per series or column ({@code count} of them, called
     * {@code units} in the message and {@code unit} in the hint); empty when the key is absent.
     */
    private static List<String> labels(Section s, String key, int count, String units, String unit) {
        List<String> labels = new ArrayList<>();
        if (s.get(key) == null) {
            return labels;
        }
        List<Node> written = Section.list(s.get(key), s.field(key));
        if (written.size() != count) {
            throw new ScenarioException(s.get(key).origin(), s.field(key), "has " + written.size() + " labels for "
                    + count + " " + units, "give one label per " + unit + ", in order");
        }
        for (int j = 0; j < written.size(); j++) {
            labels.add(Section.text(written.get(j), s.field(key) + "." + j));
        }
        return labels;
    }

    /**
     * The distribution names listed under {@code key}: at least one, each known and listed once; the
     * caller decides the default when the key is absent.
     */
    private static List<String> distributionList(Section s, String key, Set<String> distributions) {
        Node listNode = s.get(key);
        List<Node> items = Section.list(listNode, s.field(key));
        if (items.isEmpty()) {
            throw new ScenarioException(listNode.origin(), s.field(key), "needs at least one distribution",
                    "known: " + String.join(", ", distributions));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = s.field(key) + "." + i;
            String d = Section.oneOf(items.get(i), field, distributions, "distribution");
            if (names.contains(d)) {
                throw new ScenarioException(items.get(i).origin(), field, "distribution '" + d + "' is listed twice",
                        null);
            }
            names.add(d);
        }
        return names;
    }

    private static EvaluationConfig evaluation(Node node, EnvironmentConfig environment, EnvSpec spec,
                                               LearnerConfig learner, int stages) {
        Set<String> distributions = environment.distributions().keySet();
        if (node == null) {
            return new EvaluationConfig(DEFAULT_EPISODES, List.copyOf(distributions), POLICIES.get(0));
        }
        Section s = Section.of(node, "evaluation", List.of("episodes", "distributions", "policy", "tag", "tag_guided",
                "reference", "attack", "curve", "suite", "belief_steering"));
        int episodes = s.get("episodes") == null ? DEFAULT_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, MAX_EPISODES);
        List<String> names = s.get("distributions") == null ? List.copyOf(distributions)
                : distributionList(s, "distributions", distributions);
        String policy = s.get("policy") == null ? POLICIES.get(0)
                : Section.oneOf(s.get("policy"), s.field("policy"), POLICIES, "policy");
        String tag = "none";
        if (s.get("tag") != null) {
            tag = Section.oneOf(s.get("tag"), s.field("tag"), TAGS, "tag");
            if (!tag.equals("none") && !learner.observation().controlTags()) {
                throw new ScenarioException(s.get("tag").origin(), s.field("tag"), "the learner sees no control tags",
                        "set learner.observation.control_tags: true");
            }
        }
        Double tagGuided = null;
        if (s.get("tag_guided") != null) {
            tagGuided = (Double) Section.param(ParamSpec.real("tag_guided", 0.5, 0, 1, ""), s.get("tag_guided"),
                    s.field("tag_guided"));
            if (!Boolean.TRUE.equals(learner.params().get("tag_head"))) {
                throw new ScenarioException(s.get("tag_guided").origin(), s.field("tag_guided"),
                        "tag-guided decoding needs the learner's tag head", "set learner.params.tag_head: true");
            }
        }
        String reference = null;
        EvaluationConfig.Attack attack = null;
        if (s.get("reference") != null || s.get("attack") != null) {
            Node at = s.get("reference") != null ? s.get("reference") : s.get("attack");
            if (!Personas.environments().contains(spec.id())) {
                throw new ScenarioException(at.origin(), s.field(s.get("reference") != null ? "reference" : "attack"),
                        spec.id() + " has no teacher personas", "environments with personas: "
                        + String.join(", ", Personas.environments()));
            }
            List<String> personas = Personas.forEnvironment(spec).names();
            if (s.get("reference") != null) {
                reference = Section.oneOf(s.get("reference"), s.field("reference"), personas, "persona");
            }
            if (s.get("attack") != null) {
                Section a = Section.of(s.get("attack"), s.field("attack"), List.of("persona", "steps"));
                String persona = Section.oneOf(a.require("persona"), a.field("persona"), personas, "persona");
                int steps = (int) Section.integer(a.require("steps"), a.field("steps"), 0, 10_000);
                attack = new EvaluationConfig.Attack(persona, steps);
            }
        }
        CurveConfig curve = s.get("curve") == null ? null : curve(s.get("curve"), s.field("curve"), distributions,
                stages);
        EvaluationConfig.Suite suite = s.get("suite") == null ? null
                : SuiteSection.parse(s.get("suite"), s.field("suite"), environment, spec);
        boolean steering = false;
        if (s.get("belief_steering") != null) {
            steering = (Boolean) Section.param(ParamSpec.bool("belief_steering", false, ""), s.get("belief_steering"),
                    s.field("belief_steering"));
            if (steering && !Boolean.TRUE.equals(learner.params().get("belief_head"))) {
                throw new ScenarioException(s.get("belief_steering").origin(), s.field("belief_steering"),
                        "belief steering clamps the learner's belief head, and the learner has none",
                        "set learner.params.belief_head: true (an mlp) or remove belief_steering");
            }
        }
        return new EvaluationConfig(episodes, names, policy, tag, tagGuided, reference, attack, curve, suite, steering);
    }

    /** {@code evaluation.curve}: interval, episodes, distributions, reference stage and best-of-n. */
    private static CurveConfig curve(Node node, String path, Set<String> distributions, int stages) {
        Section s = Section.of(node, path, List.of("every", "episodes", "distributions", "reference_stage",
                "best_of_n"));
        long every = Section.integer(s.require("every"), s.field("every"), 1, MAX_STEPS);
        int episodes = s.get("episodes") == null ? DEFAULT_CURVE_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, MAX_EPISODES);
        List<String> names = s.get("distributions") == null ? List.of("train")
                : distributionList(s, "distributions", distributions);
        int reference = s.get("reference_stage") == null ? 0
                : (int) Section.integer(s.get("reference_stage"), s.field("reference_stage"), 0, stages - 1);
        int pool = 0;
        List<Integer> ns = new ArrayList<>();
        if (s.get("best_of_n") != null) {
            Section b = Section.of(s.get("best_of_n"), s.field("best_of_n"), List.of("pool", "n"));
            pool = (int) Section.integer(b.require("pool"), b.field("pool"), 1, MAX_EPISODES);
            List<Node> items = Section.list(b.require("n"), b.field("n"));
            if (items.isEmpty()) {
                throw new ScenarioException(b.get("n").origin(), b.field("n"), "needs at least one n", null);
            }
            for (int i = 0; i < items.size(); i++) {
                int n = (int) Section.integer(items.get(i), b.field("n") + "." + i, 1, pool);
                if (ns.contains(n)) {
                    throw new ScenarioException(items.get(i).origin(), b.field("n") + "." + i, "n = " + n
                            + " is listed twice", null);
                }
                ns.add(n);
            }
        }
        return new CurveConfig(every, episodes, names, reference, pool, ns);
    }

    /** The report extras: animations must name distributions of the environment, each once. */
    private static ReportConfig report(Node node, Set<String> distributions) {
        if (node == null) {
            return ReportConfig.NONE;
        }
        // table and table_labels are read by table(), which needs the evaluated distributions.
        Section s = Section.of(node, "report", REPORT_KEYS);
        List<String> names = new ArrayList<>();
        if (s.get("animations") != null) {
            List<Node> items = Section.list(s.get("animations"), s.field("animations"));
            for (int i = 0; i < items.size(); i++) {
                String field = s.field("animations") + "." + i;
                String d = Section.oneOf(items.get(i), field, distributions, "distribution");
                if (names.contains(d)) {
                    throw new ScenarioException(items.get(i).origin(), field, "distribution '" + d
                            + "' is listed twice", null);
                }
                names.add(d);
            }
        }
        int frames = s.get("frames") == null ? ReportConfig.DEFAULT_FRAMES
                : (int) Section.integer(s.get("frames"), s.field("frames"), 1, ReportConfig.MAX_FRAMES);
        return new ReportConfig(names, frames);
    }

    /**
     * The paper table's columns ({@code report.table}, {@code report.table_labels}): each a
     * {@code distribution/metric} series of an evaluated distribution (or a contrast) and a metric the
     * environment reports, one label per column when labels are written.
     */
    private ReportConfig table(Node node, Scenario base) {
        if (node == null) {
            return base.report();
        }
        Section s = Section.of(node, "report", REPORT_KEYS);
        if (s.get("table") == null) {
            if (s.get("table_labels") != null) {
                throw new ScenarioException(s.get("table_labels").origin(), s.field("table_labels"),
                        "labels for a table that is not written", "add report.table, or remove table_labels");
            }
            return base.report();
        }
        EnvSpec spec = specs.apply(base.environment().id());
        List<String> metrics = knownMetrics(spec, base);
        List<Node> items = Section.list(s.get("table"), s.field("table"));
        if (items.isEmpty()) {
            throw new ScenarioException(s.get("table").origin(), s.field("table"), "needs at least one column",
                    "leave report.table out for the default columns");
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = s.field("table") + "." + i;
            String item = series(items.get(i), field, base);
            String metric = item.substring(item.indexOf('/') + 1);
            if (item.startsWith("1-")) {
                throw new ScenarioException(items.get(i).origin(), field, "a table column is a metric as measured",
                        "write it without the 1- prefix");
            }
            if (!metrics.contains(metric)) {
                throw Section.unknown(items.get(i).origin(), field, "metric", metric, metrics, spec.id() + "'s");
            }
            columns.add(item);
        }
        List<String> labels = labels(s, "table_labels", columns.size(), "columns", "table column");
        return base.report().withTable(columns, labels);
    }

    /**
     * {@code report.backdoor_persistence}: {@code before} (a condition name, checked against the sweep by
     * {@link #checkPersistenceBefore}) and the evaluated distributions whose misbehaviour rate is compared.
     */
    private ReportConfig persistence(Node node, Scenario base, ReportConfig report) {
        if (node == null || Section.of(node, "report", REPORT_KEYS).get("backdoor_persistence") == null) {
            return report;
        }
        String path = "report.backdoor_persistence";
        Section p = Section.of(Section.of(node, "report", REPORT_KEYS).get("backdoor_persistence"), path,
                List.of("before", "distributions"));
        String before = Section.matching(p.require("before"), p.field("before"), NAME);
        EnvSpec spec = specs.apply(base.environment().id());
        if (spec.oversight() == null) {
            throw new ScenarioException(p.require("before").origin(), path, spec.id()
                    + " reports no misbehaviour_rate, so there is no backdoor to measure", "remove backdoor_persistence");
        }
        List<String> evaluated = base.evaluation().reported();
        List<Node> items = Section.list(p.require("distributions"), p.field("distributions"));
        if (items.isEmpty()) {
            throw new ScenarioException(p.require("distributions").origin(), p.field("distributions"),
                    "needs at least one distribution", "e.g. [triggered]");
        }
        List<String> distributions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = p.field("distributions") + "." + i;
            String d = Section.oneOf(items.get(i), field, evaluated, "evaluated distribution");
            if (distributions.contains(d)) {
                throw new ScenarioException(items.get(i).origin(), field, "distribution '" + d + "' is listed twice", null);
            }
            distributions.add(d);
        }
        return report.withPersistence(new PersistenceConfig(before, distributions));
    }

    /** The persistence's {@code before} must be one of the swept conditions, or there is nothing to divide by. */
    private static void checkPersistenceBefore(Node reportNode, Scenario base, Map<String, List<Object>> sweep) {
        PersistenceConfig persistence = base.report().persistence();
        if (persistence == null) {
            return;
        }
        Node before = Section.mapping(Section.mapping(reportNode, "report").get("backdoor_persistence"),
                "report.backdoor_persistence").get("before");
        List<String> swept = sweep.getOrDefault(Conditions.KEY, List.of()).stream().map(String::valueOf).toList();
        if (swept.isEmpty()) {
            throw new ScenarioException(before.origin(), "report.backdoor_persistence.before",
                    "needs a condition sweep to compare with", "add sweep: { condition: [" + persistence.before()
                    + ", ...] } and define the conditions");
        }
        if (!swept.contains(persistence.before())) {
            throw Section.unknown(before.origin(), "report.backdoor_persistence.before", "condition",
                    persistence.before(), swept, "swept conditions");
        }
    }

    /** The metrics a chart or table of {@code base} may name: its evaluation plan's. */
    private static List<String> knownMetrics(EnvSpec spec, Scenario base) {
        return evaluationPlan(spec, base).metricNames();
    }

    /** What {@code base}'s runs will measure, from its environment, learner type and evaluation settings. */
    private static EvaluationPlan evaluationPlan(EnvSpec spec, Scenario base) {
        // The capabilities each learner type provides, until the learner registry declares them.
        Set<Metric.Need> provides = EnumSet.noneOf(Metric.Need.class);
        if ("alignment-faking-planner".equals(base.learner().type())) {
            provides.addAll(List.of(Metric.Need.DECISION_LOG, Metric.Need.GOAL_VECTOR));
        }
        if (Boolean.TRUE.equals(base.learner().params().get("belief_head"))) {
            provides.add(Metric.Need.BELIEF_HEAD);
        }
        if ("persona-mixture".equals(base.learner().type())) {
            provides.add(Metric.Need.PERSONA_SHARES);
        }
        return EvaluationPlan.forScenario(spec, provides, new EvaluationPlan.Settings(base.evaluation().suite() != null,
                base.evaluation().curve() != null, base.report().persistence() != null));
    }

    /** The charts, whose x must be a sweep key and whose series must name evaluated distributions. */
    List<ChartConfig> charts(Node node, Set<String> sweepKeys, Scenario base) {
        if (node == null) {
            return List.of();
        }
        EnvSpec spec = specs.apply(base.environment().id());
        List<String> metrics = knownMetrics(spec, base);
        boolean planner = "alignment-faking-planner".equals(base.learner().type());
        boolean mixture = "persona-mixture".equals(base.learner().type());
        List<Node> items = Section.list(node, "charts");
        List<ChartConfig> charts = new ArrayList<>();
        Map<String, Origin> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "charts." + i;
            Section s = Section.of(items.get(i), path,
                    List.of("kind", "name", "title", "x", "y", "labels", "x_label", "y_label", "categories", "fit"));
            String kind = s.get("kind") == null ? "sweep" : Section.oneOf(s.get("kind"), s.field("kind"),
                    List.of("sweep", "bars", "curve", "scatter"), "chart kind");
            if (kind.equals("curve")) {
                charts.add(curveChart(s, base, spec, names));
                continue;
            }
            if (s.get("fit") != null) {
                throw new ScenarioException(s.get("fit").origin(), s.field("fit"), "only a curve chart draws fits", null);
            }
            boolean bars = kind.equals("bars");
            boolean scatter = kind.equals("scatter");
            Node nameNode = s.require("name");
            String name = Section.matching(nameNode, s.field("name"), NAME);
            if (names.putIfAbsent(name, nameNode.origin()) != null) {
                throw new ScenarioException(nameNode.origin(), s.field("name"), "chart name '" + name
                        + "' is used twice", "chart names are file names");
            }
            String title = s.get("title") == null ? name : Section.text(s.get("title"), s.field("title"));
            // A scatter's x is a metric series like its y; the other kinds' x is an axis of the sweep.
            String x = scatter ? metricSeries(s.require("x"), s.field("x"), base, metrics, spec)
                    : bars ? barsAxis(s.require("x"), s.field("x"), sweepKeys)
                    : sweepKey(s.require("x"), s.field("x"), sweepKeys);
            // Bars over distributions take plain metrics; bars over a swept key take series, like lines.
            boolean metricsOnly = bars && x.equals("distribution");
            List<String> y = new ArrayList<>();
            Node yNode = s.require("y");
            List<Node> series = Section.list(yNode, s.field("y"));
            if (series.isEmpty()) {
                throw new ScenarioException(yNode.origin(), s.field("y"), "needs at least one series", null);
            }
            for (int j = 0; j < series.size(); j++) {
                String field = s.field("y") + "." + j;
                // A planner's learner/<metric> series is about its parameters, not an evaluated distribution.
                boolean aboutLearner = (planner || mixture) && !metricsOnly
                        && Section.text(series.get(j), field).startsWith(DeceptiveAlignment.LEARNER + "/");
                String item = metricsOnly ? Section.matching(series.get(j), field, METRIC)
                        : aboutLearner ? Section.text(series.get(j), field) : series(series.get(j), field, base);
                y.add(knownMetric(series.get(j), field, item, metrics, spec));
            }
            List<String> labels = labels(s, "labels", y.size(), "series", "y series");
            if (labels.isEmpty()) {
                labels = y;
            }
            List<String> categories = metricsOnly ? categories(s.get("categories"), s.field("categories"), base)
                    : List.of();
            if (!metricsOnly && s.get("categories") != null) {
                throw new ScenarioException(s.get("categories").origin(), s.field("categories"),
                        "only a bars chart over distributions has categories", "remove it, or set kind: bars and "
                        + "x: distribution");
            }
            String xLabel = s.get("x_label") == null ? x : Section.text(s.get("x_label"), s.field("x_label"));
            String yLabel = s.get("y_label") == null ? "" : Section.text(s.get("y_label"), s.field("y_label"));
            charts.add(new ChartConfig(kind, name, title, x, y, labels, xLabel, yLabel, categories));
        }
        return charts;
    }

    /** A {@code curve} chart: x is steps or sqrt_kl, y series name a curve distribution or its best-of-n. */
    private static ChartConfig curveChart(Section s, Scenario base, EnvSpec spec, Map<String, Origin> names) {
        CurveConfig curve = base.evaluation().curve();
        Node kindNode = s.get("kind");
        if (curve == null) {
            throw new ScenarioException(kindNode.origin(), s.field("kind"), "a curve chart needs evaluation.curve",
                    "add evaluation: {curve: {every: ...}}");
        }
        Node nameNode = s.require("name");
        String name = Section.matching(nameNode, s.field("name"), NAME);
        if (names.putIfAbsent(name, nameNode.origin()) != null) {
            throw new ScenarioException(nameNode.origin(), s.field("name"), "chart name '" + name
                    + "' is used twice", "chart names are file names");
        }
        String title = s.get("title") == null ? name : Section.text(s.get("title"), s.field("title"));
        String x = Section.oneOf(s.require("x"), s.field("x"), List.of("steps", "sqrt_kl"), "curve axis");
        List<String> bases = new ArrayList<>();
        for (String d : curve.distributions()) {
            bases.add(d);
            if (curve.bestOfNPool() > 0) {
                bases.add(d + CurveConfig.BEST_OF_N);
            }
        }
        List<String> metrics = evaluationPlan(spec, base).curveMetricNames();
        Node yNode = s.require("y");
        List<Node> series = Section.list(yNode, s.field("y"));
        if (series.isEmpty()) {
            throw new ScenarioException(yNode.origin(), s.field("y"), "needs at least one series", null);
        }
        List<String> y = new ArrayList<>();
        for (int j = 0; j < series.size(); j++) {
            String field = s.field("y") + "." + j;
            String text = Section.text(series.get(j), field);
            int slash = text.indexOf('/');
            String curveBase = slash < 0 ? text : text.substring(0, slash);
            if (slash < 0 || !bases.contains(curveBase)) {
                throw Section.unknown(series.get(j).origin(), field, "curve", curveBase, bases, "recorded");
            }
            String metric = text.substring(slash + 1);
            if (!metrics.contains(metric)) {
                throw Section.unknown(series.get(j).origin(), field, "metric", metric, metrics, "curve");
            }
            y.add(text);
        }
        List<String> labels = labels(s, "labels", y.size(), "series", "y series");
        if (labels.isEmpty()) {
            labels = y;
        }
        if (s.get("categories") != null) {
            throw new ScenarioException(s.get("categories").origin(), s.field("categories"),
                    "only a bars chart over distributions has categories", null);
        }
        boolean fit = s.get("fit") != null && (Boolean) Section.param(ParamSpec.bool("fit", false, ""), s.get("fit"),
                s.field("fit"));
        if (fit && !x.equals("sqrt_kl")) {
            throw new ScenarioException(s.get("fit").origin(), s.field("fit"), "fits are curves of d = sqrt(KL)",
                    "set x: sqrt_kl");
        }
        String xLabel = s.get("x_label") == null ? (x.equals("steps") ? "training steps" : "d = sqrt(KL to initial policy)")
                : Section.text(s.get("x_label"), s.field("x_label"));
        String yLabel = s.get("y_label") == null ? "" : Section.text(s.get("y_label"), s.field("y_label"));
        return new ChartConfig("curve", name, title, x, y, labels, xLabel, yLabel, List.of(), fit);
    }

    /** A {@code distribution/metric} series whose metric the environment reports. */
    private static String metricSeries(Node node, String field, Scenario base, List<String> metrics, EnvSpec spec) {
        return knownMetric(node, field, series(node, field, base), metrics, spec);
    }

    /** {@code item} (a metric, or a series ending in one) when its metric is among {@code metrics}. */
    private static String knownMetric(Node node, String field, String item, List<String> metrics, EnvSpec spec) {
        String metric = item.substring(item.indexOf('/') + 1);
        if (!metrics.contains(metric)) {
            throw Section.unknown(node.origin(), field, "metric", metric, metrics, spec.id() + "'s");
        }
        return item;
    }

    private static String barsAxis(Node node, String field, Set<String> sweepKeys) {
        String text = Section.text(node, field);
        if (text.equals("distribution")) {
            return text;
        }
        if (sweepKeys.isEmpty()) {
            throw new ScenarioException(node.origin(), field, "a bars chart groups by distribution or by a sweep key, "
                    + "got '" + text + "'", "the scenario has no sweep; write x: distribution");
        }
        return sweepKey(node, field, sweepKeys);
    }

    /** A bars chart's groups: evaluated distributions, or contrasts {@code a-vs-b} of two of them. */
    private static List<String> categories(Node node, String field, Scenario base) {
        List<String> evaluated = base.evaluation().reported();
        if (node == null) {
            return evaluated;
        }
        List<String> categories = new ArrayList<>();
        List<Node> items = Section.list(node, field);
        for (int j = 0; j < items.size(); j++) {
            String text = Section.text(items.get(j), field + "." + j);
            String[] sides = text.split("-vs-", -1);
            for (String side : sides) {
                if (!evaluated.contains(side)) {
                    throw Section.unknown(items.get(j).origin(), field + "." + j, "distribution", side, evaluated,
                            "evaluated");
                }
            }
            if (sides.length > 2) {
                throw new ScenarioException(items.get(j).origin(), field + "." + j, "expected a distribution or a-vs-b, got '"
                        + text + "'", null);
            }
            categories.add(text);
        }
        return categories;
    }

    private static String sweepKey(Node node, String field, Set<String> sweepKeys) {
        String text = Section.text(node, field);
        String key;
        try {
            key = DottedPath.canonical(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(node.origin(), field, e.getMessage(), null);
        }
        if (!sweepKeys.contains(key)) {
            throw new ScenarioException(node.origin(), field, "'" + text + "' is not a sweep key",
                    sweepKeys.isEmpty() ? "the scenario has no sweep" : Spelling.hint(key, sweepKeys, "sweep keys"));
        }
        return key;
    }

    private static String series(Node node, String field, Scenario base) {
        String text = Section.text(node, field);
        var m = SERIES.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException(node.origin(), field, "expected distribution/metric, got \"" + text + "\"",
                    "e.g. test/got_coin, or 1-train/got_coin for one minus the metric");
        }
        String distribution = m.group(2);
        List<String> evaluated = base.evaluation().reported();
        String[] sides = distribution.split("-vs-", -1);
        if (sides.length == 2 && evaluated.contains(sides[0]) && evaluated.contains(sides[1])) {
            return text; // a contrast of two evaluated distributions, e.g. the conditional-misbehaviour gap
        }
        if (base.environment().distributions().containsKey(distribution) && !evaluated.contains(distribution)) {
            throw new ScenarioException(node.origin(), field, "distribution '" + distribution + "' is not evaluated",
                    "add it to evaluation.distributions");
        }
        if (!evaluated.contains(distribution)) {
            throw Section.unknown(node.origin(), field, "distribution", distribution, evaluated, "evaluated");
        }
        return text;
    }
}

