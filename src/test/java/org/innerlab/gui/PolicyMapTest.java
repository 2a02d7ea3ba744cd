package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.env.GridView;
import org.innerlab.experiment.Organism;
import org.innerlab.experiment.RunModel;
import org.innerlab.learner.Policy;
import org.innerlab.observe.SparseVector;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The overlay asks the policy what it would do in each open cell, and nowhere else. */
class PolicyMapTest {
    private static Scenario scenario(String... sets) {
        return ScenarioLoader.load(Path.of("scenarios", "coinrun-goal-misgeneralization.yaml"), List.of(sets))
                .points().get(0).scenario();
    }

    @Test
    void anUntrainedUniformPolicyShowsTheFirstActionAtOneFifthInEveryOpenCell() {
        Scenario s = scenario();
        Seeds seeds = new Seeds(s.seed()).forRun(0, 0);
        Watch watch = new Watch(Organism.assemble(s, seeds), "train", seeds);
        GridView view = watch.environment().view();
        PolicyMap map = watch.policyMap();
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                String type = view.cellTypeName(view.cell(x, y));
                if (type.equals("empty")) {
                    assertEquals(0, map.action(x, y), "LEFT wins the five-way tie at " + x + "," + y);
                    assertEquals(0.2, map.probability(x, y), 1e-12);
                } else {
                    assertEquals(-1, map.action(x, y), type + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void atTheAgentsCellTheMapIsThePolicyOnTheRealObservation() {
        Scenario s = scenario("training.0.steps=60000", "evaluation.episodes=10");
        RunModel run = new RunModel(s, 0, 0, EpisodeListener.NONE);
        run.runHeadless();
        Organism o = run.organism();
        Watch watch = new Watch(o, "test", new Seeds(s.seed()).forRun(0, 0));
        Policy policy = o.learner().evaluationPolicy();
        SparseVector obs = new SparseVector(o.encoder().dimension(), o.encoder().maxActive());
        double[] p = new double[policy.actionCount()];
        for (int move = 0; move < 40; move++) {
            if (!watch.done()) {
                o.encoder().encode(watch.environment(), obs);
                policy.probabilities(obs, p);
                GridView v = watch.environment().view();
                int best = 0;
                for (int a = 1; a < p.length; a++) {
                    best = p[a] > p[best] ? a : best;
                }
                assertEquals(best, watch.policyMap().action(v.agentX(), v.agentY()), "move " + move);
                assertEquals(p[best], watch.policyMap().probability(v.agentX(), v.agentY()), 0.0, "move " + move);
            }
            watch.step();
        }
    }
}
