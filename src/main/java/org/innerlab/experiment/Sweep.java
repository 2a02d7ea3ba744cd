package org.innerlab.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.innerlab.measure.RunResult;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.SweepPoint;

/**
 * Every run of a sweep (points × seeds), in parallel across runs and never within one: each run
 * builds its own environment, learner and random streams, so the results do not depend on the
 * thread count or on the order in which runs finish.
 */
public final class Sweep {
    /** Identifies a run within a sweep. */
    public record RunKey(int point, int run) {
    }

    /** Told after every finished run; called from worker threads, one call at a time. */
    @FunctionalInterface
    public interface Progress {
        void runFinished(RunResult result, int finished, int total);
    }

    /** Given each newly trained organism, from worker threads (e.g. to save its policy); it must not change it. */
    @FunctionalInterface
    public interface Trained {
        void trained(RunKey key, Organism organism);
    }

    private final List<SweepPoint> points;
    private final int seedsPerPoint;
    private final Predicate<RunKey> includes;
    private final int totalRuns;

    public Sweep(List<SweepPoint> points, int seedsPerPoint) {
        this(points, seedsPerPoint, key -> true);
    }

    /** The part of the sweep {@code includes} accepts (one shard of a job array); the other runs are never run. */
    public Sweep(List<SweepPoint> points, int seedsPerPoint, Predicate<RunKey> includes) {
        this.points = List.copyOf(points);
        this.seedsPerPoint = seedsPerPoint;
        this.includes = includes;
        int n = 0;
        for (SweepPoint p : this.points) {
            for (int run = 0; run < seedsPerPoint; run++) {
                n += includes.test(new RunKey(p.index(), run)) ? 1 : 0;
            }
        }
        this.totalRuns = n;
    }

    public int totalRuns() {
        return totalRuns;
    }

    /**
     * Runs everything not in {@code done} on {@code threads} threads and returns all results (those
     * already done included), ordered by point, then run.
     *
     * @param done     results of an earlier, interrupted attempt (kept, not re-run)
     * @param progress told after each newly finished run (e.g. to persist it at once)
     */
    public List<RunResult> execute(int threads, Map<RunKey, RunResult> done, Progress progress)
            throws InterruptedException {
        return execute(threads, done, progress, (key, organism) -> { });
    }

    /**
     * As {@link #execute(int, Map, Progress)}, and hands every newly trained organism to {@code trained}
     * before its run is reported finished.
     */
    public List<RunResult> execute(int threads, Map<RunKey, RunResult> done, Progress progress, Trained trained)
            throws InterruptedException {
        List<RunResult> results = new ArrayList<>(done.values());
        List<RunKey> todo = new ArrayList<>();
        Map<Integer, SweepPoint> byIndex = new HashMap<>();
        for (SweepPoint p : points) {
            byIndex.put(p.index(), p);
            for (int run = 0; run < seedsPerPoint; run++) {
                RunKey key = new RunKey(p.index(), run);
                if (includes.test(key) && !done.containsKey(key)) {
                    todo.add(key);
                }
            }
        }
        AtomicInteger finished = new AtomicInteger(done.size());
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread t = new Thread(runnable, "innerlab-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (RunKey key : todo) {
                SweepPoint point = byIndex.get(key.point());
                futures.add(pool.submit(() -> {
                    RunModel model = new RunModel(point, key.run(), EpisodeListener.NONE);
                    RunResult r = model.runHeadless();
                    trained.trained(key, model.organism());
                    synchronized (lock) {
                        progress.runFinished(r, finished.incrementAndGet(), totalRuns());
                    }
                    return r;
                }));
            }
            for (Future<RunResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            // Wait for runs still in flight, so none of them writes after this attempt has returned.
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.MINUTES);
        }
        results.sort(Comparator.comparingInt(RunResult::point).thenComparingInt(RunResult::run));
        return results;
    }

    /** Runs everything, with no earlier results and nobody told of progress. */
    public List<RunResult> execute(int threads) throws InterruptedException {
        return execute(threads, Map.of(), (r, f, t) -> { });
    }
}
