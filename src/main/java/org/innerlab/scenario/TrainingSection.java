package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.core.ParamSet;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.Ensemble;
import org.innerlab.regime.BehaviourCloning;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;

/**
 * The {@code training} section: the stages in order, each a regime (from {@link Regimes}) that
 * can train the learner, its budget in environment steps, its rater, its parameters, and for the
 * regimes that learn from demonstrations their data; plus the rules between a stage and the learner's
 * heads (tag head, belief head) and between stages (a belief head distilled away stays away).
 */
final class TrainingSection {
    static final List<String> STAGE_KEYS = List.of("regime", "steps", "rater", "params", "data");

    private TrainingSection() {
    }

    /**
     * The stages written at {@code node} for {@code learner}; {@code topData} is the scenario's own
     * {@code data} (null when absent), which a stage's {@code data} is merged into.
     */
    static List<StageConfig> parse(Node node, LearnerConfig learner, EnvSpec spec, Node topData,
                                   Set<String> distributions) {
        // An ensemble's regime trains each of its members: the members' type is the one to check.
        String learnerType = Ensemble.trainedType(learner.type(), learner.params());
        List<Node> items = Section.list(node, "training");
        if (items.isEmpty()) {
            throw new ScenarioException(node.origin(), "training", "needs at least one stage", null);
        }
        List<StageConfig> stages = new ArrayList<>();
        boolean distilled = false;
        for (int i = 0; i < items.size(); i++) {
            String path = "training." + i;
            Section s = Section.of(items.get(i), path, STAGE_KEYS);
            Node regimeNode = s.require("regime");
            String regime = Section.oneOf(regimeNode, s.field("regime"), Regimes.TYPES.ids(), "regime");
            RegimeType entry = Regimes.TYPES.require(regime);
            requireRegimeTrains(entry, regime, learnerType, regimeNode, s.field("regime"),
                    learnerType.equals(learner.type()) ? "" : ", the type of the " + learner.type() + "'s members");
            boolean cloning = regime.equals(StageConfig.BEHAVIOUR_CLONING);
            long steps = cloning ? 0
                    : Section.integer(s.require("steps"), s.field("steps"), 1, ScenarioSchema.MAX_STEPS);
            if (cloning && s.has("steps")) {
                throw new ScenarioException(s.get("steps").origin(), s.field("steps"),
                        "behaviour cloning has no environment steps", "its budget is params.epochs passes over the data");
            }
            Node raterNode = s.get("rater") == null ? Scalar.of(RaterSection.DEFAULT_RATER, s.map().origin())
                    : s.get("rater");
            if (cloning && s.has("rater")) {
                throw new ScenarioException(raterNode.origin(), s.field("rater"), "behaviour cloning has no rater",
                        "it learns the demonstrations in data: (a rater scores RL stages)");
            }
            boolean adversarial = regime.equals(StageConfig.ADVERSARIAL_TRAINING);
            if (adversarial && s.has("rater")) {
                throw new ScenarioException(raterNode.origin(), s.field("rater"), "adversarial training has no rater",
                        "it clones data.good's actions where its red team finds misbehaviour");
            }
            RaterSection.Choice rater = RaterSection.parse(raterNode, s.field("rater"), spec);
            String owner = "regime " + regime;
            Map<String, Object> overrides = Section.params(s.get("params"), s.field("params"), entry.info().params(),
                    owner);
            Map<String, Object> params = ParamSet.resolve(owner, entry.info().params(), overrides);
            DataConfig data = null;
            if (entry.data() == RegimeType.DataUse.DEMONSTRATIONS) {
                data = stageData(s, regime, topData, spec, distributions);
            } else if (entry.data() == RegimeType.DataUse.RED_TEAM) {
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
     * The one rule of which regime can train which learner type: the learner type must provide the
     * capability the regime trains ({@code whose} names an ensemble whose members' type it is, else "").
     */
    private static void requireRegimeTrains(RegimeType entry, String regime, String learnerType,
                                            Node regimeNode, String field, String whose) {
        if (!Regimes.trains(entry, learnerType)) {
            throw new ScenarioException(regimeNode.origin(), field, "regime '" + regime
                    + "' cannot train learner type '" + learnerType + "'" + whose,
                    "it trains " + String.join(", ", Regimes.learnerTypesTrainedBy(entry)));
        }
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
            return DataSection.parse(topData, "data", spec, distributions);
        }
        if (topData == null) {
            return DataSection.parse(own, stage.field("data"), spec, distributions);
        }
        Mapping override = Section.mapping(own, stage.field("data"));
        Mapping base = Section.mapping(topData, "data");
        if (override.get("teachers") != null) {
            base = base.without("good").without("bad").without("bad_fraction");
        } else if (override.get("good") != null || override.get("bad") != null || override.get("bad_fraction") != null) {
            base = base.without("teachers");
        }
        return DataSection.parse(Conditions.merge(base, override), stage.field("data"), spec, distributions);
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
}
