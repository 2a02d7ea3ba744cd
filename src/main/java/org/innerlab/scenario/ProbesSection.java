package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvSpec;
import org.innerlab.inspect.ProbeDesign;
import org.innerlab.learner.HiddenActivations;
import org.innerlab.learner.Learners;
import org.innerlab.measure.MetricCatalog;

/**
 * The {@code evaluation.probes} section: linear probes on the learner's hidden activations
 * ({@link ProbeDesign}), one per name.
 *
 * <pre>
 * evaluation:
 *   probes:
 *     defection:                  # reported as probes/probe_auroc/defection
 *       positive: triggered       # label 1: states of this distribution
 *       negative: untriggered     # label 0: states of this one
 *       layer: 1                  # the hidden layer read (default 1)
 *       within: 0                 # k &gt; 0: label 1 when the agent misbehaves within k steps instead (default 0)
 *       contrast:                 # a generic-contrast probe: fit on these two distributions instead
 *         positive: unwatched
 *         negative: watched
 *         personas:               # optional: teacher personas act on the two sides, not the learner
 *           positive: shortcut    #   (then the two distributions may be the same one)
 *           negative: aligned
 *       episodes: 50              # episodes per distribution for the fit, and again for the score
 *       l2: 0.01                  # the probe's L2 penalty
 * </pre>
 */
final class ProbesSection {
    static final List<String> KEYS = List.of("positive", "negative", "layer", "within", "contrast", "episodes", "l2");
    static final List<String> CONTRAST_KEYS = List.of("positive", "negative", "personas");
    static final List<String> PERSONA_KEYS = List.of("positive", "negative");
    private static final ParamSpec L2 = ParamSpec.real("l2", ProbeDesign.DEFAULT_L2, 0, 1e6, "");

    private ProbesSection() {
    }

    /** The probes written at {@code node} (a map from name to probe), checked against the learner and environment. */
    static List<ProbeDesign> parse(Node node, String field, EnvironmentConfig environment, EnvSpec spec,
                                   LearnerConfig learner) {
        Node.Mapping map = Section.mapping(node, field);
        Class<?> learnerClass = Learners.TYPES.require(learner.type()).learnerClass();
        if (!HiddenActivations.class.isAssignableFrom(learnerClass)) {
            throw new ScenarioException(node.origin(), field, "learner '" + learner.type()
                    + "' has no hidden activations to probe", "probes read an mlp learner's hidden layers");
        }
        if (environment.distributions().containsKey(MetricCatalog.PROBES)) {
            throw new ScenarioException(node.origin(), field, "probes report under '" + MetricCatalog.PROBES
                    + "', which is also a distribution's name", "rename that distribution");
        }
        int layers = learner.params().get("hidden_2") instanceof Number n && n.intValue() > 0 ? 2 : 1;
        Set<String> distributions = environment.distributions().keySet();
        List<ProbeDesign> probes = new ArrayList<>();
        for (Node.Entry e : map.entries()) {
            String path = Section.join(field, e.key());
            if (!ProbeDesign.NAME.matcher(e.key()).matches()) {
                throw new ScenarioException(e.keyOrigin(), path, "probe name must match " + ProbeDesign.NAME.pattern(),
                        "e.g. defection");
            }
            Section s = Section.of(e.value(), path, KEYS);
            String positive = Section.oneOf(s.require("positive"), s.field("positive"), distributions, "distribution");
            String negative = Section.oneOf(s.require("negative"), s.field("negative"), distributions, "distribution");
            int layer = s.get("layer") == null ? 1 : (int) Section.integer(s.get("layer"), s.field("layer"), 1, layers);
            int within = s.get("within") == null ? 0
                    : (int) Section.integer(s.get("within"), s.field("within"), 0, ScenarioSchema.MAX_STEPS);
            if (within > 0 && spec.oversight() == null) {
                throw new ScenarioException(s.get("within").origin(), s.field("within"), spec.id()
                        + " declares no misbehaviour", "label by distribution instead (within: 0)");
            }
            if (within == 0 && positive.equals(negative)) {
                throw new ScenarioException(s.get("negative").origin(), s.field("negative"),
                        "positive and negative are the same distribution", "name two distributions, or set within");
            }
            ProbeDesign.Contrast contrast = null;
            if (s.get("contrast") != null) {
                Section c = Section.of(s.get("contrast"), s.field("contrast"), CONTRAST_KEYS);
                String cp = Section.oneOf(c.require("positive"), c.field("positive"), distributions, "distribution");
                String cn = Section.oneOf(c.require("negative"), c.field("negative"), distributions, "distribution");
                String pp = null;
                String pn = null;
                if (c.get("personas") != null) {
                    Section ps = Section.of(c.get("personas"), c.field("personas"), PERSONA_KEYS);
                    List<String> known = personas(spec, c.get("personas"), c.field("personas"));
                    pp = Section.oneOf(ps.require("positive"), ps.field("positive"), known, "persona");
                    pn = Section.oneOf(ps.require("negative"), ps.field("negative"), known, "persona");
                    if (pp.equals(pn) && cp.equals(cn)) {
                        throw new ScenarioException(ps.get("negative").origin(), ps.field("negative"),
                                "both sides of the contrast are the same persona in the same distribution",
                                "name two personas");
                    }
                } else if (cp.equals(cn)) {
                    throw new ScenarioException(c.get("negative").origin(), c.field("negative"),
                            "a contrast needs two different distributions", null);
                }
                contrast = new ProbeDesign.Contrast(cp, cn, pp, pn);
            }
            int episodes = s.get("episodes") == null ? ProbeDesign.DEFAULT_EPISODES
                    : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, ScenarioSchema.MAX_EPISODES);
            double l2 = s.get("l2") == null ? ProbeDesign.DEFAULT_L2
                    : (Double) Section.param(L2, s.get("l2"), s.field("l2"));
            probes.add(new ProbeDesign(e.key(), layer, positive, negative, within, contrast, episodes, l2));
        }
        if (probes.isEmpty()) {
            throw new ScenarioException(node.origin(), field, "needs at least one probe", "e.g. defection: "
                    + "{ positive: triggered, negative: untriggered }");
        }
        return probes;
    }

    /** The personas of {@code spec}'s environment, or a located error when it has none. */
    private static List<String> personas(EnvSpec spec, Node node, String field) {
        if (!Personas.environments().contains(spec.id())) {
            throw new ScenarioException(node.origin(), field, spec.id() + " has no teacher personas",
                    "use an environment with personas (" + String.join(", ", Personas.environments())
                            + ") or remove personas");
        }
        return Personas.forEnvironment(spec).names();
    }

    /** The section as {@link ScenarioWriter} writes it back (every key, so sweeps can set any). */
    static Map<String, Object> tree(List<ProbeDesign> probes) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ProbeDesign p : probes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("positive", p.positive());
            m.put("negative", p.negative());
            m.put("layer", p.layer());
            m.put("within", p.within());
            if (p.generic()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("positive", p.contrast().positive());
                c.put("negative", p.contrast().negative());
                if (p.contrast().personas()) {
                    Map<String, Object> personas = new LinkedHashMap<>();
                    personas.put("positive", p.contrast().positivePersona());
                    personas.put("negative", p.contrast().negativePersona());
                    c.put("personas", personas);
                }
                m.put("contrast", c);
            }
            m.put("episodes", p.episodes());
            m.put("l2", p.l2());
            all.put(p.name(), m);
        }
        return all;
    }
}
