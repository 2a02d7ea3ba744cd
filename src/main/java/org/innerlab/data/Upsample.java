package org.innerlab.data;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.observe.SparseVector;

/**
 * Repeats the episodes that match: each matching episode appears {@code factor} times in a row (the
 * original and {@code factor − 1} copies), the others once. An episode matches when its first step's
 * persona is {@code persona} and its first step's tag is {@code tag}; a null criterion matches any.
 *
 * @param persona persona name to match, or null for any
 * @param tag     {@link Dataset#GOOD}, {@link Dataset#BAD} or {@link Dataset#UNTAGGED} to match, or null for any
 * @param factor  how many times a matching episode appears, ≥ 1
 */
public record Upsample(String persona, Byte tag, int factor) implements Curation {
    /** Matches any persona or any tag. */
    public static final String ANY = "any";
    private static final List<String> TAGS = List.of(ANY, "good", "bad", "untagged");

    /** The operator's registry entry: its persona is one of the environment's. */
    public static final CurationType TYPE = CurationType.perPersonas("upsample", "repeat the episodes of a persona and/or tag",
            personas -> {
                List<String> choices = new ArrayList<>();
                choices.add(ANY);
                choices.addAll(personas);
                return List.of(
                        ParamSpec.choice("persona", ANY, choices, "repeat this persona's episodes (any: every persona)"),
                        ParamSpec.choice("tag", ANY, TAGS, "repeat episodes with this tag (any: every tag)"),
                        ParamSpec.integer("factor", 2, 1, 1000, "how many times a matching episode appears"));
            },
            p -> new Upsample(ANY.equals(p.get("persona")) ? null : (String) p.get("persona"),
                    tag((String) p.get("tag")), (Integer) p.get("factor")));

    private static Byte tag(String name) {
        return switch (name) {
            case "good" -> Dataset.GOOD;
            case "bad" -> Dataset.BAD;
            case "untagged" -> Dataset.UNTAGGED;
            default -> null;
        };
    }

    public Upsample {
        if (factor < 1) {
            throw new IllegalArgumentException("upsample factor must be >= 1, got " + factor);
        }
        if (tag != null && tag != Dataset.GOOD && tag != Dataset.BAD && tag != Dataset.UNTAGGED) {
            throw new IllegalArgumentException("upsample tag must be GOOD, BAD or UNTAGGED, got " + tag);
        }
    }

    @Override
    public Dataset apply(Dataset in, Context context) {
        int personaIndex = persona == null ? -1 : in.personas().indexOf(persona);
        if (persona != null && personaIndex < 0) {
            throw new IllegalArgumentException("upsample persona '" + persona + "' is not in the dataset's "
                    + in.personas());
        }
        Dataset.Builder out = in.emptyLike();
        SparseVector scratch = new SparseVector(in.dimension(), Math.max(1, in.maxActive()));
        for (int e = 0; e < in.episodes(); e++) {
            int first = in.episodeStart(e);
            boolean matches = first < in.episodeEnd(e)
                    && (persona == null || in.persona(first) == personaIndex)
                    && (tag == null || in.tag(first) == tag);
            for (int copy = 0; copy < (matches ? factor : 1); copy++) {
                out.startEpisode(in.episodeSeed(e));
                for (int t = first; t < in.episodeEnd(e); t++) {
                    out.copy(in, t, in.tag(t), scratch);
                }
            }
        }
        return out.build();
    }
}
