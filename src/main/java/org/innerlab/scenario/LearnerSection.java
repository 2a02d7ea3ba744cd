package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.observe.EgocentricEncoder;

/**
 * The {@code learner} section: the learner type (from {@link Learners}), its parameters with
 * defaults filled, and what it observes ({@code learner.observation}: view radius, global features
 * the environment declares, control tags, the full board).
 */
final class LearnerSection {
    static final List<String> KEYS = List.of("type", "observation", "params");
    static final List<String> OBSERVATION_KEYS = List.of("view_radius", "global_features", "control_tags",
            "full_board");
    static final int MAX_VIEW_RADIUS = (int) EgocentricEncoder.TYPE.info().param("view_radius").max();
    static final int DEFAULT_VIEW_RADIUS = (Integer) EgocentricEncoder.TYPE.info().param("view_radius").defaultValue();

    private LearnerSection() {
    }

    /** The learner written at {@code node}, observing an environment of {@code spec}. */
    static LearnerConfig parse(Node node, EnvSpec spec) {
        Section s = Section.of(node, "learner", KEYS);
        String type = Section.oneOf(s.require("type"), "learner.type", Learners.TYPES.ids(), "learner type");
        LearnerType<?> entry = Learners.TYPES.require(type);
        ObservationConfig observation = observation(s.get("observation"), spec);
        String owner = "learner " + type;
        Map<String, Object> overrides = Section.params(s.get("params"), "learner.params", entry.info().params(), owner);
        return new LearnerConfig(type, observation, ParamSet.resolve(owner, entry.info().params(), overrides));
    }

    /** {@code learner.observation}; the defaults when it is absent. */
    private static ObservationConfig observation(Node node, EnvSpec spec) {
        if (node == null) {
            return new ObservationConfig(DEFAULT_VIEW_RADIUS, List.of());
        }
        Section s = Section.of(node, "learner.observation", OBSERVATION_KEYS);
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
}
