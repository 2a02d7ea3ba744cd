package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.env.GridView;
import org.innerlab.experiment.Organism;
import org.innerlab.learner.LinearSoftmaxPolicy;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.learner.QFunction;
import org.innerlab.observe.SparseVector;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The value heat map: the learner's own estimate per open cell, drawn only when asked for. */
class ValueMapTest {
    private static Watch watch(String file, String distribution) {
        Scenario s = ScenarioLoader.load(Path.of("scenarios", file), List.of()).points().get(0).scenario();
        Seeds seeds = new Seeds(s.seed()).forRun(0, 0);
        return new Watch(Organism.assemble(s, seeds), distribution, seeds);
    }

    private static SparseVector observation(Watch w) {
        Organism o = w.organism();
        SparseVector obs = new SparseVector(o.encoder().dimension(), o.encoder().maxActive());
        o.encoder().encode(w.environment(), obs);
        return obs;
    }

    @Test
    void offUnlessSwitchedOn() {
        Watch w = watch("coinrun-goal-misgeneralization.yaml", "train");
        assertNull(w.valueMap());
        w.setShowValues(true);
        assertTrue(w.valueMap() != null);
    }

    @Test
    void aQTableShowsMaxQAtTheAgentsCellAndNaNOnSolidCells() {
        Watch w = watch("coinrun-tabular-baseline.yaml", "train");
        QFunction q = (QFunction) w.organism().learner();
        q.adjust(observation(w), 2, 3.0);
        q.adjust(observation(w), 1, -1.0);
        w.setShowValues(true);
        ValueMap map = w.valueMap();
        GridView v = w.environment().view();
        assertEquals("max_a Q(s,a)", map.label());
        assertEquals(3.0, map.value(v.agentX(), v.agentY()), 0.0, "max(0, -1, 3, 0, 0)");
        assertEquals(3.0, map.max(), 0.0);
        int under = v.cell(v.agentX(), v.agentY());
        int solid = 0;
        for (int y = 0; y < v.height(); y++) {
            for (int x = 0; x < v.width(); x++) {
                String name = v.cellTypeName(v.cell(x, y));
                if (v.cell(x, y) != under && !name.equals("empty") && !name.equals("floor")) {
                    solid++;
                    assertTrue(Double.isNaN(map.value(x, y)), "no estimate in " + name + " at " + x + "," + y);
                }
            }
        }
        assertTrue(solid > 0);
    }

    @Test
    void aLinearPolicyShowsItsBaselineAndAnMlpItsValueHead() {
        Watch w = watch("coinrun-goal-misgeneralization.yaml", "test");
        LinearSoftmaxPolicy linear = (LinearSoftmaxPolicy) w.organism().learner();
        java.util.Arrays.fill(linear.valueWeights(), 0.25);
        w.setShowValues(true);
        GridView v = w.environment().view();
        assertEquals("V(s)", w.valueMap().label());
        assertEquals(linear.value(observation(w)), w.valueMap().value(v.agentX(), v.agentY()), 1e-12);

        Watch m = watch("cheese-maze.yaml", "train");
        MlpPolicy mlp = (MlpPolicy) m.organism().learner();
        double expected = mlp.forward(observation(m));
        m.setShowValues(true);
        GridView mv = m.environment().view();
        assertEquals(expected, m.valueMap().value(mv.agentX(), mv.agentY()), 1e-12);
    }

    @Test
    void theFrameColoursOpenCellsByTheRampAndGrowsALegendLine() {
        Watch w = watch("coinrun-tabular-baseline.yaml", "train");
        QFunction q = (QFunction) w.organism().learner();
        q.adjust(observation(w), 0, 5.0);
        BufferedImage plain = BoardPainter.frame(w, 32);
        w.setShowValues(true);
        BufferedImage heat = BoardPainter.frame(w, 32);
        assertEquals(plain.getHeight() + 18, heat.getHeight());
        ValueMap map = w.valueMap();
        GridView v = w.environment().view();
        int left = (heat.getWidth() - v.width() * 32) / 2;
        int top = 30;
        int checked = 0;
        for (int y = 0; y < v.height(); y++) {
            for (int x = 0; x < v.width(); x++) {
                double value = map.value(x, y);
                if (!Double.isNaN(value) && !(x == v.agentX() && y == v.agentY())) {
                    // A corner pixel, clear of the arrow and the grid line.
                    int rgb = heat.getRGB(left + x * 32 + 3, top + y * 32 + 3);
                    assertEquals(Palette.ramp(map.fraction(value)).getRGB(), rgb, "cell " + x + "," + y);
                    checked++;
                }
            }
        }
        assertTrue(checked > 10);
        // The agent's cell holds the only non-zero estimate: it is the top of the ramp; all others the bottom.
        assertEquals(1.0, map.fraction(map.value(v.agentX(), v.agentY())), 0.0);
    }

    @Test
    void theRampRunsFromDarkPurpleToYellowAndClamps() {
        assertEquals(0x440154, Palette.ramp(0).getRGB() & 0xFFFFFF);
        assertEquals(0xFDE725, Palette.ramp(1).getRGB() & 0xFFFFFF);
        assertEquals(Palette.ramp(0), Palette.ramp(-3));
        assertEquals(Palette.ramp(1), Palette.ramp(7));
    }
}
