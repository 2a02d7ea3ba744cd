package org.innerlab.data;

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
