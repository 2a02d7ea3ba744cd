package org.innerlab.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.learner.MlpPolicy;
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
 * exp, log and tanh from {@link Math} (JIT intrinsics on current JDKs), {@link StrictMath} (fdlibm, the
 * same bits on every JVM by specification) and Commons Math's {@link FastMath} (pure Java, the same bits
 * on every JVM because it is plain Java arithmetic), on the arguments the learners feed them: logits
 * shifted by their maximum (exp), probabilities (log) and pre-activations (tanh). One op is 1024 calls.
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar ElementaryFunctionBenchmark -f 1 -wi 3 -i 5 -r 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ElementaryFunctionBenchmark {
    private static final int N = 1024;

    /** Which library computes the function. */
    @Param({"Math", "StrictMath", "FastMath"})
    public String library;

    private final double[] shiftedLogits = new double[N];
    private final double[] probabilities = new double[N];
    private final double[] preActivations = new double[N];

    @Setup(Level.Trial)
    public void setUp() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            shiftedLogits[i] = -8 * random.nextDouble();
            probabilities[i] = 1e-4 + random.nextDouble();
            preActivations[i] = 6 * random.nextDouble() - 3;
        }
    }

    @Benchmark
    public double exp() {
        double sum = 0;
        switch (library) {
            case "Math" -> { for (double x : shiftedLogits) sum += Math.exp(x); }
            case "StrictMath" -> { for (double x : shiftedLogits) sum += StrictMath.exp(x); }
            default -> { for (double x : shiftedLogits) sum += FastMath.exp(x); }
        }
        return sum;
    }

    @Benchmark
    public double log() {
        double sum = 0;
        switch (library) {
            case "Math" -> { for (double x : probabilities) sum += Math.log(x); }
            case "StrictMath" -> { for (double x : probabilities) sum += StrictMath.log(x); }
            default -> { for (double x : probabilities) sum += FastMath.log(x); }
        }
        return sum;
    }

    /** FastMath's tanh allocates per call, so its row is the lab's own {@link MlpPolicy#tanh} (from FastMath.exp). */
    @Benchmark
    public double tanh() {
        double sum = 0;
        switch (library) {
            case "Math" -> { for (double x : preActivations) sum += Math.tanh(x); }
            case "StrictMath" -> { for (double x : preActivations) sum += StrictMath.tanh(x); }
            default -> { for (double x : preActivations) sum += MlpPolicy.tanh(x); }
        }
        return sum;
    }
}
