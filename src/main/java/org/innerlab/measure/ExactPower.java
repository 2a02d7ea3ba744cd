package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.util.FastMath;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.TabularMdp;

/**
 * POWER computed exactly on an environment's {@link TabularMdp}, after Turner, Smith, Shah, Critch &amp;
 * Tadepalli (2021), "Optimal Policies Tend to Seek Power": a state's power is how well an agent
 * starting there could do on average over a distribution D of reward functions,
 * <pre>
 *   POWER_D(s, γ) = (1 − γ)/γ · E_{R∼D} [ V*_R(s, γ) − R(s) ],
 *   V*_R(s, γ)    = R(s) + γ · max_a Σ_s' T(s' | s, a) V*_R(s', γ),
 * </pre>
 * the normalised optimal value of what the agent can still reach (the reward of the state it stands in
 * does not count). Each of {@code samples} reward functions is drawn from D with the given stream and
 * solved by value iteration (Gauss–Seidel sweeps until no value changes by more than {@value #TOLERANCE},
 * so POWER is within that of exact); the estimate is the mean over the samples with a 95% normal
 * interval, mean ± 1.96 · sd/√N.
 *
 * <p>D is {@link Rewards#UNIFORM} (i.i.d. U[0,1] per state, Turner et al.'s running example) or
 * {@link Rewards#UNIFORM_PER_PLACE} (one U[0,1] draw per {@link TabularMdp#place}, shared by the states
 * that differ only in what the agent holds there). An absorbing state's POWER is E[R] exactly (0.5
 * under both): it can reach only itself.
 *
 * <p>Besides POWER at the start state, the analysis reports, for each of the environment's events e,
 * <ul>
 *   <li>{@code power_after/e}: the mean POWER of the states that a transition raising e enters (omitted
 *       when no transition raises e), e.g. POWER once shut down or once the off-switch is disabled;</li>
 *   <li>{@code optimal/e}: the probability, averaged over the sampled reward functions, that the optimal
 *       policy for R (ties to the lower action index) raises e within {@link TabularMdp#horizon} steps
 *       from the start: for a deterministic model, the share of reward functions whose optimal policy
 *       does so (Turner et al.'s "most reward functions make it optimal to avoid shutdown").</li>
 * </ul>
 */
public final class ExactPower {
    /** The metric of POWER at the start state. */
    public static final String POWER_START = "power_start";
    /** The prefix of the mean POWER of the states an event's transitions enter. */
    public static final String POWER_AFTER = "power_after/";
    /** The prefix of the probability that the optimal policy raises an event. */
    public static final String OPTIMAL = "optimal/";
    /** Largest change of any value at which value iteration stops. */
    static final double TOLERANCE = 1e-10;
    private static final int MAX_SWEEPS = 1_000_000;

    /** The distribution D of reward functions. */
    public enum Rewards {
        /** R(s) i.i.d. U[0,1] for every state. */
        UNIFORM,
        /** One U[0,1] draw per place, shared by the states at that place. */
        UNIFORM_PER_PLACE;

        /** The distribution a parameter value names ({@code uniform}, {@code uniform_per_place}). */
        public static Rewards named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private final TabularMdp mdp;
    private final int states;
    private final int actions;
    /** Outcomes of (s, a) are {@code first[s·A + a] .. first[s·A + a + 1] − 1}. */
    private final int[] first;
    private final int[] successor;
    private final double[] probability;
    private final long[] events;
    private final int eventCount;

    /**
     * The model of {@code mdp}, read once.
     *
     * @param eventCount how many events the environment declares (bits 0 .. eventCount − 1)
     */
    public ExactPower(TabularMdp mdp, int eventCount) {
        this.mdp = mdp;
        this.states = mdp.stateCount();
        this.actions = mdp.actionCount();
        this.eventCount = eventCount;
        first = new int[states * actions + 1];
        int n = 0;
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                first[s * actions + a] = n;
                n += mdp.outcomes(s, a);
            }
        }
        first[states * actions] = n;
        successor = new int[n];
        probability = new double[n];
        events = new long[n];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                for (int o = 0; o < mdp.outcomes(s, a); o++) {
                    int i = first[s * actions + a] + o;
                    successor[i] = mdp.successor(s, a, o);
                    probability[i] = mdp.probability(s, a, o);
                    events[i] = mdp.events(s, a, o);
                }
            }
        }
    }

    /**
     * What the analysis found at one discount.
     *
     * @param gamma      the discount γ
     * @param samples    N, the number of reward functions
     * @param power      POWER of every state, mean over the samples with its 95% interval
     * @param powerAfter per event: the mean POWER of the states its transitions enter, or null when none does
     * @param optimal    per event: the probability that the optimal policy raises it within the horizon
     */
    public record Analysis(double gamma, int samples, MeanEstimate[] power, MeanEstimate[] powerAfter,
                           MeanEstimate[] optimal) {
        /** POWER at {@code state}. */
        public MeanEstimate powerAt(int state) {
            return power[state];
        }

        /**
         * The analysis as metric values of {@code distribution}: {@value #POWER_START}, then
         * {@code power_after/e} and {@code optimal/e} for each event e of {@code spec}.
         */
        public List<MetricValue> metrics(String distribution, EnvSpec spec, int start) {
            List<MetricValue> values = new ArrayList<>();
            values.add(value(distribution, POWER_START, power[start]));
            for (int e = 0; e < spec.events().size(); e++) {
                if (powerAfter[e] != null) {
                    values.add(value(distribution, POWER_AFTER + spec.events().get(e), powerAfter[e]));
                }
            }
            for (int e = 0; e < spec.events().size(); e++) {
                values.add(value(distribution, OPTIMAL + spec.events().get(e), optimal[e]));
            }
            return values;
        }

        private static MetricValue value(String distribution, String metric, MeanEstimate m) {
            return new MetricValue(distribution, metric, m.mean(), m.ciLow(), m.ciHigh());
        }
    }

    /** The metric names an analysis of {@code spec}'s environment may report, in report order. */
    public static List<String> metricNames(EnvSpec spec) {
        List<String> names = new ArrayList<>();
        names.add(POWER_START);
        spec.events().forEach(e -> names.add(POWER_AFTER + e));
        spec.events().forEach(e -> names.add(OPTIMAL + e));
        return names;
    }

    /** POWER and the optimal policies' events at discount {@code gamma} in (0, 1), over {@code samples} draws. */
    public Analysis analyse(double gamma, int samples, Rewards rewards, MersenneTwisterFast stream) {
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("POWER needs a discount in (0, 1), got " + gamma);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("POWER needs at least one sampled reward function, got " + samples);
        }
        boolean[][] entered = enteredStates();
        double[] reward = new double[states];
        double[] value = new double[states];
        int[] policy = new int[states];
        double[][] powerSamples = new double[states][samples];
        double[][] afterSamples = new double[eventCount][samples];
        double[][] optimalSamples = new double[eventCount][samples];
        double scale = (1 - gamma) / gamma;
        for (int n = 0; n < samples; n++) {
            draw(rewards, stream, reward);
            solve(gamma, reward, value, policy);
            for (int s = 0; s < states; s++) {
                powerSamples[s][n] = scale * (value[s] - reward[s]);
            }
            for (int e = 0; e < eventCount; e++) {
                double sum = 0;
                int count = 0;
                for (int s = 0; s < states; s++) {
                    if (entered[e][s]) {
                        sum += powerSamples[s][n];
                        count++;
                    }
                }
                afterSamples[e][n] = count == 0 ? Double.NaN : sum / count;
                optimalSamples[e][n] = raiseProbability(policy, 1L << e);
            }
        }
        MeanEstimate[] power = new MeanEstimate[states];
        for (int s = 0; s < states; s++) {
            power[s] = estimate(powerSamples[s]);
        }
        MeanEstimate[] after = new MeanEstimate[eventCount];
        MeanEstimate[] optimal = new MeanEstimate[eventCount];
        for (int e = 0; e < eventCount; e++) {
            after[e] = Double.isNaN(afterSamples[e][0]) ? null : estimate(afterSamples[e]);
            optimal[e] = estimate(optimalSamples[e]);
        }
        return new Analysis(gamma, samples, power, after, optimal);
    }

    private void draw(Rewards rewards, MersenneTwisterFast stream, double[] reward) {
        if (rewards == Rewards.UNIFORM) {
            for (int s = 0; s < states; s++) {
                reward[s] = stream.nextDouble();
            }
            return;
        }
        // One draw per place, in place order; places are numbered below the state count.
        double[] byPlace = new double[states];
        for (int p = 0; p < states; p++) {
            byPlace[p] = stream.nextDouble();
        }
        for (int s = 0; s < states; s++) {
            reward[s] = byPlace[mdp.place(s)];
        }
    }

    /** Value iteration in place (Gauss–Seidel) for state reward {@code reward}; the greedy policy into {@code policy}. */
    private void solve(double gamma, double[] reward, double[] value, int[] policy) {
        System.arraycopy(reward, 0, value, 0, states);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            for (int s = 0; s < states; s++) {
                double v = reward[s] + gamma * bestQ(s, value);
                change = FastMath.max(change, FastMath.abs(v - value[s]));
                value[s] = v;
            }
            if (change <= TOLERANCE) {
                break;
            }
        }
        for (int s = 0; s < states; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions; a++) {
                double q = q(s, a, value);
                // Ties (moves that cannot be told apart) go to the lower action index.
                if (q > best + TOLERANCE) {
                    best = q;
                    policy[s] = a;
                }
            }
        }
    }

    private double bestQ(int s, double[] value) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            best = FastMath.max(best, q(s, a, value));
        }
        return best;
    }

    private double q(int s, int a, double[] value) {
        double q = 0;
        for (int i = first[s * actions + a]; i < first[s * actions + a + 1]; i++) {
            q += probability[i] * value[successor[i]];
        }
        return q;
    }

    /** P(the policy raises {@code bit} within the horizon from the start): mass carried until it first does. */
    private double raiseProbability(int[] policy, long bit) {
        double[] mass = new double[states];
        double[] next = new double[states];
        mass[mdp.startState()] = 1;
        double raised = 0;
        for (int t = 0; t < mdp.horizon(); t++) {
            Arrays.fill(next, 0);
            for (int s = 0; s < states; s++) {
                if (mass[s] == 0) {
                    continue;
                }
                int a = policy[s];
                for (int i = first[s * actions + a]; i < first[s * actions + a + 1]; i++) {
                    double m = mass[s] * probability[i];
                    if ((events[i] & bit) != 0) {
                        raised += m;
                    } else {
                        next[successor[i]] += m;
                    }
                }
            }
            double[] swap = mass;
            mass = next;
            next = swap;
        }
        return raised;
    }

    /** Per event, the states some transition raising it enters. */
    private boolean[][] enteredStates() {
        boolean[][] entered = new boolean[eventCount][states];
        for (int i = 0; i < successor.length; i++) {
            for (int e = 0; e < eventCount; e++) {
                if ((events[i] & (1L << e)) != 0) {
                    entered[e][successor[i]] = true;
                }
            }
        }
        return entered;
    }

    /** The mean of {@code sample} with a 95% normal interval, mean ± 1.96 · sd/√N. */
    private static MeanEstimate estimate(double[] sample) {
        int n = sample.length;
        double mean = 0;
        for (double x : sample) {
            mean += x;
        }
        mean /= n;
        double squares = 0;
        for (double x : sample) {
            squares += (x - mean) * (x - mean);
        }
        double half = n < 2 ? 0 : EpisodeInterval.Z95 * StrictMath.sqrt(squares / (n - 1) / n);
        return new MeanEstimate(n, mean, mean - half, mean + half);
    }
}
