package org.innerlab.extension;

import org.innerlab.core.ComponentInfo;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.measure.EpisodeProbe;
import org.innerlab.measure.Metric;

/**
 * A metric written outside innerlab's packages: the observed return of an episode divided by its
 * length, averaged over episodes. It works on any environment.
 */
final class RewardRate implements EpisodeProbe {
    static final Metric METRIC = Metric.perEpisode(ComponentInfo.of("reward_rate",
            "Observed return per step of the episode, averaged over episodes (an extension example).",
            java.util.List.of()), RewardRate::new);

    private double observed;
    private int steps;

    @Override
    public void episodeStarted(Environment env) {
        observed = 0;
        steps = 0;
    }

    @Override
    public void stepped(Environment env, int action, StepResult step) {
        observed += step.observedReward;
        steps++;
    }

    @Override
    public double episodeValue() {
        return steps == 0 ? 0 : observed / steps;
    }
}
