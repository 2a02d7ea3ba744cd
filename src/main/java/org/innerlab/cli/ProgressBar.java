package org.innerlab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.innerlab.measure.RunResult;
import org.innerlab.experiment.Sweep;

/**
 * A one-line progress bar on stderr: runs done, runs per second, time left. Silent when stderr is
 * not a terminal (CI logs, pipes), so logs hold results, not carriage returns.
 */
final class ProgressBar implements Sweep.Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private final int alreadyDone;
    private final int seedsPerPoint;
    private final int[] runsPerPoint;
    private int pointsDone;
    private long lastDraw;

    ProgressBar(PrintStream err, boolean enabled, int points, int seedsPerPoint, Iterable<Sweep.RunKey> done) {
        this.err = err;
        this.enabled = enabled;
        this.seedsPerPoint = seedsPerPoint;
        this.runsPerPoint = new int[points];
        int count = 0;
        for (Sweep.RunKey key : done) {
            count(key.point());
            count++;
        }
        this.alreadyDone = count;
    }

    private void count(int point) {
        if (++runsPerPoint[point] == seedsPerPoint) {
            pointsDone++;
        }
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 points at a tty). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override
    public void runFinished(RunResult result, int finished, int total) {
        count(result.point());
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (finished < total && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        int fresh = finished - alreadyDone;
        double rate = seconds > 0 ? fresh / seconds : 0;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * finished / total);
        String eta = rate > 0 ? formatSeconds((total - finished) / rate) : "?";
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d points  %d/%d runs  %.1f runs/s  ETA %s   ", "#".repeat(filled),
                " ".repeat(WIDTH - filled), pointsDone, runsPerPoint.length, finished, total, rate, eta);
        if (finished == total) {
            err.println();
        }
        err.flush();
    }

    private static String formatSeconds(double s) {
        long total = Math.round(s);
        return total >= 60 ? (total / 60) + "m" + String.format(Locale.ROOT, "%02d", total % 60) + "s" : total + "s";
    }
}
