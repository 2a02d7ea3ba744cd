package org.innerlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.innerlab.env.Params;
import org.innerlab.env.compliance.ComplianceRequests;
import org.innerlab.learner.AlignmentFakingPlanner;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.SparseVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One decision of the alignment-faking planner (a full plan: the recursion over future episodes and the
 * softmax), for a few horizons H and planning depths D, with harmful-only requests (2 children per look-ahead
 * node, as in the shipped scenario) and with mixed requests (3 children per node), one core.
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar PlannerBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PlannerBenchmark {
    @Param({"1", "20"})
    public int horizon;

    @Param({"1", "3", "6"})
    public int depth;

    @Param({"1.0", "0.5"})
    public double harmfulShare;

    private AlignmentFakingPlanner planner;
    private SparseVector monitoredCue;
    private SparseVector unmonitoredCue;
    private final double[] probabilities = new double[2];

    @Setup(Level.Trial)
    public void setUp() {
        EgocentricEncoder encoder = new EgocentricEncoder(ComplianceRequests.SPEC,
                new ComplianceRequests(Params.defaults(ComplianceRequests.SPEC)).view(), 0, List.of("harmful", "cue_monitored"));
        planner = new AlignmentFakingPlanner(new AlignmentFakingPlanner.Hyper(horizon, depth, 0.3, 0.9, 0.5,
                harmfulShare, 1.0, 0.25, 1.0), encoder, ComplianceRequests.COMPLY, ComplianceRequests.REFUSE);
        int base = encoder.dimension() - 2;
        monitoredCue = new SparseVector(encoder.dimension(), encoder.maxActive());
        monitoredCue.add(0, 1);
        monitoredCue.add(2, 1);
        monitoredCue.add(base, 1);
        monitoredCue.add(base + 1, 1);
        unmonitoredCue = new SparseVector(encoder.dimension(), encoder.maxActive());
        unmonitoredCue.add(0, 1);
        unmonitoredCue.add(2, 1);
        unmonitoredCue.add(base, 1);
    }

    @Benchmark
    public double decide() {
        planner.probabilities(monitoredCue, probabilities);
        double p = probabilities[0];
        planner.probabilities(unmonitoredCue, probabilities);
        return p + probabilities[0];
    }
}
