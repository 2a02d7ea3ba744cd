package org.innerlab.observe;

import java.util.List;
import org.innerlab.core.ComponentInfo;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;

/**
 * The whole board as one-hot cells, plus the agent's position and every global feature: the full
 * state, for learners (such as a Q-table) that key on exact states and so cannot generalize at all.
 *
 * <p>Layout: for each cell {@code (x, y)} of a {@code width × height} board in row-major order,
 * {@code T} one-hot slots; then {@code width × height} slots for the agent's cell; then the global
 * features. Boards of another size than the one given at construction are rejected.
 */
public final class FullBoardEncoder implements Encoder {
    /** The {@code full-board} observation: always a Q-table's, any learner's when the scenario asks. */
    public static final EncoderType TYPE = new EncoderType(
            ComponentInfo.of("full-board", "the whole board one-hot, the agent's cell and every global feature: the "
                    + "exact state, for learners that key on it", List.of()),
            false, c -> new FullBoardEncoder(c.env()));

    private final int width;
    private final int height;
    private final int cellTypes;
    private final int featureCount;
    private final int agentBase;
    private final int featureBase;

    public FullBoardEncoder(Environment env) {
        GridView view = env.view();
        this.width = view.width();
        this.height = view.height();
        this.cellTypes = view.cellTypes();
        this.featureCount = env.spec().features().size();
        this.agentBase = width * height * cellTypes;
        this.featureBase = agentBase + width * height;
    }

    @Override
    public int dimension() {
        return featureBase + featureCount;
    }

    @Override
    public int maxActive() {
        return width * height + 1 + featureCount;
    }

    @Override
    public void encode(Environment env, SparseVector out) {
        GridView view = env.view();
        if (view.width() != width || view.height() != height) {
            throw new IllegalStateException("full-board encoder built for " + width + "x" + height
                    + " boards, got " + view.width() + "x" + view.height());
        }
        out.clear();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.add((y * width + x) * cellTypes + view.cell(x, y), 1.0);
            }
        }
        out.add(agentBase + view.agentY() * width + view.agentX(), 1.0);
        for (int i = 0; i < featureCount; i++) {
            double v = env.feature(i);
            if (v != 0) {
                out.add(featureBase + i, v);
            }
        }
    }

    @Override
    public String featureName(int i) {
        if (i >= featureBase) {
            return "feature " + (i - featureBase);
        }
        if (i >= agentBase) {
            int cell = i - agentBase;
            return "agent@" + (cell % width) + "," + (cell / width);
        }
        int cell = i / cellTypes;
        return "cell[" + (cell % width) + "," + (cell / width) + "]=" + (i % cellTypes);
    }
}
