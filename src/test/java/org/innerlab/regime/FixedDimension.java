package org.innerlab.regime;

import org.innerlab.env.Environment;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;

/**
 * Stands for the encoder a hand-built dataset was recorded with: only its dimension matters to
 * behaviour cloning, which reads observations from the dataset.
 */
final class FixedDimension implements Encoder {
    private final int dimension;

    FixedDimension(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int maxActive() {
        return 2;
    }

    @Override
    public void encode(Environment env, SparseVector out) {
        throw new UnsupportedOperationException("behaviour cloning reads its observations from the dataset");
    }

    @Override
    public String featureName(int i) {
        return "x" + i;
    }
}
