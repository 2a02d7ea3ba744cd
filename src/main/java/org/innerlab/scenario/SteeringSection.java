package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.ActivationSteering;
import org.innerlab.learner.Learners;
import org.innerlab.measure.SteeringVector;
import org.innerlab.scenario.Node.Entry;

/**
 * The {@code evaluation.steering} section: steering vectors added to a hidden layer during evaluation
 * ({@link SteeringVector}).
 *
 * <pre>
 * evaluation:
 *   steering:
 *     episodes: 100                 # episodes played per state set (default 100)
 *     distributions: [test]         # evaluated distributions that get steered twins (default: all evaluated)
 *     vectors:
 *       - name: cheese              # reported as test-steered-cheese@-1, ...
 *         layer: 1                  # hidden layer, from 1 (default 1)
 *         plus:  {distribution: test, states: start}     # states: visited (default) | start
 *         minus: {distribution: train, states: start}
 *         coefficients: [-1, 1]     # c of c * vector; never 0 (that is the distribution itself)
 *       - name: top-right
 *         plus:  {distribution: test, where: {agent_x: [0.8, 1], agent_y: [0, 0.2]}}
 *         minus: {distribution: test}
 *         coefficients: [1]
 *       - name: both                # composition: a weighted sum of earlier vectors of one layer
 *         sum: {cheese: -1, top-right: 1}
 *         coefficients: [1]
 * </pre>
 */
final class SteeringSection {
    static final List<String> KEYS = List.of("episodes", "distributions", "vectors");
    static final List<String> VECTOR_KEYS = List.of("name", "layer", "plus", "minus", "sum", "coefficients");
    static final List<String> SET_KEYS = List.of("distribution", "states", "where");
    static final List<String> STATES = List.of("visited", "start");
    static final int DEFAULT_EPISODES = 100;
    private static final ParamSpec COEFFICIENT = ParamSpec.real("coefficient", 1, -1e6, 1e6, "");
    private static final ParamSpec BOUND = ParamSpec.real("bound", 0, -1e9, 1e9, "");

    private SteeringSection() {
    }

    /**
     * The steering written at {@code node}; the learner must be able to steer ({@link ActivationSteering})
     * and every steered distribution must be among {@code evaluated}.
     */
    static EvaluationConfig.Steering parse(Node node, String field, EnvironmentConfig environment, EnvSpec spec,
                                           LearnerConfig learner, List<String> evaluated) {
        Section s = Section.of(node, field, KEYS);
        if (!ActivationSteering.class.isAssignableFrom(Learners.TYPES.require(learner.type()).learnerClass())) {
            throw new ScenarioException(node.origin(), field, "steering adds vectors to a hidden layer, and learner "
                    + "type '" + learner.type() + "' has none", "use learner type mlp or remove evaluation.steering");
        }
        int episodes = s.get("episodes") == null ? DEFAULT_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, ScenarioSchema.MAX_EPISODES);
        List<String> distributions = evaluated;
        if (s.get("distributions") != null) {
            distributions = new ArrayList<>();
            List<Node> items = Section.list(s.get("distributions"), s.field("distributions"));
            for (int i = 0; i < items.size(); i++) {
                String d = Section.oneOf(items.get(i), s.field("distributions") + "." + i, evaluated,
                        "evaluated distribution");
                if (!distributions.contains(d)) {
                    distributions.add(d);
                }
            }
        }
        int layers = learner.params().get("hidden_2") instanceof Integer h2 && h2 > 0 ? 2 : 1;
        Node vectorsNode = s.require("vectors");
        List<Node> items = Section.list(vectorsNode, s.field("vectors"));
        if (items.isEmpty()) {
            throw new ScenarioException(vectorsNode.origin(), s.field("vectors"), "needs at least one vector", null);
        }
        Map<String, SteeringVector> vectors = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            SteeringVector v = vector(items.get(i), s.field("vectors") + "." + i, environment, spec, layers, vectors);
            vectors.put(v.name(), v);
        }
        return new EvaluationConfig.Steering(episodes, distributions, List.copyOf(vectors.values()));
    }

    private static SteeringVector vector(Node node, String path, EnvironmentConfig environment, EnvSpec spec,
                                         int layers, Map<String, SteeringVector> earlier) {
        Section v = Section.of(node, path, VECTOR_KEYS);
        Node nameNode = v.require("name");
        String name = Section.matching(nameNode, v.field("name"), ScenarioSchema.NAME);
        if (earlier.containsKey(name)) {
            throw new ScenarioException(nameNode.origin(), v.field("name"), "vector name '" + name + "' is used twice",
                    null);
        }
        List<Double> coefficients = coefficients(v);
        if (v.get("sum") != null) {
            for (String key : List.of("layer", "plus", "minus")) {
                if (v.get(key) != null) {
                    throw new ScenarioException(v.get(key).origin(), v.field(key), "a composed vector takes its layer "
                            + "and states from its parts", "remove " + key + ", or remove sum");
                }
            }
            Map<String, Double> sum = new LinkedHashMap<>();
            int layer = 0;
            for (Entry e : Section.mapping(v.get("sum"), v.field("sum")).entries()) {
                String f = v.field("sum") + "." + e.key();
                SteeringVector part = earlier.get(e.key());
                if (part == null) {
                    throw Section.unknown(e.keyOrigin(), f, "vector", e.key(), earlier.keySet(), "vectors above");
                }
                if (layer != 0 && part.layer() != layer) {
                    throw new ScenarioException(e.keyOrigin(), f, "vector '" + e.key() + "' steers layer "
                            + part.layer() + ", the others layer " + layer, "compose vectors of one layer");
                }
                layer = part.layer();
                sum.put(e.key(), (Double) Section.param(COEFFICIENT, e.value(), f));
            }
            if (sum.isEmpty()) {
                throw new ScenarioException(v.get("sum").origin(), v.field("sum"), "needs at least one vector", null);
            }
            return new SteeringVector(name, layer, null, null, sum, coefficients);
        }
        int layer = v.get("layer") == null ? 1 : (int) Section.integer(v.get("layer"), v.field("layer"), 1, layers);
        SteeringVector.StateSet plus = stateSet(v.require("plus"), v.field("plus"), environment, spec);
        SteeringVector.StateSet minus = stateSet(v.require("minus"), v.field("minus"), environment, spec);
        return new SteeringVector(name, layer, plus, minus, Map.of(), coefficients);
    }

    private static List<Double> coefficients(Section v) {
        Node node = v.require("coefficients");
        List<Node> items = Section.list(node, v.field("coefficients"));
        if (items.isEmpty()) {
            throw new ScenarioException(node.origin(), v.field("coefficients"), "needs at least one coefficient", null);
        }
        List<Double> coefficients = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String f = v.field("coefficients") + "." + i;
            double c = (Double) Section.param(COEFFICIENT, items.get(i), f);
            if (c == 0) {
                throw new ScenarioException(items.get(i).origin(), f, "coefficient 0 is the unsteered distribution",
                        "remove it; charts draw the unsteered distribution at 0");
            }
            if (coefficients.contains(c)) {
                throw new ScenarioException(items.get(i).origin(), f, "coefficient " + SteeringVector.coefficient(c)
                        + " is listed twice", null);
            }
            coefficients.add(c);
        }
        return coefficients;
    }

    private static SteeringVector.StateSet stateSet(Node node, String path, EnvironmentConfig environment,
                                                    EnvSpec spec) {
        Section s = Section.of(node, path, SET_KEYS);
        String distribution = Section.oneOf(s.require("distribution"), s.field("distribution"),
                environment.distributions().keySet(), "distribution");
        boolean start = s.get("states") != null
                && Section.oneOf(s.get("states"), s.field("states"), STATES, "state choice").equals("start");
        List<SteeringVector.Range> where = new ArrayList<>();
        if (s.get("where") != null) {
            for (Entry e : Section.mapping(s.get("where"), s.field("where")).entries()) {
                String f = s.field("where") + "." + e.key();
                int feature = spec.features().indexOf(e.key());
                if (feature < 0) {
                    throw Section.unknown(e.keyOrigin(), f, "global feature", e.key(), spec.features(),
                            spec.id() + "'s features");
                }
                List<Node> bounds = Section.list(e.value(), f);
                if (bounds.size() != 2) {
                    throw new ScenarioException(e.value().origin(), f, "expected [low, high], got " + bounds.size()
                            + " numbers", null);
                }
                double low = (Double) Section.param(BOUND, bounds.get(0), f + ".0");
                double high = (Double) Section.param(BOUND, bounds.get(1), f + ".1");
                if (low > high) {
                    throw new ScenarioException(e.value().origin(), f, "low " + low + " is above high " + high,
                            "write [low, high]");
                }
                where.add(new SteeringVector.Range(feature, e.key(), low, high));
            }
        }
        return new SteeringVector.StateSet(distribution, start, where);
    }

    /** The section as {@link ScenarioWriter} writes it back. */
    static Map<String, Object> tree(EvaluationConfig.Steering steering) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", steering.episodes());
        m.put("distributions", steering.distributions());
        List<Object> vectors = new ArrayList<>();
        for (SteeringVector v : steering.vectors()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", v.name());
            if (v.composed()) {
                t.put("sum", v.sum());
            } else {
                t.put("layer", v.layer());
                t.put("plus", tree(v.plus()));
                t.put("minus", tree(v.minus()));
            }
            t.put("coefficients", v.coefficients());
            vectors.add(t);
        }
        m.put("vectors", vectors);
        return m;
    }

    private static Map<String, Object> tree(SteeringVector.StateSet set) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", set.distribution());
        m.put("states", set.startOnly() ? "start" : "visited");
        if (!set.where().isEmpty()) {
            Map<String, Object> where = new LinkedHashMap<>();
            set.where().forEach(r -> where.put(r.name(), List.of(r.low(), r.high())));
            m.put("where", where);
        }
        return m;
    }
}
