package org.innerlab.data;

import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * Drops demonstrations whose harm exceeds {@code threshold}: whole episodes (any step above it
 * drops the episode) or single steps. Dropping steps keeps the rest of their episode, which then no
 * longer replays from its seed past the first dropped step; later operators that replay
 * ({@link Edit}, {@link Refuse}) find nothing harmful left in it to act on.
 *
 * @param threshold harm above this is dropped (0 drops every harmful step)
 * @param unit      {@code EPISODE} or {@code STEP}
 */
public record Filter(double threshold, Curation.Unit unit) implements Curation {
    /** The operator's registry entry. */
    public static final CurationType TYPE = CurationType.of("filter",
            "drop episodes (or steps) whose harm exceeds a threshold",
            List.of(ParamSpec.real("threshold", 0.0, 0.0, 1e9, "harm above this is dropped (0: every harmful step)"),
                    ParamSpec.choice("unit", "episode", Curation.Unit.NAMES, "drop whole episodes or single steps")),
            p -> new Filter((Double) p.get("threshold"), Curation.Unit.named((String) p.get("unit"))));

    public Filter {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("filter threshold must be >= 0, got " + threshold);
        }
        java.util.Objects.requireNonNull(unit, "unit");
    }

    @Override
    public Dataset apply(Dataset in, Context context) {
        Dataset.Builder out = in.emptyLike();
        SparseVector scratch = new SparseVector(in.dimension(), Math.max(1, in.maxActive()));
        for (int e = 0; e < in.episodes(); e++) {
            if (unit == Curation.Unit.EPISODE && Curation.episodeHarm(in, e) > threshold) {
                continue;
            }
            out.startEpisode(in.episodeSeed(e));
            for (int t = in.episodeStart(e); t < in.episodeEnd(e); t++) {
                if (in.harm(t) <= threshold) {
                    out.copy(in, t, in.tag(t), scratch);
                }
            }
        }
        return out.build();
    }
}
