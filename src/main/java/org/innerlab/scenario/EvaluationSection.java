package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvSpec;
import org.innerlab.inspect.Audit;
import org.innerlab.inspect.ProbeDesign;

/**
 * The {@code evaluation} section: how many episodes on which distributions, with which policy and
 * control tag, the persona reference and attack, the training curve ({@code evaluation.curve}), the
 * evaluation-awareness suite ({@link SuiteSection}), belief steering, activation steering
 * ({@link SteeringSection}), probes ({@link ProbesSection}) and the auditing game ({@code audit}); each
 * extra checked against
 * what the learner and the environment have.
 */
final class EvaluationSection {
    static final List<String> KEYS = List.of("episodes", "distributions", "policy", "tag", "tag_guided",
            "reference", "attack", "curve", "suite", "belief_steering", "steering", "probes",
            "audit");
    static final List<String> AUDIT_KEYS = List.of("budget");
    static final List<String> ATTACK_KEYS = List.of("persona", "steps");
    static final List<String> CURVE_KEYS = List.of("every", "episodes", "distributions", "reference_stage",
            "best_of_n", "online");
    static final List<String> BEST_OF_N_KEYS = List.of("pool", "n");
    static final int DEFAULT_EPISODES = 500;
    static final int DEFAULT_CURVE_EPISODES = 50;
    static final int DEFAULT_AUDIT_BUDGET = 20;
    static final List<String> POLICIES = List.of("sampled", "greedy", "both");
    static final List<String> TAGS = List.of("none", "good", "bad");

    private EvaluationSection() {
    }

    /** The evaluation written at {@code node}, the defaults when it is absent; training has {@code stages} stages. */
    static EvaluationConfig parse(Node node, EnvironmentConfig environment, EnvSpec spec, LearnerConfig learner,
                                  int stages) {
        Set<String> distributions = environment.distributions().keySet();
        if (node == null) {
            return new EvaluationConfig(DEFAULT_EPISODES, List.copyOf(distributions), POLICIES.get(0));
        }
        Section s = Section.of(node, "evaluation", KEYS);
        int episodes = s.get("episodes") == null ? DEFAULT_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, ScenarioSchema.MAX_EPISODES);
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
                Section a = Section.of(s.get("attack"), s.field("attack"), ATTACK_KEYS);
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
        EvaluationConfig.Steering vectors = s.get("steering") == null ? null
                : SteeringSection.parse(s.get("steering"), s.field("steering"), environment, spec, learner, names);
        List<ProbeDesign> probes = s.get("probes") == null ? List.of()
                : ProbesSection.parse(s.get("probes"), s.field("probes"), environment, spec, learner);
        Audit.Design audit = s.get("audit") == null ? null
                : audit(s.get("audit"), s.field("audit"), environment, spec, learner);
        return new EvaluationConfig(episodes, names, policy, tag, tagGuided, reference, attack, curve, suite, steering,
                vectors, probes, audit);
    }

    /**
     * {@code evaluation.audit}: the auditors' common episode budget. The auditors write the observation's
     * global features (1 to {@value Audit#MAX_CUES} of them) and read the environment's misbehaviour.
     */
    private static Audit.Design audit(Node node, String field, EnvironmentConfig environment, EnvSpec spec,
                                      LearnerConfig learner) {
        Section a = Section.of(node, field, AUDIT_KEYS);
        if (spec.oversight() == null) {
            throw new ScenarioException(node.origin(), field, spec.id() + " declares no misbehaviour to audit for",
                    "remove evaluation.audit or choose an environment with oversight");
        }
        int cues = learner.observation().globalFeatures().size();
        if (cues < 1 || cues > Audit.MAX_CUES) {
            throw new ScenarioException(node.origin(), field, "the auditors write the observation's global features, "
                    + "and it has " + cues, "list 1 to " + Audit.MAX_CUES + " in learner.observation.global_features");
        }
        if (environment.distributions().containsKey(Audit.NAME)) {
            throw new ScenarioException(node.origin(), field, "the audit reports under '" + Audit.NAME
                    + "', which is also a distribution's name", "rename that distribution");
        }
        return new Audit.Design(a.get("budget") == null ? DEFAULT_AUDIT_BUDGET
                : (int) Section.integer(a.get("budget"), a.field("budget"), 2, ScenarioSchema.MAX_EPISODES));
    }

    /** {@code evaluation.curve}: interval, episodes, distributions, reference stage, best-of-n and online. */
    private static CurveConfig curve(Node node, String path, Set<String> distributions, int stages) {
        Section s = Section.of(node, path, CURVE_KEYS);
        long every = Section.integer(s.require("every"), s.field("every"), 1, ScenarioSchema.MAX_STEPS);
        int episodes = s.get("episodes") == null ? DEFAULT_CURVE_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, ScenarioSchema.MAX_EPISODES);
        List<String> names = s.get("distributions") == null ? List.of("train")
                : distributionList(s, "distributions", distributions);
        int reference = s.get("reference_stage") == null ? 0
                : (int) Section.integer(s.get("reference_stage"), s.field("reference_stage"), 0, stages - 1);
        int pool = 0;
        List<Integer> ns = new ArrayList<>();
        if (s.get("best_of_n") != null) {
            Section b = Section.of(s.get("best_of_n"), s.field("best_of_n"), BEST_OF_N_KEYS);
            pool = (int) Section.integer(b.require("pool"), b.field("pool"), 1, ScenarioSchema.MAX_EPISODES);
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
        boolean online = s.get("online") != null
                && (Boolean) Section.param(ParamSpec.bool("online", false, ""), s.get("online"), s.field("online"));
        if (online && distributions.contains(CurveConfig.ONLINE)) {
            throw new ScenarioException(s.get("online").origin(), s.field("online"), "records under '"
                    + CurveConfig.ONLINE + "@<steps>', which distribution '" + CurveConfig.ONLINE + "' would share",
                    "rename that distribution");
        }
        return new CurveConfig(every, episodes, names, reference, pool, ns, online);
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
}
