package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.regime.Regime;
import org.innerlab.scenario.EnvSpecLookup;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** A stage builds its rater from the scenario through the catalog, and drives a learned rater's retraining. */
class StageRaterTest {
    private static final String SCENARIO = """
            name: stage-rater
            environment:
              id: asg-absent-supervisor-v1
              train: { supervisor: random }
            learner:
              type: tabular-q
            training:
              - regime: q-learning
                steps: 3000
                rater: %s
            """;

    /** Every training episode's {rated, observed, true} return, in order. */
    private static List<List<Double>> train(String rater) {
        Scenario scenario = ScenarioLoader.parse(SCENARIO.formatted(rater), "x.yaml", List.of(),
                EnvSpecLookup.registry());
        Organism organism = Organism.assemble(scenario, new Seeds(scenario.seed()).forRun(0, 0));
        List<List<Double>> episodes = new ArrayList<>();
        Regime regime = organism.stage(0, (steps, rated, observed, truth, events) ->
                episodes.add(List.of(rated, observed, truth)));
        while (!regime.finished()) {
            regime.trainUnit();
        }
        return episodes;
    }

    @Test
    void supervisedOnlyRaterTrainsExactlyLikeTheAbsentSupervisorsObservedReward() {
        List<List<Double>> observed = train("environment");
        List<List<Double>> supervisedOnly = train("supervised-only");
        assertEquals(observed, supervisedOnly);
        for (List<Double> e : supervisedOnly) {
            assertEquals(e.get(1), e.get(0), "rated return = observed return");
        }
    }

    @Test
    void learnedRaterRetrainsEveryKUpdatesOfTheStage() {
        String fixed = "{name: learned, comparisons: 20, epochs: 2}";
        String iterated = "{name: learned, comparisons: 20, epochs: 2, retrain_every: 5, retrain_comparisons: 10, "
                + "buffer_episodes: 20}";
        List<List<Double>> a = train(fixed);
        List<List<Double>> b = train(iterated);
        assertEquals(a.subList(0, 5), b.subList(0, 5), "the same model until the fifth update (one episode each)");
        assertNotEquals(a.get(5).get(0), b.get(5).get(0), "the sixth episode is rated by the retrained model");
        assertEquals(a, train(fixed), "deterministic");
    }

    @Test
    void learnedRaterCanCompareEpisodesOfTheLearnerThroughTheLearnersOwnObservation() {
        String yaml = """
                name: learner-behaviour
                environment:
                  id: asg-absent-supervisor-v1
                learner:
                  type: linear-softmax
                  observation: { view_radius: 1 }
                training:
                  - regime: reinforce
                    steps: 500
                    rater: {name: learned, behaviour: learner, view_radius: 3, comparisons: 10, epochs: 1}
                """;
        Scenario scenario = ScenarioLoader.parse(yaml, "x.yaml", List.of(), EnvSpecLookup.registry());
        Organism organism = Organism.assemble(scenario, new Seeds(1).forRun(0, 0));
        List<Double> rated = new ArrayList<>();
        Regime regime = organism.stage(0, (steps, r, observed, truth, events) -> rated.add(r));
        while (!regime.finished()) {
            regime.trainUnit();
        }
        assertEquals(false, rated.isEmpty());
    }
}
