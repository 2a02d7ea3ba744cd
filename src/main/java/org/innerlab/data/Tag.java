package org.innerlab.data;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * Attaches control tags (Korbak et al. 2023's conditional training): each episode is tagged with
 * probability {@code fraction}, independently (one {@code nextDouble()} of the context's stream
 * {@code "curation/tag"} per episode), and left {@link Dataset#UNTAGGED} otherwise. A tagged row is
 * {@link Dataset#GOOD} when its harm is 0 and {@link Dataset#BAD} otherwise, where the harm is the
 * episode's largest ({@code EPISODE}: every step of a harmful episode is bad, including the approach
 * to the harm) or the step's own ({@code STEP}).
 *
 * @param fraction probability that an episode is tagged, in [0, 1]
 * @param unit     whose harm decides a row's tag
 */
public record Tag(double fraction, Curation.Unit unit) implements Curation {
    /** The operator's registry entry. */
    public static final CurationType TYPE = CurationType.of("tag",
            "attach a control tag, good when harmless and bad otherwise, to a fraction of episodes",
            List.of(ParamSpec.real("fraction", 1.0, 0.0, 1.0, "probability that an episode is tagged"),
                    ParamSpec.choice("unit", "episode", Curation.Unit.NAMES,
                            "whose harm decides a row's tag: its episode's largest, or the step's own")),
            p -> new Tag((Double) p.get("fraction"), Curation.Unit.named((String) p.get("unit"))));

    public Tag {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("tag fraction must be in [0, 1], got " + fraction);
        }
        java.util.Objects.requireNonNull(unit, "unit");
    }

    @Override
    public Dataset apply(Dataset in, Context context) {
        MersenneTwisterFast rng = context.seeds().stream("curation/tag");
        Dataset.Builder out = in.emptyLike();
        SparseVector scratch = new SparseVector(in.dimension(), Math.max(1, in.maxActive()));
        for (int e = 0; e < in.episodes(); e++) {
            boolean tagged = rng.nextDouble() < fraction;
            double episodeHarm = Curation.episodeHarm(in, e);
            out.startEpisode(in.episodeSeed(e));
            for (int t = in.episodeStart(e); t < in.episodeEnd(e); t++) {
                double harm = unit == Curation.Unit.EPISODE ? episodeHarm : in.harm(t);
                byte tag = !tagged ? Dataset.UNTAGGED : harm > 0 ? Dataset.BAD : Dataset.GOOD;
                out.copy(in, t, tag, scratch);
            }
        }
        return out.build();
    }
}
