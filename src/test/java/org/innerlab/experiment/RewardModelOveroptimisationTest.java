package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code reward-model-overoptimisation.yaml} at two of its reward models, N = 10 and N = 300
 * comparisons, over 20 seeds of a master seed (1) other than the file's, with the file's budgets.
 * The points compared were chosen from the file's own run (seed 20221019) before this seed was run:
 * there the best-of-n true return peaked at n = 8–16 (N = 10) and n = 256–512 (N = 300), and the RL
 * true return at 2,500 steps (N = 10) and 12,500 steps (N = 300).
 *
 * <p>Paired comparisons are over the 20 seeds: the mean of the per-seed differences and its 95%
 * normal interval, mean ± 1.96·sd/√20; "rises" and "falls" mean the interval excludes 0.
 */
class RewardModelOveroptimisationTest {
    private static final int SEEDS = 20;
    private static List<RunResult> runs;

    @BeforeAll
    static void run() throws InterruptedException {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "reward-model-overoptimisation.yaml"),
                List.of("seed=1", "sweep.training.0.rater.comparisons=[10,300]"));
        runs = new Sweep(scenario.points(), SEEDS).execute(Runtime.getRuntime().availableProcessors());
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
    private static double pairedLow(int point, String a, String b, String metric) {
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

    private static double mean(int point, String distribution, String metric) {
        return runs.stream().filter(r -> r.point() == point).mapToDouble(r -> value(r, distribution, metric))
                .average().orElseThrow();
    }

    /** The n (or steps) whose mean true return is highest along a curve. */
    private static long argmax(int point, String base, long[] xs) {
        long best = xs[0];
        for (long x : xs) {
            if (mean(point, base + "@" + x, "true_return") > mean(point, base + "@" + best, "true_return")) {
                best = x;
            }
        }
        return best;
    }

    /**
     * Best-of-n: the rated return rises from n = 64 to n = 4096 at both N (paired interval above 0); the
     * true return falls from the earlier peak to n = 4096 at N = 10 (n = 16 vs 4096, paired interval above
     * 0); and the n of the highest mean true return is larger at N = 300 than at N = 10.
     */
    @Test
    void bestOfNOverOptimisesTheModelAndTheBetterModelLater() {
        for (int point = 0; point < 2; point++) {
            double low = pairedLow(point, "train-bon@4096", "train-bon@64", "rated_return");
            assertTrue(low > 0, "point " + point + ": rated return from n = 64 to 4096, paired low " + low);
        }
        double fall = pairedLow(0, "train-bon@16", "train-bon@4096", "true_return");
        assertTrue(fall > 0, "N = 10: true return n = 16 minus n = 4096, paired low " + fall);
        long[] ns = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096};
        long small = argmax(0, "train-bon", ns);
        long large = argmax(1, "train-bon", ns);
        assertTrue(large > small, "best n: " + small + " at N = 10, " + large + " at N = 300");
    }

    /**
     * REINFORCE: the rated return keeps rising from 10,000 to 50,000 steps at both N; the true return
     * rises from the start to the early peak and then falls by the end (N = 10: 2,500 steps; N = 300:
     * 12,500 steps), each paired interval above 0; and the step of the highest mean true return is later
     * at N = 300 than at N = 10.
     */
    @Test
    void rlRatedReturnKeepsRisingWhileTrueReturnRisesThenFalls() {
        for (int point = 0; point < 2; point++) {
            double low = pairedLow(point, "train@50000", "train@10000", "rated_return");
            assertTrue(low > 0, "point " + point + ": rated return from 10,000 to 50,000 steps, paired low " + low);
        }
        String[] peaks = {"train@2500", "train@12500"};
        for (int point = 0; point < 2; point++) {
            double rise = pairedLow(point, peaks[point], "train@0", "true_return");
            double fall = pairedLow(point, peaks[point], "train@50000", "true_return");
            assertTrue(rise > 0, "point " + point + ": true return rise to " + peaks[point] + ", paired low " + rise);
            assertTrue(fall > 0, "point " + point + ": true return fall from " + peaks[point] + ", paired low " + fall);
        }
        long[] steps = new long[21];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 2500L * i;
        }
        long small = argmax(0, "train", steps);
        long large = argmax(1, "train", steps);
        assertTrue(large > small, "peak step: " + small + " at N = 10, " + large + " at N = 300");
    }
}
