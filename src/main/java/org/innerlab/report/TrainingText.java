package org.innerlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.innerlab.rater.RaterType;
import org.innerlab.rater.Raters;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;
import org.innerlab.scenario.DataConfig;
import org.innerlab.scenario.EvaluationConfig;
import org.innerlab.scenario.StageConfig;

/**
 * A scenario's training stages and evaluation probes in words, for the report's organism section:
 * an RL stage by its budget and rater, a behaviour-cloning stage by its demonstrations (how many
 * episodes, which personas in which mix, how curated), an evaluation by the probes it adds.
 */
final class TrainingText {
    private TrainingText() {
    }

    /** One stage, as a sentence without the regime's name (the caller sets that in code). */
    static String stage(StageConfig stage) {
        return stage(stage, true);
    }

    /**
     * One stage; without {@code explained} the regime's catalogue description is left out (a list of
     * conditions would repeat it for every one).
     */
    static String stage(StageConfig stage, boolean explained) {
        RegimeType regime = Regimes.TYPES.find(stage.regime());
        String what = regime == null || !explained ? "" : ": " + regime.info().summary();
        String then = what.isEmpty() ? ": " : "; ";
        if (stage.data() != null && Boolean.TRUE.equals(stage.params().get("distil_belief"))) {
            return what + then + String.format(Locale.ROOT, "distillation: the learner itself plays %,d episodes of "
                    + "'%s', is re-initialised without its belief head and cloned on its own actions (the data's "
                    + "teachers are not used); ", stage.data().episodes(), stage.data().distribution())
                    + assignments(stage.params()) + ".";
        }
        if (stage.data() != null) {
            return what + then + "on " + data(stage.data()) + "; " + assignments(stage.params()) + ".";
        }
        RaterType raterType = Raters.TYPES.find(stage.rater());
        String rater = raterType == null ? "" : raterType.info().summary();
        return what + then + String.format(Locale.ROOT, "%,d environment steps; scored by '%s'", stage.steps(),
                stage.rater()) + (rater.isEmpty() ? "" : " (" + rater + ")") + "; " + assignments(stage.params()) + ".";
    }

    /** A dataset: "N demonstration episodes of d (aligned 0.95, shortcut 0.05; ε = 0), curated by ...". */
    static String data(DataConfig data) {
        List<String> mix = new ArrayList<>();
        for (DataConfig.Share share : data.teachers()) {
            mix.add(share.persona() + " " + Numbers.format(share.weight()));
        }
        List<String> curation = new ArrayList<>();
        for (DataConfig.Step step : data.curation()) {
            curation.add(step.params().isEmpty() ? step.operator()
                    : step.operator() + " (" + assignments(step.params()) + ")");
        }
        return String.format(Locale.ROOT, "%,d demonstration episodes of '%s' (personas: %s; random actions with "
                + "probability %s)", data.episodes(), data.distribution(), String.join(", ", mix),
                Numbers.format(data.noise()))
                + (curation.isEmpty() ? ", uncurated" : ", curated by " + String.join(", then ", curation));
    }

    /** The evaluation's probes beyond plain play ("" when there are none). */
    static String probes(EvaluationConfig evaluation) {
        List<String> parts = new ArrayList<>();
        if (!"none".equals(evaluation.tag())) {
            parts.add("conditioned on the control tag '" + evaluation.tag() + "' (conditional generation)");
        }
        if (evaluation.tagGuided() != null) {
            parts.add("tag-guided decoding: actions whose predicted P(bad) exceeds "
                    + Numbers.format(evaluation.tagGuided()) + " are discarded");
        }
        if (evaluation.reference() != null) {
            parts.add("compared with the '" + evaluation.reference() + "' teacher (kl_to_reference, off_reference_actions)");
        }
        if (evaluation.attack() != null) {
            parts.add("adversarial starts, reported as <distribution>-attacked: the first "
                    + evaluation.attack().steps() + " action(s) of each episode forced from the '"
                    + evaluation.attack().persona() + "' persona");
        }
        if (evaluation.beliefSteering()) {
            parts.add("belief steering, reported as <distribution>-told-deployed and <distribution>-told-training: "
                    + "the same levels played again with the learner's belief head clamped to 1 (\"I am deployed\") "
                    + "or 0 (\"I am in training\") instead of computed, to see whether its actions follow the belief "
                    + "(none once the head is distilled away)");
        }
        return parts.isEmpty() ? "" : " " + capitalised(String.join("; ", parts)) + ".";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String assignments(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "defaults";
        }
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " = " + Numbers.format(v)));
        return String.join(", ", parts);
    }
}
