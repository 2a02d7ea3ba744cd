package org.innerlab.bench;

import java.util.concurrent.TimeUnit;
import org.innerlab.core.Seeds;
import org.innerlab.learner.MlpMinibatch;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.observe.SparseVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The MLP policy's forward pass and forward + backward pass on a one-hot observation the size of the
 * earlier cheese-maze scenario's (a 9×9 window of 5 cell types plus 4 features: 81 active inputs of 409;
 * the scenario now uses a 7×7 window, 54 active inputs), one core; and forward + backward of a
 * minibatch of 64 such observations (each with its own active inputs) through {@link MlpMinibatch}, per
 * sample, as PPO and behaviour cloning run them.
 *
 * <pre>mvn -B -Pbench -DskipTests package &amp;&amp; java -jar target/benchmarks.jar MlpBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MlpBenchmark {
    private static final int INPUTS = 409;
    private static final int ACTIVE = 85;
    private static final int BATCH = 64;

    @Param({"64", "64x64"})
    public String hidden;

    /** The hidden nonlinearity: tanh costs an exponential per unit, ReLU a comparison. */
    @Param({"tanh", "relu"})
    public String activation;

    private MlpPolicy mlp;
    private final SparseVector obs = new SparseVector(INPUTS, ACTIVE);
    private final double[] dLogits = new double[4];
    private MlpMinibatch batch;
    private final SparseVector[] batchObs = new SparseVector[BATCH];
    private final int[] batchRows = new int[BATCH];

    @Setup(Level.Trial)
    public void setUp() {
        int[] layers = hidden.contains("x") ? new int[] {64, 64} : new int[] {64};
        mlp = new MlpPolicy(INPUTS, ACTIVE, 4, layers, MlpPolicy.Activation.valueOf(activation.toUpperCase(java.util.Locale.ROOT)), new Seeds(1).stream("init"));
        for (int i = 0; i < ACTIVE; i++) {
            obs.add(i * 4 + (i % 4), 1.0);
        }
        dLogits[1] = 0.5;
        dLogits[2] = -0.5;
        batch = new MlpMinibatch(mlp, BATCH, ACTIVE);
        for (int s = 0; s < BATCH; s++) {
            batchObs[s] = new SparseVector(INPUTS, ACTIVE);
            for (int i = 0; i < ACTIVE; i++) {
                batchObs[s].add(i * 4 + (i + s) % 4, 1.0);
            }
            batchRows[s] = s;
            System.arraycopy(dLogits, 0, batch.logitGradients(), s * 4, 4);
            batch.valueGradients()[s] = 0.1;
        }
    }

    @Benchmark
    public double forward() {
        return mlp.forward(obs);
    }

    @Benchmark
    public double forwardBackward() {
        double v = mlp.forward(obs);
        mlp.backward(obs, dLogits, 0.1);
        return v;
    }

    /** One op is one sample of a minibatch of 64: the amortised cost of forward + backward. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double minibatchForwardBackward() {
        batch.forward(batchObs, batchRows, 0, BATCH);
        batch.backward();
        return batch.value(0);
    }
}
