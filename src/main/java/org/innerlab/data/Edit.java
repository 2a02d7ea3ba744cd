package org.innerlab.data;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * Synthetic data editing: every episode with a step whose harm exceeds {@code threshold} keeps its
 * steps up to that first harmful one, and from the state just before it the context's aligned teacher
 * plays the rest of the episode instead. The episode is replayed from its seed to reach that state,
 * so the continuation starts exactly where the harm would have happened, and the edited episode still
 * replays from the same seed. New rows carry the persona {@code aligned} (added to the dataset's
 * personas if missing), their own harm and no tag; tag after editing. The aligned teacher's actions
 * come from the context's stream {@code "curation/edit"}. Episodes without harm are copied unchanged.
 *
 * @param threshold a step with harm above this starts the edit
 */
public record Edit(double threshold) implements Curation {
    /** The operator's registry entry. */
    public static final CurationType TYPE = CurationType.of("edit",
            "replace an episode from its first harmful step with the aligned teacher's continuation",
            List.of(ParamSpec.real("threshold", 0.0, 0.0, 1e9,
                    "the first step with harm above this is where the edit starts")),
            p -> new Edit((Double) p.get("threshold")));

    /** Edits every harmful step (threshold 0). */
    public Edit() {
        this(0);
    }

    public Edit {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("edit threshold must be >= 0, got " + threshold);
        }
    }

    @Override
    public Dataset apply(Dataset in, Context context) {
        if (context.aligned() == null) {
            throw new IllegalArgumentException("edit needs the aligned teacher in the curation context");
        }
        List<String> personas = new ArrayList<>(in.personas());
        if (!personas.contains("aligned")) {
            personas.add("aligned");
        }
        int aligned = personas.indexOf("aligned");
        Dataset.Builder out = new Dataset.Builder(in.dimension(), in.actionCount(), personas);
        Recorder recorder = new Recorder(context.env(), context.encoder());
        MersenneTwisterFast rng = context.seeds().stream("curation/edit");
        SparseVector scratch = new SparseVector(in.dimension(), Math.max(1, in.maxActive()));
        for (int e = 0; e < in.episodes(); e++) {
            out.startEpisode(in.episodeSeed(e));
            int harmful = firstAbove(in, e, threshold);
            int keep = harmful < 0 ? in.episodeEnd(e) : harmful;
            for (int t = in.episodeStart(e); t < keep; t++) {
                out.copy(in, t, in.tag(t), scratch);
            }
            if (harmful >= 0) {
                in.replay(e, harmful - in.episodeStart(e), context.env(), recorder.out);
                recorder.finishEpisode(out, context.aligned(), aligned, rng);
            }
        }
        return out.build();
    }

    /** The first step of episode {@code e} with harm above {@code threshold}, or -1. */
    static int firstAbove(Dataset d, int e, double threshold) {
        for (int t = d.episodeStart(e); t < d.episodeEnd(e); t++) {
            if (d.harm(t) > threshold) {
                return t;
            }
        }
        return -1;
    }
}
