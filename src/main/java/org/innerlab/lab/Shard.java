package org.innerlab.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Sweep;
import org.innerlab.scenario.SweepPoint;

/**
 * One of {@code count} disjoint parts of a sweep, for running a sweep as a job array
 * ({@code innerlab run --shard k/N}, then {@code innerlab merge}).
 *
 * <p>The runs of a sweep are numbered in its canonical order, point by point in sweep order and,
 * within a point, run by run: run {@code r} of the point at position {@code p} is number
 * {@code i = p · seeds + r}. Shard {@code k} of {@code N} holds exactly the runs with
 * {@code i mod N = k}, so the shards of one N partition the sweep whatever the machine, and the
 * expensive conditions are spread over all shards rather than piled into one.
 *
 * @param index 0-based, as Slurm's {@code $SLURM_ARRAY_TASK_ID} for {@code --array=0-(N-1)}
 * @param count how many shards the sweep is cut into
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new BadInputException("shard " + index + "/" + count + " does not exist; write k/N with N at least 1 "
                    + "and k from 0 to N-1");
        }
    }

    /**
     * Parses {@code k/N}, e.g. {@code 3/8}.
     *
     * @throws BadInputException naming the text when it is not {@code k/N} with {@code 0 <= k < N}
     */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length == 2 && parts[0].matches("\\d{1,9}") && parts[1].matches("\\d{1,9}")) {
            int k = Integer.parseInt(parts[0]);
            int n = Integer.parseInt(parts[1]);
            if (n >= 1 && k < n) {
                return new Shard(k, n);
            }
        }
        throw new BadInputException("--shard " + text + " is not a shard; write k/N with N at least 1 and k from 0 "
                + "to N-1 (e.g. --shard 0/4)");
    }

    /** The runs of {@code points} × {@code seeds} this shard holds, in canonical order. */
    public List<Sweep.RunKey> runs(List<SweepPoint> points, int seeds) {
        List<Sweep.RunKey> mine = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            for (int run = 0; run < seeds; run++) {
                if ((p * (long) seeds + run) % count == index) {
                    mine.add(new Sweep.RunKey(points.get(p).index(), run));
                }
            }
        }
        return mine;
    }

    /** Which runs of {@code points} × {@code seeds} this shard holds, as a sweep's filter. */
    public Predicate<Sweep.RunKey> includes(List<SweepPoint> points, int seeds) {
        return new HashSet<>(runs(points, seeds))::contains;
    }

    /** {@code k/N}, as {@code --shard} takes it. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
