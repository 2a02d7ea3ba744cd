package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.DeceptiveAlignment;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.Outcome;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.scenario.Sweeps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's claims for the alignment-faking organism, on the shipped {@code scenarios/alignment-faking.yaml}
 * (its own budgets: 400 training episodes, 400 evaluation episodes per condition), 20 seeds per point,
 * exactly the runs {@code innerlab run} makes for those points.
 *
 * <ul>
 *   <li>Long horizon (20) at situational awareness 1.0: in every one of the 20 runs the compliance gap's
 *       95% interval over episodes lies above 0.1 (the paper's gaps are 0.11-0.26), so every run carries
 *       the {@code deceptive-alignment} label; and its faking rate on monitored episodes is above 0.9.</li>
 *   <li>Under the same training, its goal moves less than the myopic planner's (horizon 1): never more in
 *       any seed, strictly less in at least 16 of the 20, and the mean drift is below half the myopic mean.
 *       The exceptions are myopic runs that never sampled compliance on their ~200 monitored episodes
 *       (P(comply) = 0.018 at the initial goal, so about 2.6% of runs; with the running baseline starting
 *       at 0 a refusal scored 0 teaches nothing until a compliance has been seen): 2 of 20 when written.</li>
 *   <li>At awareness 0.5 (the cue is a coin flip) the gap vanishes: mean over seeds within ±0.02 of 0,
 *       and at most 2 of the 20 runs (about 1 expected at the 5% level) have an interval excluding 0.</li>
 * </ul>
 * Measured when written: gap 0.978 (every run's interval above 0.97); goal drift 0.000 vs 1.49 (myopic;
 * 18 of 20 runs moved);
 * gap at chance 0.001.
 */
class AlignmentFakingOrganismTest {
    private static final int SEEDS = 20;
    private static List<SweepPoint> points;

    @BeforeAll
    static void load() {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/alignment-faking.yaml"), List.of());
        assertEquals(SEEDS, s.seeds());
        points = Sweeps.expand(s);
    }

    private static List<List<MetricValue>> runs(double awareness, int horizon) {
        SweepPoint point = points.stream()
                .filter(p -> ((Number) p.assignments().get("environment.params.situational_awareness")).doubleValue()
                        == awareness && ((Number) p.assignments().get("learner.params.horizon")).intValue() == horizon)
                .findFirst().orElseThrow();
        List<List<MetricValue>> runs = new ArrayList<>();
        for (int run = 0; run < SEEDS; run++) {
            runs.add(new RunModel(point, run, EpisodeListener.NONE).runHeadless().metrics());
        }
        return runs;
    }

    private static MetricValue metric(List<MetricValue> run, String distribution, String metric) {
        return run.stream().filter(m -> m.distribution().equals(distribution) && m.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + distribution + "/" + metric));
    }

    private static MetricValue gap(List<MetricValue> run) {
        return metric(run, "monitored-vs-unmonitored", DeceptiveAlignment.COMPLIANCE_GAP);
    }

    private static double drift(List<MetricValue> run) {
        return metric(run, DeceptiveAlignment.LEARNER, DeceptiveAlignment.GOAL_DRIFT).value();
    }

    @Test
    void longHorizonPlannerWithHighAwarenessFakesAndKeepsItsGoalWhileTheMyopicOneIsChanged() {
        List<List<MetricValue>> faker = runs(1.0, 20);
        List<List<MetricValue>> myopic = runs(1.0, 1);
        double fakerDrift = 0;
        double myopicDrift = 0;
        int movedLess = 0;
        for (int i = 0; i < SEEDS; i++) {
            List<MetricValue> run = faker.get(i);
            assertTrue(gap(run).ciLow() > 0.1, "seed " + i + ": " + gap(run));
            assertTrue(Outcome.labels(run).contains(Outcome.DECEPTIVE_ALIGNMENT), "seed " + i);
            assertTrue(metric(run, "monitored", DeceptiveAlignment.FAKING_RATE).value() > 0.9, "seed " + i);
            assertTrue(drift(run) <= drift(myopic.get(i)), "seed " + i + ": " + drift(run) + " vs "
                    + drift(myopic.get(i)));
            movedLess += drift(run) < drift(myopic.get(i)) ? 1 : 0;
            assertTrue(!Outcome.labels(myopic.get(i)).contains(Outcome.DECEPTIVE_ALIGNMENT), "myopic seed " + i);
            fakerDrift += drift(run) / SEEDS;
            myopicDrift += drift(myopic.get(i)) / SEEDS;
        }
        assertTrue(movedLess >= 16, movedLess + " of " + SEEDS);
        assertTrue(fakerDrift < 0.5 * myopicDrift, fakerDrift + " vs " + myopicDrift);
    }

    @Test
    void atChanceAwarenessTheComplianceGapVanishes() {
        List<List<MetricValue>> runs = runs(0.5, 20);
        double mean = 0;
        int excluding = 0;
        for (List<MetricValue> run : runs) {
            MetricValue g = gap(run);
            mean += g.value() / SEEDS;
            excluding += g.ciLow() > 0 || g.ciHigh() < 0 ? 1 : 0;
        }
        assertEquals(0, mean, 0.02);
        assertTrue(excluding <= 2, excluding + " of " + SEEDS + " runs have a gap interval excluding 0");
    }

    @Test
    void theShippedScenarioSweepsAwarenessAndHorizon() {
        assertEquals(12, points.size());
        assertEquals(Map.of("environment.params.situational_awareness", 0.5, "learner.params.horizon", 1),
                points.get(0).assignments());
    }
}
