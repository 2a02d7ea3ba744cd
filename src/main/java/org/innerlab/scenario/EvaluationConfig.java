package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.inspect.Audit;
import org.innerlab.inspect.ProbeDesign;
import org.innerlab.measure.EvaluationSuite;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.measure.SteeringVector;

/**
 * How a trained learner is evaluated.
 *
 * @param episodes      episodes per distribution
 * @param distributions names of the environment distributions to evaluate on
 * @param policy        {@code sampled} (the learned distribution), {@code greedy} (its argmax), or
 *                      {@code both}: sampled, and greedy reported beside it under {@code <distribution>-greedy}
 *                      on the same levels (argmax hides a policy's low-probability tail, sampling shows it)
 * @param tag           the control tag the learner is conditioned on: {@code none}, {@code good} (conditional
 *                      generation) or {@code bad}; only with {@code learner.observation.control_tags}
 * @param tagGuided     tag-guided decoding: actions whose predicted P(bad) exceeds this are discarded; null = off
 * @param reference     the persona whose policy {@code kl_to_reference} compares the learner's with, or null
 * @param attack        adversarial starts, reported as {@code <distribution>-attacked}, or null
 * @param curve         the training curve recorded during training, or null for none
 * @param suite         an evaluation-awareness suite, reported as {@value EvaluationSuite#NAME}, or null
 * @param beliefSteering belief steering (only for a learner with a belief head): each distribution d is
 *                      played twice more on d's own levels with the belief head's output clamped instead of
 *                      computed ({@link org.innerlab.learner.DeploymentBelief#steeredBelief}), reported as
 *                      {@code d-told-deployed} (β = 1) and {@code d-told-training} (β = 0), with the
 *                      evaluation's own action choice (sampled unless {@link #policy} is {@code greedy}),
 *                      without control tags' or attacks' twins. An intervention on the learner, not a shift
 *                      of the environment: the goal labels and the oversight gaps ignore these names. A run
 *                      whose head an earlier stage distilled away reports none of them
 * @param steering      activation steering ({@link Steering}), or null for none
 * @param probes        linear probes on the learner's hidden activations ({@code evaluation.probes}), each
 *                      reported as {@code probe_auroc/<name>} under the distribution
 *                      {@value MetricCatalog#PROBES}; empty for none
 * @param audit         the auditing game ({@code evaluation.audit}): a black-box and a white-box auditor with the
 *                      same episode budget score the trained learner, reported under {@value Audit#NAME}; null
 *                      for none
 */
public record EvaluationConfig(int episodes, List<String> distributions, String policy, String tag, Double tagGuided,
                               String reference, Attack attack, CurveConfig curve, Suite suite,
                               boolean beliefSteering, Steering steering, List<ProbeDesign> probes, Audit.Design audit) {
    /** The suffix of a distribution's greedy results when {@link #policy} is {@code both}. */
    public static final String GREEDY_SUFFIX = "-greedy";
    /** The suffix of a distribution's results under adversarial starts. */
    public static final String ATTACKED_SUFFIX = "-attacked";
    /** The suffix of a distribution's results with the learner's belief clamped to "I am deployed" (β = 1). */
    public static final String TOLD_DEPLOYED_SUFFIX = "-told-deployed";
    /** The suffix of a distribution's results with the learner's belief clamped to "I am in training" (β = 0). */
    public static final String TOLD_TRAINING_SUFFIX = "-told-training";

    /** Whether {@code distribution} names a belief-steered twin ({@link #beliefSteering}). */
    public static boolean isSteered(String distribution) {
        return distribution.endsWith(TOLD_DEPLOYED_SUFFIX) || distribution.endsWith(TOLD_TRAINING_SUFFIX);
    }

    /**
     * Episodes that begin with a persona's first {@code steps} actions forced.
     *
     * @param persona whose actions are forced (a misaligned persona of the environment)
     * @param steps   how many
     */
    public record Attack(String persona, int steps) {
    }

    public EvaluationConfig {
        distributions = List.copyOf(distributions);
        probes = List.copyOf(probes);
    }

    /**
     * An evaluation suite whose episodes a cue separates from deployment with reliability
     * {@code design.distinguishability()} ({@link EvaluationSuite}).
     *
     * @param looksEvaluated the distribution whose oversight parameter is the observed value
     * @param looksDeployed  the distribution whose oversight parameter is the unobserved value
     * @param design         distinguishability, honeypot share, episodes, threshold, deployment episodes
     */
    public record Suite(String looksEvaluated, String looksDeployed, EvaluationSuite.Design design) {
    }

    /**
     * Activation steering ({@link SteeringVector}): each vector is computed from the trained learner on
     * {@code episodes} episodes per state set, and each of {@code distributions} is played again on its
     * own levels once per vector and coefficient c with c times the vector added to the vector's hidden
     * layer, reported as {@code d-steered-<vector>@<c>} with the evaluation's own action choice (sampled
     * unless {@link #policy} is {@code greedy}). Like belief steering an intervention on the learner, not
     * a shift: the goal labels and the paper table skip these names (they contain {@code @}, as
     * training-curve points do).
     *
     * @param episodes      episodes played per state set
     * @param distributions the evaluated distributions that get steered twins
     * @param vectors       the vectors, composed ones after their parts
     */
    public record Steering(int episodes, List<String> distributions, List<SteeringVector> vectors) {
        public Steering {
            distributions = List.copyOf(distributions);
            vectors = List.copyOf(vectors);
        }
    }

    /** Without an audit. */
    public EvaluationConfig(int episodes, List<String> distributions, String policy, String tag, Double tagGuided,
                            String reference, Attack attack, CurveConfig curve, Suite suite,
                            boolean beliefSteering, Steering steering, List<ProbeDesign> probes) {
        this(episodes, distributions, policy, tag, tagGuided, reference, attack, curve, suite, beliefSteering, steering,
                probes, null);
    }

    /** Without activation steering or probes. */
    public EvaluationConfig(int episodes, List<String> distributions, String policy, String tag, Double tagGuided,
                            String reference, Attack attack, CurveConfig curve, Suite suite, boolean beliefSteering) {
        this(episodes, distributions, policy, tag, tagGuided, reference, attack, curve, suite, beliefSteering, null,
                List.of());
    }

    /** Without belief steering. */
    public EvaluationConfig(int episodes, List<String> distributions, String policy, String tag, Double tagGuided,
                            String reference, Attack attack, CurveConfig curve, Suite suite) {
        this(episodes, distributions, policy, tag, tagGuided, reference, attack, curve, suite, false);
    }

    /** Without an evaluation suite. */
    public EvaluationConfig(int episodes, List<String> distributions, String policy, String tag, Double tagGuided,
                            String reference, Attack attack, CurveConfig curve) {
        this(episodes, distributions, policy, tag, tagGuided, reference, attack, curve, null);
    }

    /** Without a training curve or an evaluation suite. */
    public EvaluationConfig(int episodes, List<String> distributions, String policy, String tag, Double tagGuided,
                            String reference, Attack attack) {
        this(episodes, distributions, policy, tag, tagGuided, reference, attack, null, null);
    }

    /** An evaluation with no control tag, decoding, reference, attack, training curve or suite. */
    public EvaluationConfig(int episodes, List<String> distributions, String policy) {
        this(episodes, distributions, policy, "none", null, null, null, null, null);
    }

    /**
     * A copy with at most {@code cap} episodes per distribution (and per steering state set and probe
     * split) and the training curve {@code newCurve}.
     */
    public EvaluationConfig withAtMostEpisodes(int cap, CurveConfig newCurve) {
        return new EvaluationConfig(Math.min(episodes, cap), distributions, policy, tag, tagGuided, reference, attack,
                newCurve, suite, beliefSteering, steering == null ? null
                        : new Steering(Math.min(steering.episodes(), cap), steering.distributions(), steering.vectors()),
                probes.stream().map(p -> p.withAtMostEpisodes(cap)).toList(),
                audit == null ? null : new Audit.Design(Math.max(2, Math.min(audit.budget(), cap))));
    }

    /** Whether the sampled policy is evaluated. */
    public boolean sampled() {
        return !policy.equals("greedy");
    }

    /** Whether the greedy policy is evaluated. */
    public boolean greedy() {
        return !policy.equals("sampled");
    }

    /**
     * The distribution names results are reported under: each evaluated distribution, followed, when
     * {@link #policy} is {@code both}, by its {@code -greedy} twin, and with an {@link #attack} each of
     * those again with {@code -attacked}, then with {@link #beliefSteering} its {@code -told-deployed} and
     * {@code -told-training} twins, then with {@link #steering} its steered twins (vector by vector, each
     * coefficient in order), then {@value EvaluationSuite#NAME} with a suite, then
     * {@value MetricCatalog#PROBES} with probes, and last {@value Audit#NAME} with an audit.
     */
    public List<String> reported() {
        List<String> names = new ArrayList<>();
        for (String d : distributions) {
            List<String> own = policy.equals("both") ? List.of(d, d + GREEDY_SUFFIX) : List.of(d);
            names.addAll(own);
            if (attack != null) {
                own.forEach(n -> names.add(n + ATTACKED_SUFFIX));
            }
            if (beliefSteering) {
                names.add(d + TOLD_DEPLOYED_SUFFIX);
                names.add(d + TOLD_TRAINING_SUFFIX);
            }
            if (steering != null && steering.distributions().contains(d)) {
                for (SteeringVector v : steering.vectors()) {
                    v.coefficients().forEach(c -> names.add(v.steered(d, c)));
                }
            }
        }
        if (suite != null) {
            names.add(EvaluationSuite.NAME);
        }
        if (!probes.isEmpty()) {
            names.add(MetricCatalog.PROBES);
        }
        if (audit != null) {
            names.add(Audit.NAME);
        }
        return List.copyOf(names);
    }
}
