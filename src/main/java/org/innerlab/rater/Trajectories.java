package org.innerlab.rater;

import java.util.Arrays;
import org.innerlab.observe.SparseVector;

/**
 * Episodes stored as flat sparse rows for a reward model: per step the encoded observation
 * {@code φ(s_t)} (its non-zero entries) and the action {@code a_t}; per trajectory its first step and
 * its true return (the label source of comparisons). Appending allocates only when a buffer
 * doubles; {@link #keepNewest} drops old trajectories in place, so a store used as a rolling buffer
 * reaches a steady state.
 */
public final class Trajectories {
    private int steps;
    private int trajectories;
    private int[] rowStart = new int[257];
    private int[] featureIndex = new int[4096];
    private double[] featureValue = new double[4096];
    private int[] action = new int[256];
    private int[] trajectoryStart = new int[33];
    private double[] trueReturn = new double[32];
    private boolean open;

    /** Number of complete trajectories. */
    public int size() {
        return trajectories;
    }

    /** Steps of all complete trajectories. */
    public int totalSteps() {
        return trajectoryStart[trajectories];
    }

    /** Starts a trajectory; its steps follow through {@link #addStep} until {@link #finish}. */
    public void begin() {
        if (open) {
            // An episode cut off before its end (e.g. the rater's caller reset mid-episode) is discarded.
            steps = trajectoryStart[trajectories];
        }
        open = true;
    }

    /** Whether a trajectory is being written. */
    public boolean isOpen() {
        return open;
    }

    /** Appends step (φ(s), a) to the open trajectory. */
    public void addStep(SparseVector obs, int a) {
        addStep(obs.index, obs.value, 0, obs.size, a);
    }

    private void addStep(int[] index, double[] value, int from, int to, int a) {
        if (steps + 1 >= action.length) {
            int capacity = action.length * 2;
            action = Arrays.copyOf(action, capacity);
            rowStart = Arrays.copyOf(rowStart, capacity + 1);
        }
        int start = rowStart[steps];
        int end = start + (to - from);
        if (end > featureIndex.length) {
            int capacity = Math.max(end, featureIndex.length * 2);
            featureIndex = Arrays.copyOf(featureIndex, capacity);
            featureValue = Arrays.copyOf(featureValue, capacity);
        }
        System.arraycopy(index, from, featureIndex, start, to - from);
        System.arraycopy(value, from, featureValue, start, to - from);
        action[steps] = a;
        rowStart[steps + 1] = end;
        steps++;
    }

    /** Closes the open trajectory with its true return G = Σ_t trueReward_t. */
    public void finish(double trueReturnOfEpisode) {
        if (trajectories + 1 >= trueReturn.length) {
            int capacity = trueReturn.length * 2;
            trueReturn = Arrays.copyOf(trueReturn, capacity);
            trajectoryStart = Arrays.copyOf(trajectoryStart, capacity + 1);
        }
        trueReturn[trajectories] = trueReturnOfEpisode;
        trajectories++;
        trajectoryStart[trajectories] = steps;
        open = false;
    }

    /** Appends a copy of trajectory {@code t} of {@code other} (which must not be this store). */
    public void copyFrom(Trajectories other, int t) {
        begin();
        for (int s = other.first(t); s < other.end(t); s++) {
            addStep(other.featureIndex, other.featureValue, other.rowStart[s], other.rowStart[s + 1], other.action[s]);
        }
        finish(other.trueReturn(t));
    }

    /** Drops all but the newest {@code n} complete trajectories (and any open one), keeping their order. */
    public void keepNewest(int n) {
        open = false;
        steps = trajectoryStart[trajectories];
        if (trajectories <= n) {
            return;
        }
        int dropT = trajectories - n;
        int dropS = trajectoryStart[dropT];
        int dropF = rowStart[dropS];
        int keptS = steps - dropS;
        System.arraycopy(featureIndex, dropF, featureIndex, 0, rowStart[steps] - dropF);
        System.arraycopy(featureValue, dropF, featureValue, 0, rowStart[steps] - dropF);
        System.arraycopy(action, dropS, action, 0, keptS);
        for (int s = 0; s <= keptS; s++) {
            rowStart[s] = rowStart[s + dropS] - dropF;
        }
        System.arraycopy(trueReturn, dropT, trueReturn, 0, n);
        for (int t = 0; t <= n; t++) {
            trajectoryStart[t] = trajectoryStart[t + dropT] - dropS;
        }
        trajectories = n;
        steps = keptS;
    }

    /** Removes everything. */
    public void clear() {
        steps = 0;
        trajectories = 0;
        open = false;
    }

    /** First step of trajectory {@code t}. */
    public int first(int t) {
        return trajectoryStart[t];
    }

    /** One past the last step of trajectory {@code t}. */
    public int end(int t) {
        return trajectoryStart[t + 1];
    }

    /** The true return of trajectory {@code t}. */
    public double trueReturn(int t) {
        return trueReturn[t];
    }

    /** The action of step {@code s}. */
    public int action(int s) {
        return action[s];
    }

    /** Start of step {@code s}'s entries in {@link #featureIndex()}/{@link #featureValue()}. */
    public int rowStart(int s) {
        return rowStart[s];
    }

    /** One past the end of step {@code s}'s entries. */
    public int rowEnd(int s) {
        return rowStart[s + 1];
    }

    /** Flat feature indices of every step (read-only by convention). */
    public int[] featureIndex() {
        return featureIndex;
    }

    /** Flat feature values, parallel to {@link #featureIndex()}. */
    public double[] featureValue() {
        return featureValue;
    }

    /** Writes step {@code s}'s observation into {@code out}. */
    public void row(int s, SparseVector out) {
        out.clear();
        for (int k = rowStart[s]; k < rowStart[s + 1]; k++) {
            out.add(featureIndex[k], featureValue[k]);
        }
    }
}
