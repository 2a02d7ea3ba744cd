package org.innerlab.regime;

/**
 * Observes training episodes as they finish (training curves, a GUI chart); it never changes them.
 */
@FunctionalInterface
public interface EpisodeListener {
    /**
     * @param stepsDone      environment steps of the stage so far, including this episode
     * @param ratedReturn    undiscounted sum of the rater's scores
     * @param observedReturn undiscounted sum of the observed reward
     * @param trueReturn     undiscounted sum of the hidden true reward
     * @param events         OR of the episode's step events
     */
    void episodeEnded(long stepsDone, double ratedReturn, double observedReturn, double trueReturn, long events);

    EpisodeListener NONE = (s, r, o, t, e) -> { };
}
