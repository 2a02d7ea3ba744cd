package org.innerlab.gui;

import java.nio.file.Path;
import java.util.Locale;
import org.innerlab.core.Seeds;
import org.innerlab.experiment.Organism;
import org.innerlab.experiment.RunModel;
import org.innerlab.measure.RunResult;
import org.innerlab.experiment.SavedPolicy;
import org.innerlab.inspect.FittedProbe;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A trained organism on MASON's schedule for watching: one schedule step is one move of an episode
 * (the fine grain a person can follow; headless runs schedule coarse units instead, see
 * {@link org.innerlab.experiment}). The model's public getters and setters are what MASON's
 * inspector shows: episode, step, both returns, events so far, the outcome, and the distribution
 * (a drop-down) with a "new level" switch.
 *
 * <p>The SimState's own {@code random} is seeded from the run's {@code gui} stream and the watch draws
 * from {@code gui/levels} and {@code gui/actions}: nothing here touches a stream a run uses.
 */
public final class WatchModel extends SimState {
    private static final long serialVersionUID = 1L;

    /**
     * A trained organism, ready to watch.
     *
     * @param organism the organism, trained (or with a saved policy installed)
     * @param result   what its headless run measured, or null when the policy was loaded from a file
     * @param seeds    the run's streams
     */
    public record Trained(Organism organism, RunResult result, Seeds seeds) {
    }

    private final transient Trained trained;
    private final String firstDistribution;
    private transient Watch watch;
    private boolean showValues;
    private transient TrainingCurve curve;
    private transient FittedProbe probe;

    public WatchModel(Trained trained, String distribution) {
        super(trained.seeds().seed("gui"));
        this.trained = trained;
        this.firstDistribution = distribution;
        if (!trained.organism().scenario().environment().distributions().containsKey(distribution)) {
            throw new IllegalArgumentException("the scenario has no distribution '" + distribution + "'; it has "
                    + trained.organism().scenario().environment().distributions().keySet());
        }
    }

    /**
     * Trains run {@code run} of a point's scenario exactly as {@code innerlab run} does (the same
     * {@link RunModel}, streams and evaluation), or, given a policy file, installs that policy instead.
     */
    public static Trained train(SweepPoint point, int run, Path policy) {
        return train(point, run, policy, EpisodeListener.NONE);
    }

    /**
     * As {@link #train(SweepPoint, int, Path)}, telling {@code listener} (a {@link TrainingCurve},
     * say; null for none) about each training episode as it ends; listeners only observe, so the result is the same.
     */
    public static Trained train(SweepPoint point, int run, Path policy, EpisodeListener listener) {
        Seeds seeds = new Seeds(point.scenario().seed()).forRun(point.seedIndex(), run);
        if (policy != null) {
            return new Trained(SavedPolicy.load(policy, Organism.assemble(point.scenario(), seeds)), null, seeds);
        }
        RunModel model = new RunModel(point, run, listener == null ? EpisodeListener.NONE : listener);
        RunResult result = model.runHeadless();
        return new Trained(model.organism(), result, seeds);
    }

    @Override
    public void start() {
        super.start();
        watch = new Watch(trained.organism(), firstDistribution, trained.seeds());
        watch.setShowValues(showValues);
        watch.setProbe(probe);
        schedule.scheduleRepeating((Steppable) state -> watch.step());
    }

    /** Shows {@code trainingCurve} beside the board (null for none, as when the policy was loaded from a file). */
    public void setTrainingCurve(TrainingCurve trainingCurve) {
        curve = trainingCurve;
    }

    /** Reads {@code fitted} at every state the window shows (null for none): the inspector's Probe row. */
    public void setProbe(FittedProbe fitted) {
        probe = fitted;
    }

    /** Whether a probe is read at every state (the window then paints its bar beside the board). */
    public boolean hasProbe() {
        return probe != null;
    }

    /** The probe's name and its P(positive) at the current state, or "" without a probe. */
    public String getProbe() {
        return watch == null || probe == null ? ""
                : String.format(Locale.ROOT, "%s  P = %.3f", probe.name(), watch.probeScore());
    }

    /** The training curve the window shows, or null. */
    public TrainingCurve trainingCurve() {
        return curve;
    }

    /** The watched episode (after {@link #start()}). */
    public Watch watch() {
        return watch;
    }

    /** The trained organism and its run's result. */
    public Trained trained() {
        return trained;
    }

    public int getEpisode() {
        return watch == null ? 0 : watch.episode();
    }

    public int getStep() {
        return watch == null ? 0 : watch.steps();
    }

    public double getEpisodeReturn() {
        return watch == null ? 0 : watch.episodeReturn();
    }

    public double getTrueReturn() {
        return watch == null ? 0 : watch.trueReturn();
    }

    public String getEventsSoFar() {
        return watch == null ? "" : watch.eventsSoFar();
    }

    public String getOutcome() {
        return watch == null ? "" : watch.outcome();
    }

    public String getLastAction() {
        return watch == null ? "" : watch.lastAction();
    }

    /** Index into {@link #domDistribution()} of the distribution being played. */
    public int getDistribution() {
        return watch == null ? 0 : watch.distributions().indexOf(watch.distribution());
    }

    /**
     * Plays another distribution from a new level on (MASON shows this property as a drop-down).
     * Choosing the distribution already playing changes nothing: drop-downs report their value when
     * they are filled in, and that must not abandon the episode.
     */
    public void setDistribution(int index) {
        if (watch != null && index >= 0 && index < watch.distributions().size() && index != getDistribution()) {
            watch.switchTo(watch.distributions().get(index));
        }
    }

    /** The distributions, for MASON's drop-down. */
    public Object domDistribution() {
        return trained.organism().scenario().environment().distributions().keySet().toArray(new String[0]);
    }

    /** Whether the board shows the learner's value estimate as a heat map under the arrows. */
    public boolean getValues() {
        return showValues;
    }

    /** Turns the value heat map on or off (it stays off for a learner without a value estimate). */
    public void setValues(boolean show) {
        showValues = show;
        if (watch != null) {
            watch.setShowValues(show);
        }
    }

    /** Always false: the property is a switch, and ticking it starts a new level. */
    public boolean getNewLevel() {
        return false;
    }

    public void setNewLevel(boolean start) {
        if (start && watch != null) {
            watch.newLevel();
        }
    }
}
