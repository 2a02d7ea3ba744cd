package org.innerlab.data;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.innerlab.core.Seeds;
import org.innerlab.env.Environment;
import org.innerlab.observe.Encoder;

/**
 * A curation operator: builds a new dataset from a dataset of demonstrations (datasets are
 * immutable). Operators compose left to right with {@link #then} or {@link #pipeline}; each one's
 * parameters are its record's components: {@link Filter}, {@link Tag}, {@link Edit}, {@link Refuse},
 * {@link Upsample}.
 */
@FunctionalInterface
public interface Curation {
    /** What an operator may need beyond the data: where the episodes were played, and how. */
    record Context(Environment env, Encoder encoder, Teacher aligned, Seeds seeds) {
        /**
         * @param env     an instance built from the parameters the dataset was generated with (operators
         *                that replay episodes reset and step it)
         * @param encoder the encoder the dataset's observations came from
         * @param aligned the aligned teacher, whose continuations replace harmful segments (may be null
         *                when no operator edits)
         * @param seeds   the streams of random choices (each operator names its own stream)
         */
        public Context {
            Objects.requireNonNull(env, "env");
            Objects.requireNonNull(encoder, "encoder");
            Objects.requireNonNull(seeds, "seeds");
        }
    }

    /** Whether an operator acts on whole episodes or on single steps. */
    enum Unit {
        EPISODE, STEP;

        /** The names a scenario writes, in declaration order. */
        public static final List<String> NAMES = List.of("episode", "step");

        /** The unit a scenario names {@code name} ({@code episode} or {@code step}). */
        public static Unit named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** The curated dataset. */
    Dataset apply(Dataset in, Context context);

    /** This operator, then {@code next} on its result. */
    default Curation then(Curation next) {
        Objects.requireNonNull(next, "next");
        return (in, context) -> next.apply(apply(in, context), context);
    }

    /** The operators applied in order (the identity when empty). */
    static Curation pipeline(List<Curation> operators) {
        Curation all = (in, context) -> in;
        for (Curation c : operators) {
            all = all.then(c);
        }
        return all;
    }

    /** The largest harm of episode {@code e}'s steps. */
    static double episodeHarm(Dataset d, int e) {
        double max = 0;
        for (int t = d.episodeStart(e); t < d.episodeEnd(e); t++) {
            max = Math.max(max, d.harm(t));
        }
        return max;
    }
}
