package org.innerlab.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.innerlab.core.Seeds;
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

    /** The whole sweep; kept apart so that a sweep of a billion runs is never counted one by one. */
    private static final Predicate<RunKey> ALL = key -> true;

    private final List<SweepPoint> points;
    private final Map<Integer, SweepPoint> byIndex = new HashMap<>();
    private final int seedsPerPoint;
    private final Predicate<RunKey> includes;
    private final int totalRuns;

    public Sweep(List<SweepPoint> points, int seedsPerPoint) {
        this(points, seedsPerPoint, ALL);
    }

    /** The part of the sweep {@code includes} accepts (one shard of a job array); the other runs are never run. */
    public Sweep(List<SweepPoint> points, int seedsPerPoint, Predicate<RunKey> includes) {
        this.points = List.copyOf(points);
        this.seedsPerPoint = seedsPerPoint;
        for (SweepPoint p : points) {
            byIndex.put(p.index(), p);
        }
        this.includes = includes;
        int n = 0;
        if (includes != ALL) {
            for (int index = 0; index < allRuns(); index++) {
                n += includes.test(key(index)) ? 1 : 0;
            }
        }
        this.totalRuns = includes == ALL ? allRuns() : n;
    }

    public int totalRuns() {
        return totalRuns;
    }

    /** Whether run {@code key} is part of this sweep (always, unless the sweep is one shard of a job array). */
    public boolean includes(RunKey key) {
        return includes.test(key);
    }

    /**
     * Whether {@code result} is a run of this sweep with the seed that run draws ({@link RunModel}'s
     * {@code run} stream), so that a result saved by an earlier attempt can be trusted.
     */
    public boolean draws(RunResult result) {
        SweepPoint point = byIndex.get(result.point());
        return point != null && result.run() >= 0 && result.run() < seedsPerPoint
                && result.seed() == new Seeds(point.scenario().seed()).forRun(point.seedIndex(), result.run()).seed("run");
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
        Iterator<RunKey> todo = todo(done);
        AtomicInteger finished = new AtomicInteger(done.size());
        Object lock = new Object();
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread t = new Thread(runnable, "innerlab-run");
            t.setDaemon(true);
            return t;
        });
        CompletionService<RunResult> running = new ExecutorCompletionService<>(pool);
        try {
            // Tasks are made as workers free up, two per worker in flight, so a sweep of any size holds
            // only its results in memory; sorting them at the end makes the order independent of timing.
            int inFlight = 0;
            while (todo.hasNext() || inFlight > 0) {
                while (inFlight < 2 * workers && todo.hasNext()) {
                    RunKey key = todo.next();
                    SweepPoint point = byIndex.get(key.point());
                    running.submit(() -> {
                        RunModel model = new RunModel(point, key.run(), EpisodeListener.NONE);
                        RunResult r = model.runHeadless();
                        trained.trained(key, model.organism());
                        synchronized (lock) {
                            progress.runFinished(r, finished.incrementAndGet(), totalRuns());
                        }
                        return r;
                    });
                    inFlight++;
                }
                try {
                    results.add(running.take().get());
                    inFlight--;
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

    private int allRuns() {
        return points.size() * seedsPerPoint;
    }

    /** The {@code index}-th run of the whole sweep, point by point, then run by run. */
    private RunKey key(int index) {
        return new RunKey(points.get(index / seedsPerPoint).index(), index % seedsPerPoint);
    }

    /** The runs included and not in {@code done}, point by point and run by run, made one at a time as they are asked for. */
    private Iterator<RunKey> todo(Map<RunKey, RunResult> done) {
        return new Iterator<>() {
            private int index = -1;
            private RunKey next = advance();

            private RunKey advance() {
                while (++index < allRuns()) {
                    RunKey key = key(index);
                    if (includes.test(key) && !done.containsKey(key)) {
                        return key;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public RunKey next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                RunKey key = next;
                next = advance();
                return key;
            }
        };
    }

    /** Runs everything, with no earlier results and nobody told of progress. */
    public List<RunResult> execute(int threads) throws InterruptedException {
        return execute(threads, Map.of(), (r, f, t) -> { });
    }
}
