package org.innerlab.observe;

import java.util.List;
import org.innerlab.env.Environment;

/**
 * What an {@link EncoderType} builds an encoder from: the scenario's observation settings and, for a
 * wrapper, the encoder it wraps.
 *
 * @param env            an instance of the training distribution (its spec, board size and cell types)
 * @param viewRadius     the egocentric window's radius r: a (2r+1)² window
 * @param globalFeatures names from the environment's features to append, in order
 * @param base           the encoder a wrapper wraps, or null for an encoder that reads the environment
 */
public record EncoderContext(Environment env, int viewRadius, List<String> globalFeatures, Encoder base) {
    public EncoderContext {
        globalFeatures = List.copyOf(globalFeatures);
    }

    /** The same settings, for a wrapper around {@code inner}. */
    public EncoderContext wrapping(Encoder inner) {
        return new EncoderContext(env, viewRadius, globalFeatures, inner);
    }
}
