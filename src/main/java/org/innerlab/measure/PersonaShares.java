package org.innerlab.measure;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.PersonaShareSource;

/**
 * What RL did to a persona mixture's prior (a {@link PersonaShareSource}; issue 9, organism 4), reported
 * under the distribution {@value DeceptiveAlignment#LEARNER}, like the planner's goal drift: numbers about the
 * trained learner, not about episodes, so no interval over episodes (the summary's interval over runs applies).
 * <ul>
 *   <li>{@code persona_share/<persona>-<strong|weak>}: w_i = softmax(θ)_i after training, the posterior
 *       share of each component;</li>
 *   <li>{@value #MISALIGNED_SHARE}: Σ of the shares of every component that is not the aligned persona;</li>
 *   <li>{@value #STRONG_SHARE}: Σ of the shares of the strong emulations.</li>
 * </ul>
 * The behaviour of the trained mixture (misbehaviour, true against observed return, goodhart gap) is the
 * ordinary {@link Evaluator}'s, on the scenario's distributions.
 */
public final class PersonaShares {
    /** The prefix of a component's share: {@code persona_share/<persona>-<strength>}. */
    public static final String PERSONA_SHARE = "persona_share/";
    /** The total share of the misaligned personas. */
    public static final String MISALIGNED_SHARE = "misaligned_share";
    /** The total share of the strong emulations. */
    public static final String STRONG_SHARE = "strong_share";

    private PersonaShares() {
    }

    /** The metrics a persona mixture on {@code spec}'s environment reports under {@value DeceptiveAlignment#LEARNER}. */
    public static List<String> learnerMetricNames(EnvSpec spec) {
        List<String> names = new ArrayList<>();
        if (!Personas.environments().contains(spec.id())) {
            return names;
        }
        for (String persona : Personas.forEnvironment(spec).unconditional()) {
            names.add(PERSONA_SHARE + PersonaShareSource.componentName(persona, false));
            names.add(PERSONA_SHARE + PersonaShareSource.componentName(persona, true));
        }
        names.add(MISALIGNED_SHARE);
        names.add(STRONG_SHARE);
        return names;
    }

    /** The trained mixture's shares. */
    public static List<MetricValue> learnerMetrics(PersonaShareSource mixture) {
        double[] w = new double[mixture.components()];
        mixture.shares(w);
        List<String> names = mixture.componentNames();
        List<MetricValue> metrics = new ArrayList<>();
        double misaligned = 0;
        double strong = 0;
        for (int i = 0; i < w.length; i++) {
            metrics.add(new MetricValue(DeceptiveAlignment.LEARNER, PERSONA_SHARE + names.get(i), w[i]));
            misaligned += mixture.aligned(i) ? 0 : w[i];
            strong += PersonaShareSource.strong(i) ? w[i] : 0;
        }
        metrics.add(new MetricValue(DeceptiveAlignment.LEARNER, MISALIGNED_SHARE, misaligned));
        metrics.add(new MetricValue(DeceptiveAlignment.LEARNER, STRONG_SHARE, strong));
        return metrics;
    }
}
