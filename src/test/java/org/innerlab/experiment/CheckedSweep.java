package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SummaryRow;
import org.innerlab.report.ClaimCheck;
import org.innerlab.report.ClaimVerdict;
import org.innerlab.report.ResultsWriter;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.SweepPoint;

/**
 * Some points of a scenario's sweep, run with its seeds, summarised as summary.csv is and with its claims
 * checked on them, for the robustness tests: a claim whose points were thinned away is not checked, so a test
 * asserts the claims it kept by number ({@link #assertHold}) or all of them.
 *
 * @param points   the points run (their indices are the scenario's)
 * @param runs     every run of them
 * @param summary  their summary rows
 * @param verdicts the verdict on every claim of the scenario, in order
 */
record CheckedSweep(List<SweepPoint> points, List<RunResult> runs, List<SummaryRow> summary,
                    List<ClaimVerdict> verdicts) {
    /** Runs the points of {@code scenario} that {@code kept} accepts, on all cores. */
    static CheckedSweep run(Scenario scenario, Predicate<SweepPoint> kept) throws InterruptedException {
        List<SweepPoint> points = scenario.points().stream().filter(kept).toList();
        List<RunResult> runs = new Sweep(points, scenario.seeds()).execute(Runtime.getRuntime().availableProcessors());
        List<SummaryRow> summary = ResultsWriter.summarise(points, runs);
        return new CheckedSweep(points, runs, summary, ClaimCheck.of(scenario.claims(), points, runs, summary, false));
    }

    /** Fails, listing every verdict, unless each claim numbered in {@code claims} (from 1) holds. */
    void assertHold(List<Integer> claims, String setup) {
        for (int claim : claims) {
            assertTrue(verdicts.get(claim - 1).holds(), "claim " + claim + " " + setup + ":\n" + lines());
        }
    }

    /** Fails, listing every verdict, unless every claim holds. */
    void assertAllHold(String setup) {
        assertTrue(verdicts.stream().allMatch(ClaimVerdict::holds), setup + ":\n" + lines());
    }

    private String lines() {
        return verdicts.stream().map(ClaimVerdict::line).collect(Collectors.joining("\n"));
    }
}
