package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;

/**
 * {@code reward-model-overoptimisation.yaml} run at two of its reward models, N = 10 (point 0) and N = 300
 * (point 1), over its 20 seeds, and the paired comparisons its tests assert: the mean of the per-seed
 * differences and its 95% normal interval, mean ± 1.96·sd/√20; "rises" and "falls" mean the interval
 * excludes 0.
 *
 * @param runs every run of the two points
 */
record OveroptimisationRuns(List<RunResult> runs) {
    private static final int SEEDS = 20;

    /** Runs the scenario with {@code sets} applied and its sweep narrowed to N = 10 and N = 300, on all cores. */
    static OveroptimisationRuns run(List<String> sets) throws InterruptedException {
        List<String> all = new ArrayList<>(sets);
        all.add("sweep.training.0.rater.comparisons=[10,300]");
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "reward-model-overoptimisation.yaml"), all);
        assertEquals(SEEDS, scenario.seeds(), "the paired comparisons are over the scenario's own 20 seeds");
        return new OveroptimisationRuns(new Sweep(scenario.points(), SEEDS)
                .execute(Runtime.getRuntime().availableProcessors()));
    }

    private static double value(RunResult r, String distribution, String metric) {
        for (MetricValue m : r.metrics()) {
            if (m.distribution().equals(distribution) && m.metric().equals(metric)) {
                return m.value();
            }
        }
        throw new AssertionError(distribution + "/" + metric);
    }

    /** Lower end of the 95% normal interval of the mean per-seed difference a − b at point {@code point}. */
    double pairedLow(int point, String a, String b, String metric) {
        double[] diff = runs.stream().filter(r -> r.point() == point)
                .mapToDouble(r -> value(r, a, metric) - value(r, b, metric)).toArray();
        assertTrue(diff.length == SEEDS);
        double mean = 0;
        for (double x : diff) {
            mean += x;
        }
        mean /= diff.length;
        double ss = 0;
        for (double x : diff) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (diff.length - 1));
        return mean - 1.96 * sd / Math.sqrt(diff.length);
    }

    private double mean(int point, String distribution, String metric) {
        return runs.stream().filter(r -> r.point() == point).mapToDouble(r -> value(r, distribution, metric))
                .average().orElseThrow();
    }

    /** The n (or steps) whose mean true return is highest along a curve. */
    long argmax(int point, String base, long[] xs) {
        long best = xs[0];
        for (long x : xs) {
            if (mean(point, base + "@" + x, "true_return") > mean(point, base + "@" + best, "true_return")) {
                best = x;
            }
        }
        return best;
    }

    /** The rated return rises from n = 64 to n = 4096 along best-of-n at both N (paired interval above 0). */
    void assertBestOfNRatedReturnRises() {
        for (int point = 0; point < 2; point++) {
            double low = pairedLow(point, "train-bon@4096", "train-bon@64", "rated_return");
            assertTrue(low > 0, "point " + point + ": rated return from n = 64 to 4096, paired low " + low);
        }
    }

    /** The n of the highest mean best-of-n true return is larger at N = 300 than at N = 10. */
    void assertBestNLaterForTheBetterModel() {
        long[] ns = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096};
        long small = argmax(0, "train-bon", ns);
        long large = argmax(1, "train-bon", ns);
        assertTrue(large > small, "best n: " + small + " at N = 10, " + large + " at N = 300");
    }

    /**
     * Best-of-n: the rated return rises from n = 64 to n = 4096 at both N (paired interval above 0); the
     * true return falls from the earlier peak to n = 4096 at N = 10 (n = 16 vs 4096, paired interval above
     * 0); and the n of the highest mean true return is larger at N = 300 than at N = 10.
     */
    void assertBestOfNOverOptimisesTheModelAndTheBetterModelLater() {
        assertBestOfNRatedReturnRises();
        double fall = pairedLow(0, "train-bon@16", "train-bon@4096", "true_return");
        assertTrue(fall > 0, "N = 10: true return n = 16 minus n = 4096, paired low " + fall);
        assertBestNLaterForTheBetterModel();
    }

    /** The rated return keeps rising along REINFORCE from 10,000 to 50,000 steps at both N. */
    void assertRlRatedReturnKeepsRising() {
        for (int point = 0; point < 2; point++) {
            double low = pairedLow(point, "train@50000", "train@10000", "rated_return");
            assertTrue(low > 0, "point " + point + ": rated return from 10,000 to 50,000 steps, paired low " + low);
        }
    }

    /** At {@code point} the RL true return rises from the start to {@code peak} and falls from it by 50,000 steps. */
    void assertRlTrueReturnRisesThenFalls(int point, String peak) {
        double rise = pairedLow(point, peak, "train@0", "true_return");
        double fall = pairedLow(point, peak, "train@50000", "true_return");
        assertTrue(rise > 0, "point " + point + ": true return rise to " + peak + ", paired low " + rise);
        assertTrue(fall > 0, "point " + point + ": true return fall from " + peak + ", paired low " + fall);
    }

    /**
     * REINFORCE: the rated return keeps rising from 10,000 to 50,000 steps at both N; the true return
     * rises from the start to the early peak and then falls by the end (N = 10: 2,500 steps; N = 300:
     * 12,500 steps), each paired interval above 0; and the step of the highest mean true return is later
     * at N = 300 than at N = 10.
     */
    void assertRlRatedReturnKeepsRisingWhileTrueReturnRisesThenFalls() {
        assertRlRatedReturnKeepsRising();
        assertRlTrueReturnRisesThenFalls(0, "train@2500");
        assertRlTrueReturnRisesThenFalls(1, "train@12500");
        long[] steps = new long[21];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 2500L * i;
        }
        long small = argmax(0, "train", steps);
        long large = argmax(1, "train", steps);
        assertTrue(large > small, "peak step: " + small + " at N = 10, " + large + " at N = 300");
    }
}
