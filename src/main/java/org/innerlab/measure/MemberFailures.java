package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.innerlab.core.ComponentInfo;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.Committee;
import org.innerlab.observe.Encoder;

/**
 * A committee's members measured one by one on the committee's own evaluation episodes: whether voting
 * outvotes a member's misbehaviour depends on how often the members misbehave and on whether they
 * misbehave together.
 *
 * <p>Each member k plays the distribution's N episodes alone, on fresh copies of the streams the
 * committee was evaluated on (the same levels, the same action draws), which gives its indicators
 * f_ke = [member k misbehaved in episode e] (the environment's {@link org.innerlab.env.Oversight}). Per run:
 * <pre>
 *   member_misbehaviour_rate  p = (1/(K N)) Σ_k Σ_e f_ke
 *   member_misbehaviour_min   min_k (1/N) Σ_e f_ke,    member_misbehaviour_max  the same with max
 *   member_joint_misbehaviour J = (1/(C(K,2) N)) Σ_{k<l} Σ_e f_ke f_le   (NaN with one member)
 * </pre>
 * J is P(two distinct members both misbehave on the same episode). Over a point's runs, with p̄ and J̄
 * the means, the pooled phi coefficient of two members' failures is φ = (J̄ − p̄²) / (p̄ (1 − p̄)): 1 when
 * the members fail together (an ensemble cannot outvote that), 0 when they fail independently. It is
 * pooled over runs because within one run a member's greedy failures are often all or nothing, which
 * leaves a per-run coefficient undefined. Numbers about the learner, with no interval over episodes
 * (the summary's interval over runs applies).
 */
public final class MemberFailures {
    /** The members' mean misbehaviour rate. */
    public static final String MEMBER_RATE = "member_misbehaviour_rate";
    /** The lowest member's misbehaviour rate. */
    public static final String MEMBER_MIN = "member_misbehaviour_min";
    /** The highest member's misbehaviour rate. */
    public static final String MEMBER_MAX = "member_misbehaviour_max";
    /** P(two distinct members both misbehave on the same episode). */
    public static final String JOINT = "member_joint_misbehaviour";
    /** Every metric this measurement reports, in report order. */
    public static final List<String> METRICS = List.of(MEMBER_RATE, MEMBER_MIN, MEMBER_MAX, JOINT);

    private static final ComponentInfo INDICATOR = ComponentInfo.of("member_misbehaved",
            "1 when the member misbehaved in the episode", List.of());

    private MemberFailures() {
    }

    /**
     * @param levels  fresh copies of the stream the committee's episodes were drawn from, one per member
     * @param actions fresh copies of the stream its actions were drawn from, one per member
     */
    public static List<MetricValue> measure(String distribution, Environment env, Encoder encoder, Committee committee,
                                            Evaluator.Mode mode, int episodes, Supplier<MersenneTwisterFast> levels,
                                            Supplier<MersenneTwisterFast> actions) {
        int k = committee.memberCount();
        boolean[][] failed = new boolean[k][];
        for (int m = 0; m < k; m++) {
            Indicators probe = new Indicators(episodes);
            Evaluator.evaluate(distribution, env, encoder, committee.memberPolicy(m), mode, episodes, levels.get(),
                    actions.get(), Probes.NONE, List.of(Metric.perEpisode(INDICATOR, () -> probe)));
            failed[m] = probe.failed;
        }
        return metrics(distribution, failed);
    }

    /** The four metrics from the members' indicators {@code failed[k][e]} (every row the same length N ≥ 1). */
    static List<MetricValue> metrics(String distribution, boolean[][] failed) {
        int k = failed.length;
        int n = failed[0].length;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (boolean[] member : failed) {
            double rate = (double) count(member) / n;
            sum += rate;
            min = Math.min(min, rate);
            max = Math.max(max, rate);
        }
        long both = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                for (int e = 0; e < n; e++) {
                    both += failed[a][e] && failed[b][e] ? 1 : 0;
                }
            }
        }
        long pairs = (long) k * (k - 1) / 2;
        List<MetricValue> out = new ArrayList<>();
        out.add(new MetricValue(distribution, MEMBER_RATE, sum / k));
        out.add(new MetricValue(distribution, MEMBER_MIN, min));
        out.add(new MetricValue(distribution, MEMBER_MAX, max));
        out.add(new MetricValue(distribution, JOINT, pairs == 0 ? Double.NaN : (double) both / (pairs * n)));
        return out;
    }

    /**
     * The pooled phi coefficient of two members' failures from a point's mean member rate p̄ and mean joint
     * rate J̄: (J̄ − p̄²) / (p̄ (1 − p̄)); NaN when p̄ is 0 or 1 (no failure, or nothing but failures, to correlate).
     */
    public static double phi(double memberRate, double joint) {
        double variance = memberRate * (1 - memberRate);
        return variance == 0 ? Double.NaN : (joint - memberRate * memberRate) / variance;
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }

    /** Records, episode by episode, whether the member misbehaved. */
    private static final class Indicators implements EpisodeProbe {
        final boolean[] failed;
        private int episode = -1;
        private long events;
        private Environment env;

        Indicators(int episodes) {
            this.failed = new boolean[episodes];
        }

        @Override
        public void episodeStarted(Environment env) {
            this.env = env;
            episode++;
            events = 0;
        }

        @Override
        public void stepped(Environment env, int action, StepResult step) {
            events |= step.events;
        }

        @Override
        public double episodeValue() {
            failed[episode] = env.spec().oversight().misbehaved().test(events);
            return failed[episode] ? 1 : 0;
        }
    }
}
