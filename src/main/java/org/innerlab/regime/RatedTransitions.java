package org.innerlab.regime;

import org.innerlab.core.Seeds;
import org.innerlab.data.Dataset;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.rater.Rater;

/**
 * A dataset's transitions rated once by a rater, for offline RL. Raters score real environment
 * states (a learned rater encodes them, a supervised-only rater reads the oversight variable), so
 * each episode is replayed from its recorded seed with its recorded actions ({@link Dataset#replay}'s
 * protocol): reset with {@code Seeds.generator(seed)}, {@code startEpisode}, then after each recorded
 * action {@code rate(env, action, step)}. The replay must reproduce the recorded rewards; a mismatch
 * (an environment built with other parameters than the data's) is an error, not a silent re-rating.
 *
 * @param rated    the rater's score of each row
 * @param terminal whether each row's step terminated its episode (no bootstrapping past it); a row that
 *                 ends an episode by truncation is not terminal but has no successor row either
 */
public record RatedTransitions(double[] rated, boolean[] terminal) {

    /**
     * Rates every row of {@code data}.
     *
     * @param env   an instance built from the parameters the dataset was generated with
     * @param rater the stage's rater
     */
    public static RatedTransitions rate(Dataset data, Environment env, Rater rater) {
        double[] rated = new double[data.size()];
        boolean[] terminal = new boolean[data.size()];
        StepResult step = new StepResult();
        for (int e = 0; e < data.episodes(); e++) {
            env.reset(Seeds.generator(data.episodeSeed(e)));
            rater.startEpisode(env);
            for (int t = data.episodeStart(e); t < data.episodeEnd(e); t++) {
                int a = data.action(t);
                env.step(a, step);
                if (step.observedReward != data.observedReward(t) || step.trueReward != data.trueReward(t)) {
                    throw new IllegalStateException("replaying episode " + e + " of the dataset gave other rewards at "
                            + "row " + t + " than were recorded: the environment differs from the data's");
                }
                rated[t] = rater.rate(env, a, step);
                terminal[t] = step.terminated;
            }
        }
        return new RatedTransitions(rated, terminal);
    }

    /** Whether row {@code t} is followed by a row of the same episode. */
    public static boolean hasSuccessor(Dataset data, int t) {
        int e = episodeOf(data, t);
        return t + 1 < data.episodeEnd(e);
    }

    private static int episodeOf(Dataset data, int t) {
        int lo = 0;
        int hi = data.episodes() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (data.episodeStart(mid) <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
