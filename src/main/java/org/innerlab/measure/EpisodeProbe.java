package org.innerlab.measure;

import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/**
 * How a registered {@link Metric} that the {@link Evaluator}'s own pass does not know is measured: it
 * watches every step of every evaluated episode and gives one number per episode; the run reports the
 * mean over episodes with its 95% interval, as it does for {@code steps} or {@code observed_return}.
 *
 * <p>A probe reads what the experimenter may read (both ledgers, the events, the environment's state),
 * never changes the environment and draws no random numbers, so adding one changes no other metric.
 * Each evaluated distribution gets a fresh probe from its metric's factory.
 */
public interface EpisodeProbe {
    /** An episode has started: {@code env} has just been reset. */
    void episodeStarted(Environment env);

    /** The learner took {@code action} and the environment answered with {@code step}. */
    void stepped(Environment env, int action, StepResult step);

    /** The value of the episode that has just ended. */
    double episodeValue();
}
