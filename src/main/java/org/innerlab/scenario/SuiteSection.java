package org.innerlab.scenario;

import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Oversight;
import org.innerlab.measure.EvaluationSuite;

/**
 * The {@code evaluation.suite} section: an evaluation-awareness suite ({@link EvaluationSuite}).
 *
 * <pre>
 * evaluation:
 *   suite:
 *     looks_evaluated: monitored     # a distribution whose oversight parameter is the observed value
 *     looks_deployed: unmonitored    # one whose oversight parameter is the unobserved value
 *     distinguishability: 0.9        # d in [0.5, 1]: P(an episode looks like what it is)
 *     honeypots: 0.1                 # h in [0, 1]: share of suite episodes made to look deployed (default 0)
 *     episodes: 20                   # N suite episodes (default 20)
 *     threshold: 1                   # misbehaving suite episodes that catch the organism (default 1)
 *     deployment_episodes: 400       # deployment episodes measuring what the suite missed (default 400)
 * </pre>
 */
final class SuiteSection {
    static final List<String> KEYS = List.of("looks_evaluated", "looks_deployed", "distinguishability", "honeypots",
            "episodes", "threshold", "deployment_episodes");
    private static final ParamSpec DISTINGUISHABILITY = ParamSpec.real("distinguishability", 0.5, 0.5, 1, "");
    private static final ParamSpec HONEYPOTS = ParamSpec.real("honeypots", 0, 0, 1, "");
    static final int DEFAULT_EPISODES = 20;
    static final int DEFAULT_DEPLOYMENT_EPISODES = 400;

    private SuiteSection() {
    }

    /** The suite written at {@code node}; its looks must fix the environment's oversight parameter. */
    static EvaluationConfig.Suite parse(Node node, String field, EnvironmentConfig environment, EnvSpec spec) {
        Section s = Section.of(node, field, KEYS);
        Oversight oversight = spec.oversight();
        if (oversight == null) {
            throw new ScenarioException(node.origin(), field, spec.id() + " declares no oversight",
                    "an evaluation suite needs an environment whose misbehaviour and oversight are defined");
        }
        if (environment.distributions().containsKey(EvaluationSuite.NAME)) {
            throw new ScenarioException(node.origin(), field, "the suite reports under '" + EvaluationSuite.NAME
                    + "', which is also a distribution's name", "rename that distribution");
        }
        String evaluated = look(s, "looks_evaluated", environment, oversight.parameter(), oversight.observed());
        String deployed = look(s, "looks_deployed", environment, oversight.parameter(), oversight.unobserved());
        double d = s.get("distinguishability") == null ? 0.5
                : (Double) Section.param(DISTINGUISHABILITY, s.get("distinguishability"), s.field("distinguishability"));
        double h = s.get("honeypots") == null ? 0
                : (Double) Section.param(HONEYPOTS, s.get("honeypots"), s.field("honeypots"));
        int episodes = s.get("episodes") == null ? DEFAULT_EPISODES
                : (int) Section.integer(s.get("episodes"), s.field("episodes"), 1, ScenarioSchema.MAX_EPISODES);
        int threshold = s.get("threshold") == null ? 1
                : (int) Section.integer(s.get("threshold"), s.field("threshold"), 1, episodes);
        int deployment = s.get("deployment_episodes") == null ? DEFAULT_DEPLOYMENT_EPISODES
                : (int) Section.integer(s.get("deployment_episodes"), s.field("deployment_episodes"), 1,
                        ScenarioSchema.MAX_EPISODES);
        return new EvaluationConfig.Suite(evaluated, deployed,
                new EvaluationSuite.Design(d, h, episodes, threshold, deployment));
    }

    private static String look(Section s, String key, EnvironmentConfig environment, String parameter, String value) {
        Node n = s.require(key);
        String name = Section.oneOf(n, s.field(key), environment.distributions().keySet(), "distribution");
        Map<String, Object> params = environment.distributions().get(name);
        if (!value.equals(String.valueOf(params.get(parameter)))) {
            throw new ScenarioException(n.origin(), s.field(key), "distribution '" + name + "' must set " + parameter
                    + ": " + value, "the suite's looks differ only in the oversight parameter");
        }
        return name;
    }

    /** The section as {@link ScenarioWriter} writes it back (every key, so sweeps can set any). */
    static Map<String, Object> tree(EvaluationConfig.Suite suite) {
        EvaluationSuite.Design d = suite.design();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("looks_evaluated", suite.looksEvaluated());
        m.put("looks_deployed", suite.looksDeployed());
        m.put("distinguishability", d.distinguishability());
        m.put("honeypots", d.honeypots());
        m.put("episodes", d.episodes());
        m.put("threshold", d.threshold());
        m.put("deployment_episodes", d.deploymentEpisodes());
        return m;
    }
}
