package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.innerlab.measure.Bootstrap;
import org.innerlab.measure.MeanEstimate;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.CurveConfig;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped Tree world scenario at its full budget (300,000 steps of one unbroken life) with 20 seeds
 * per point, learning rate 0.3: the extinction dip appears where regrowth is slow and not where it is
 * fast; and the same in an 8 × 8 room with 16 sites (regrowth 0.015 against 0.04) at another master seed.
 *
 * <p>Per run, from the training world's own blocks ({@code online@x}, every 2,000 steps): the chop
 * series is smoothed by a moving average over 10 points (20,000 steps); the <em>peak</em> is its maximum
 * in the first third of training, the <em>late</em> rate the mean chop count over the second half, and
 * the dip depth (peak − late) / peak. The maximum of a noisy series is biased upwards, so a dip depth
 * is asserted only against a threshold well above that bias (the fast-regrowth control's mean is 0.06)
 * and against the fast-regrowth control, which shares it. Thresholds (95% percentile-bootstrap intervals
 * over the 20 runs):
 * <ul>
 *   <li>regrowth 0.02: depth's interval above 0.15, and the trees standing in the second half (of 12)
 *       below 5;</li>
 *   <li>regrowth 0.02: steps per chop while a tree stands, over the second half, at most 1.25 times the
 *       same at the peak (upper end of one interval against the lower end of the other): the agent stays a
 *       competent chopper through the dip, with fewer trees to find;</li>
 *   <li>regrowth 0.04: depth's interval below the regrowth-0.02 interval (no dip: the learner settles
 *       near the maximum sustainable yield);</li>
 *   <li>8 × 8, 16 sites, master seed 7: the depth interval at regrowth 0.015 above the one at 0.04, and
 *       the trees standing in the second half at 0.015 below 6 (of 16).</li>
 * </ul>
 * Measured values are in docs/organisms/tree-world.md.
 */
class TreeWorldExtinctionDipTest {
    private static final Path SCENARIO = Path.of("scenarios", "tree-world.yaml");
    private static final int SMOOTHING = 10;
    private static Map<Double, List<Dip>> shipped;
    private static List<Dip> largerSlow;
    private static List<Dip> largerFast;

    /** One run's dip: depth of the chop rate's fall, trees standing late, steps per chop at peak and late. */
    record Dip(double depth, double lateTrees, double peakStepsPerChop, double lateStepsPerChop) {
    }

    @BeforeAll
    static void runBothSetups() throws Exception {
        Scenario scenario = ScenarioLoader.load(SCENARIO, List.of("seeds=20",
                "sweep.training.0.params.learning_rate=[0.3]"));
        shipped = dips(scenario, "environment.params.regrowth");
        Scenario other = ScenarioLoader.load(SCENARIO, List.of("seeds=20", "seed=7",
                "environment.params.width=8", "environment.params.height=8", "environment.params.sites=16",
                "environment.params.initial_trees=16", "sweep.environment.params.regrowth=[0.015, 0.04]",
                "sweep.training.0.params.learning_rate=[0.3]"));
        Map<Double, List<Dip>> otherDips = dips(other, "environment.params.regrowth");
        largerSlow = otherDips.get(0.015);
        largerFast = otherDips.get(0.04);
    }

    @Test
    void slowRegrowthMakesTheChopRateFallAsTheForestCollapses() {
        MeanEstimate depth = mean(shipped.get(0.02), Dip::depth);
        MeanEstimate trees = mean(shipped.get(0.02), Dip::lateTrees);
        assertTrue(depth.ciLow() > 0.15, "dip depth at regrowth 0.02 " + depth);
        assertTrue(trees.ciHigh() < 5, "trees standing late at regrowth 0.02 " + trees);
    }

    @Test
    void theAgentStaysACompetentChopperThroughTheDip() {
        MeanEstimate peak = mean(shipped.get(0.02), Dip::peakStepsPerChop);
        MeanEstimate late = mean(shipped.get(0.02), Dip::lateStepsPerChop);
        assertTrue(late.ciHigh() < 1.25 * peak.ciLow(), "steps per chop late " + late + " vs at the peak " + peak);
    }

    @Test
    void fastRegrowthShowsNoDip() {
        MeanEstimate slow = mean(shipped.get(0.02), Dip::depth);
        MeanEstimate fast = mean(shipped.get(0.04), Dip::depth);
        assertTrue(fast.ciHigh() < slow.ciLow(), "dip depth at regrowth 0.04 " + fast + " vs 0.02 " + slow);
    }

    @Test
    void theDipAppearsInALargerForestAtAnotherSeed() {
        MeanEstimate slow = mean(largerSlow, Dip::depth);
        MeanEstimate fast = mean(largerFast, Dip::depth);
        MeanEstimate trees = mean(largerSlow, Dip::lateTrees);
        assertTrue(slow.ciLow() > fast.ciHigh(), "dip depth, 8x8 room, regrowth 0.015 " + slow + " vs 0.04 " + fast);
        assertTrue(trees.ciHigh() < 6, "trees standing late, 8x8 room, regrowth 0.015 " + trees);
    }

    /** Every run of {@code scenario}, its dips grouped by the value of the swept {@code key}. */
    private static Map<Double, List<Dip>> dips(Scenario scenario, String key) throws InterruptedException {
        List<SweepPoint> points = scenario.points();
        long budget = scenario.training().get(0).steps();
        Map<Double, List<Dip>> byValue = new TreeMap<>();
        for (RunResult run : new Sweep(points, scenario.seeds()).execute(Runtime.getRuntime().availableProcessors())) {
            double value = ((Number) points.get(run.point()).assignments().get(key)).doubleValue();
            byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(dip(run, budget));
        }
        return byValue;
    }

    /** The dip of one run, from its {@code online@x} rows. */
    static Dip dip(RunResult run, long budget) {
        TreeMap<Long, double[]> blocks = new TreeMap<>();
        String prefix = CurveConfig.ONLINE + CurveConfig.AT;
        for (MetricValue m : run.metrics()) {
            if (!m.distribution().startsWith(prefix)) {
                continue;
            }
            double[] b = blocks.computeIfAbsent(Long.parseLong(m.distribution().substring(prefix.length())),
                    x -> new double[3]);
            switch (m.metric()) {
                case "chops" -> b[0] = m.value();
                case "trees_left" -> b[1] = m.value();
                case "steps_with_trees" -> b[2] = m.value();
                default -> { }
            }
        }
        List<Long> xs = new ArrayList<>(blocks.keySet());
        List<double[]> values = new ArrayList<>(blocks.values());
        double peak = Double.NEGATIVE_INFINITY;
        int peakEnd = SMOOTHING;
        for (int end = SMOOTHING; end <= xs.size() && xs.get(end - 1) <= budget / 3; end++) {
            double sum = 0;
            for (int i = end - SMOOTHING; i < end; i++) {
                sum += values.get(i)[0];
            }
            if (sum / SMOOTHING > peak) {
                peak = sum / SMOOTHING;
                peakEnd = end;
            }
        }
        double[] late = new double[3];
        int lateCount = 0;
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i) > budget / 2) {
                for (int k = 0; k < 3; k++) {
                    late[k] += values.get(i)[k];
                }
                lateCount++;
            }
        }
        double[] atPeak = new double[3];
        for (int i = peakEnd - SMOOTHING; i < peakEnd; i++) {
            for (int k = 0; k < 3; k++) {
                atPeak[k] += values.get(i)[k];
            }
        }
        double lateChops = late[0] / lateCount;
        return new Dip((peak - lateChops) / peak, late[1] / lateCount, atPeak[2] / atPeak[0], late[2] / late[0]);
    }

    private static MeanEstimate mean(List<Dip> dips, ToDoubleFunction<Dip> measure) {
        return Bootstrap.standard().mean(dips.stream().mapToDouble(measure).toArray(), 20261207L);
    }
}
