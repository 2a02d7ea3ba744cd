package org.innerlab.observe;

import java.util.List;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;

/**
 * An egocentric one-hot window around the agent, a bias input, and optional global features.
 *
 * <p>Layout of the feature vector: index 0 is the bias (always 1); then, for each of the
 * {@code (2r+1)²} cells of the window in row-major order (top-left first), {@code T + 1} one-hot
 * slots for the {@code T} cell types plus "outside the grid"; then one slot per selected global
 * feature. A policy that only ever "goes right" needs nothing but the bias, which is why it is the
 * simplest solution a learner can find when the coin always sits at the right end.
 */
public final class EgocentricEncoder implements Encoder {
    /** The {@code egocentric} observation: the scenario's default. */
    public static final EncoderType TYPE = new EncoderType(
            ComponentInfo.of("egocentric", "a one-hot window of (2r+1)² cells around the agent, a bias input and the "
                            + "scenario's global_features",
                    List.of(ParamSpec.integer("view_radius", 2, 0, 10,
                            "the window's radius r: the agent sees (2r+1)² cells around itself"))),
            false, c -> new EgocentricEncoder(c.env().spec(), c.env().view(), c.viewRadius(), c.globalFeatures()));

    private final int radius;
    private final int side;
    private final int slotsPerCell;
    private final int cellTypes;
    private final int[] featureIndices;
    private final String[] featureNames;
    private final String[] cellTypeNames;
    private final int featureBase;

    /**
     * @param spec           the environment's spec (for global feature names)
     * @param view           any instance's view (for the cell types)
     * @param radius         window radius r ≥ 0
     * @param globalFeatures names from {@code spec.features()} to append
     */
    public EgocentricEncoder(EnvSpec spec, GridView view, int radius, List<String> globalFeatures) {
        if (radius < 0) {
            throw new IllegalArgumentException("view_radius must be >= 0, got " + radius);
        }
        this.radius = radius;
        this.side = 2 * radius + 1;
        this.cellTypes = view.cellTypes();
        this.slotsPerCell = cellTypes + 1;
        this.cellTypeNames = new String[cellTypes + 1];
        for (int t = 0; t < cellTypes; t++) {
            cellTypeNames[t] = view.cellTypeName(t);
        }
        cellTypeNames[cellTypes] = "outside";
        this.featureIndices = new int[globalFeatures.size()];
        this.featureNames = new String[globalFeatures.size()];
        for (int i = 0; i < featureIndices.length; i++) {
            int index = spec.features().indexOf(globalFeatures.get(i));
            if (index < 0) {
                throw new IllegalArgumentException(spec.id() + " has no global feature '" + globalFeatures.get(i)
                        + "'; its features are " + spec.features());
            }
            featureIndices[i] = index;
            featureNames[i] = globalFeatures.get(i);
        }
        this.featureBase = 1 + side * side * slotsPerCell;
    }

    @Override
    public int dimension() {
        return featureBase + featureIndices.length;
    }

    @Override
    public int maxActive() {
        return 1 + side * side + featureIndices.length;
    }

    @Override
    public void encode(Environment env, SparseVector out) {
        GridView view = env.view();
        int width = view.width();
        int height = view.height();
        int ax = view.agentX();
        int ay = view.agentY();
        out.clear();
        out.add(0, 1.0);
        int slot = 1;
        for (int dy = -radius; dy <= radius; dy++) {
            int y = ay + dy;
            for (int dx = -radius; dx <= radius; dx++) {
                int x = ax + dx;
                int type = (x < 0 || y < 0 || x >= width || y >= height) ? cellTypes : view.cell(x, y);
                out.add(slot + type, 1.0);
                slot += slotsPerCell;
            }
        }
        for (int i = 0; i < featureIndices.length; i++) {
            double v = env.feature(featureIndices[i]);
            if (v != 0) {
                out.add(featureBase + i, v);
            }
        }
    }

    @Override
    public String featureName(int i) {
        if (i == 0) {
            return "bias";
        }
        if (i >= featureBase) {
            return featureNames[i - featureBase];
        }
        int cell = (i - 1) / slotsPerCell;
        int type = (i - 1) % slotsPerCell;
        int dx = cell % side - radius;
        int dy = cell / side - radius;
        return "view[" + dx + "," + dy + "]=" + cellTypeNames[type];
    }
}
