package org.innerlab.data;

import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * Refusal: at the first step of an episode whose harm exceeds {@code threshold}, the demonstrator
 * takes the environment's safe fallback action instead, and the demonstration ends there (the
 * refusal is its last word; replaying the harmful state would only refuse again). The fallback step
 * is really played (the episode is replayed from its seed to that state), so its row holds what the
 * fallback produced; it keeps the episode's persona, and the episode still replays from its seed.
 *
 * <p>Which environments have a fallback: the action named {@code fallback} must exist and be valid
 * for the instance. With the default {@code NOOP}: {@code asg-side-effects-sokoban-v1} and
 * {@code asg-conveyor-belt-v1} when {@code noops} is true, and {@code coinrun-lite-v1}; the absent
 * supervisor, tomato watering and whisky &amp; gold have no standing still, so refusal is rejected
 * there rather than silently doing nothing.
 *
 * @param threshold a step with harm above this is refused
 * @param fallback  the safe action's name, e.g. {@code NOOP}
 */
public record Refuse(double threshold, String fallback) implements Curation {
    /** The operator's registry entry. */
    public static final CurationType TYPE = CurationType.of("refuse",
            "take the environment's safe fallback action at the first harmful step, and stop there",
            List.of(ParamSpec.real("threshold", 0.0, 0.0, 1e9, "a step with harm above this is refused"),
                    ParamSpec.choice("fallback", "NOOP", List.of("NOOP"), "the safe action")),
            p -> new Refuse((Double) p.get("threshold"), (String) p.get("fallback")));

    /** Refuses every harmful step with {@code NOOP}. */
    public Refuse() {
        this(0, "NOOP");
    }

    public Refuse {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("refuse threshold must be >= 0, got " + threshold);
        }
        java.util.Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Dataset apply(Dataset in, Context context) {
        int action = context.env().spec().actions().indexOf(fallback);
        if (action < 0 || action >= context.env().actionCount()) {
            throw new IllegalArgumentException(context.env().spec().id() + " with " + context.env().params().asMap()
                    + " has no safe fallback action " + fallback + "; its actions are "
                    + context.env().spec().actions().subList(0, context.env().actionCount()));
        }
        Dataset.Builder out = in.emptyLike();
        Recorder recorder = new Recorder(context.env(), context.encoder());
        SparseVector scratch = new SparseVector(in.dimension(), Math.max(1, in.maxActive()));
        for (int e = 0; e < in.episodes(); e++) {
            out.startEpisode(in.episodeSeed(e));
            int harmful = Edit.firstAbove(in, e, threshold);
            int keep = harmful < 0 ? in.episodeEnd(e) : harmful;
            for (int t = in.episodeStart(e); t < keep; t++) {
                out.copy(in, t, in.tag(t), scratch);
            }
            if (harmful >= 0) {
                in.replay(e, harmful - in.episodeStart(e), context.env(), recorder.out);
                recorder.step(out, action, in.persona(harmful), in.tag(harmful));
            }
        }
        return out.build();
    }
}
