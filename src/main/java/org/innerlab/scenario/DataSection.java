package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.CurationType;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.Differentiable;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.regime.BehaviourCloning;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;

/**
 * The {@code data} section (the scenario's, or a stage's merged into it): who demonstrates, on which
 * distribution, how many episodes with how much noise, and how the demonstrations are curated.
 */
final class DataSection {
    static final List<String> KEYS = List.of("distribution", "episodes", "noise", "good", "bad", "bad_fraction",
            "teachers", "curation", "supervisor");
    static final List<String> TEACHER_KEYS = List.of("persona", "weight");
    static final List<String> SUPERVISOR_KEYS = List.of("type", "params", "epochs", "errors", "error_rate",
            "error_persona");
    /** How a supervisor's erring labels are placed: a fixed set of states, or steps drawn afresh. */
    static final List<String> ERRORS = List.of("systematic", "random");
    static final int DEFAULT_EPISODES = 1000;

    private DataSection() {
    }

    /**
     * The demonstrations section: teachers by persona (the environment must have personas), the
     * distribution they play, and the curation steps, each operator's parameters checked against
     * {@link Curations}.
     */
    static DataConfig parse(Node node, String path, EnvSpec spec, Set<String> distributions) {
        Section s = Section.of(node, path, KEYS);
        if (!Personas.environments().contains(spec.id())) {
            throw new ScenarioException(node.origin(), path, spec.id() + " has no teacher personas to demonstrate with",
                    "environments with personas: " + String.join(", ", Personas.environments()));
        }
        List<String> personas = Personas.forEnvironment(spec).names();
        String distribution = s.get("distribution") == null ? "train"
                : Section.oneOf(s.get("distribution"), s.field("distribution"), distributions, "distribution");
        int episodes = s.get("episodes") == null ? DEFAULT_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, ScenarioSchema.MAX_EPISODES);
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
                Section t = Section.of(items.get(i), field, TEACHER_KEYS);
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
        DataConfig.Supervisor supervisor = s.get("supervisor") == null ? null
                : supervisor(s.get("supervisor"), s.field("supervisor"), personas);
        return new DataConfig(distribution, episodes, noise, good, bad, badFraction, teachers, curation, supervisor);
    }

    /** {@code data.supervisor}: a learner type with its parameters, and where its labels err. */
    private static DataConfig.Supervisor supervisor(Node node, String path, List<String> personas) {
        Section s = Section.of(node, path, SUPERVISOR_KEYS);
        String type = Section.oneOf(s.require("type"), s.field("type"), Learners.TYPES.ids(), "learner type");
        LearnerType<?> entry = Learners.TYPES.require(type);
        if (!entry.provides(Differentiable.class)) {
            throw new ScenarioException(s.get("type").origin(), s.field("type"), "a supervisor is trained by "
                    + "behaviour cloning, which cannot train learner type '" + type + "'",
                    "use linear-softmax or mlp");
        }
        String owner = "learner " + type;
        Map<String, Object> params = ParamSet.resolve(owner, entry.info().params(),
                Section.params(s.get("params"), s.field("params"), entry.info().params(), owner));
        boolean systematic = s.get("errors") == null
                || Section.oneOf(s.get("errors"), s.field("errors"), ERRORS, "kind of errors").equals("systematic");
        double rate = s.get("error_rate") == null ? 0.0 : (Double) Section.param(
                ParamSpec.real("error_rate", 0, 0, 1, ""), s.get("error_rate"), s.field("error_rate"));
        String persona = s.get("error_persona") == null ? personas.get(1)
                : Section.oneOf(s.get("error_persona"), s.field("error_persona"), personas, "persona");
        Integer epochs = s.get("epochs") == null ? null : (int) Section.integer(s.get("epochs"), s.field("epochs"), 1,
                (long) BehaviourCloning.TYPE.info().param("epochs").max());
        return new DataConfig.Supervisor(type, params, persona, rate, systematic, epochs);
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
        CurationType type = Curations.TYPES.find(operator);
        if (type == null) {
            throw Section.unknown(at.origin(), field, "curation operator", operator, Curations.TYPES.ids(), "known");
        }
        List<ParamSpec> specs = type.params(personas);
        String owner = "curation operator " + operator;
        Map<String, Object> overrides = Section.params(params, field + "." + operator, specs, owner);
        return new DataConfig.Step(operator, ParamSet.resolve(owner, specs, overrides));
    }
}
