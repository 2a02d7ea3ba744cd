package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.env.Environment;
import org.innerlab.learner.Learner;
import org.innerlab.observe.Encoder;
import org.innerlab.rater.Rater;

/**
 * What a {@link RegimeType}'s factory builds one training stage from: the organism as the stage
 * starts, the stage's parameters and budget, its streams, and its data on demand.
 *
 * @param train          the instance of the training distribution the regime plays
 * @param encoder        what the learner sees (with its control-tag inputs, if any)
 * @param learner        the run's learner
 * @param rater          the stage's rater; null for a regime that declares none
 * @param params         the regime's resolved parameters
 * @param steps          the stage's budget of environment steps (0 for a regime budgeted otherwise)
 * @param seeds          the run's streams
 * @param index          the stage's index: its streams are named {@code train/<index>/<purpose>}
 * @param listener       told of every finished training episode
 * @param demonstrations the stage's demonstrations, built when asked (only regimes that learn from data ask)
 * @param data           the stage's data section; null when it has none
 * @param distributions  a new instance of a named distribution of the scenario's environment
 */
public record StageContext(Environment train, Encoder encoder, Learner learner, Rater rater,
                           Map<String, Object> params, long steps, Seeds seeds, int index, EpisodeListener listener,
                           Supplier<Dataset> demonstrations, StageData data,
                           Function<String, Environment> distributions) {

    /**
     * A stage's data section as a regime reads it.
     *
     * @param distribution the distribution the data is played on (a red team's search space)
     * @param episodes     demonstration episodes, or a red team's candidates per round
     * @param good         the target persona of a red team (null with a teacher mix)
     * @param bad          the attacking persona of a red team (null with a teacher mix)
     * @param badFraction  the share of a red team's adversarial starts (null with a teacher mix)
     */
    public record StageData(String distribution, int episodes, String good, String bad, Double badFraction) {
    }

    public StageContext {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(seeds, "seeds");
    }

    /** The name of stage {@code index}'s stream for {@code purpose}: {@code train/<index>/<purpose>}. */
    public static String streamName(int index, String purpose) {
        return "train/" + index + "/" + purpose;
    }

    /** A fresh generator of this stage's stream for {@code purpose} ({@code levels}, {@code actions}, ...). */
    public MersenneTwisterFast stream(String purpose) {
        return seeds.stream(streamName(index, purpose));
    }

    /**
     * The learner as the capability the regime trains; scenario validation has already checked it
     * (see {@link RegimeType#trains}).
     */
    public <T> T learner(Class<T> capability) {
        if (!capability.isInstance(learner)) {
            throw new IllegalArgumentException("learner type '" + learner.type() + "' is not a "
                    + capability.getSimpleName());
        }
        return capability.cast(learner);
    }

    /** The stage's KL penalty towards the learner as the stage starts (none when {@code kl_penalty} is 0). */
    public KlPenalty klPenalty() {
        double beta = (Double) params.get("kl_penalty");
        return beta == 0 ? KlPenalty.NONE : new KlPenalty(learner.snapshot().evaluationPolicy(), beta);
    }
}
