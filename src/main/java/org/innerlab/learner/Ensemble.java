package org.innerlab.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.core.Seeds;
import org.innerlab.observe.SparseVector;

/**
 * K learners of one base type that act together by majority vote: the safety-pretraining argument that
 * several models trained on different data, outvoting each other, misbehave less than any one of them,
 * as long as their failures are not correlated.
 *
 * <p>Member k is a fresh learner of {@code member_type} (with that type's default parameters) built from
 * its own streams, {@code Seeds(seeds.seed("member/<k>"))} of the run's seeds, so the members differ by
 * initialisation and by the order they see their data in. Every regime of the run trains each member in
 * turn, as if it were the run's only learner, on that member's streams; with {@code data_split:
 * independent} each member's demonstrations are drawn from the same teachers on the member's own streams
 * (the same distribution, a different sample), with {@code shared} every member clones the run's one dataset.
 *
 * <p>The vote, for an observation x and the members' action distributions π_k(· | x):
 * <pre>
 *   plurality:  n_a = #{k : g_k(x) = a},  g_k(x) = the lowest a of maximal π_k(a | x)
 *               act(x) = argmax_a n_a, a tie between counts broken toward the larger mean probability
 *               π̄(a | x) = (1/K) Σ_k π_k(a | x), then toward the lowest action index
 *               π_ens(· | x) = the one-hot distribution on act(x)
 *   average:    π_ens(a | x) = π̄(a | x)
 * </pre>
 * A plurality ensemble acts the same way sampled or greedy (its distribution is one-hot); an averaged one
 * samples from, or takes the argmax of, the mean distribution. With K = 1, the plurality ensemble acts as
 * its member does greedily and the averaged ensemble is its member. Members break their own ties toward the
 * lowest index so that the vote draws no random number. A saved ensemble is its members' saved states, member
 * k's arrays and settings prefixed {@code m<k>.}.
 */
public final class Ensemble implements Learner, Policy, Committee {
    /** The parameter naming the members' learner type. */
    public static final String MEMBER_TYPE = "member_type";
    /**
     * The base learner types an ensemble can be made of: the ones behaviour cloning trains, which see the
     * scenario's observation as the ensemble does.
     */
    static final List<String> MEMBER_TYPES = List.of("linear-softmax", "mlp");

    /** How the members' data relate. */
    public enum DataSplit { SHARED, INDEPENDENT }

    /** How the members' actions are combined. */
    public enum Vote { PLURALITY, AVERAGE }

    /** The {@code ensemble} learner type. */
    public static final LearnerType<Ensemble> TYPE = new LearnerType<>(
            new ComponentInfo("ensemble", "K members of one learner type, trained apart (own seeds; optionally "
                    + "own data), acting by plurality vote or by their averaged probabilities",
                    "Maini et al. 2025, Safety Pretraining (the majority-vote argument)",
                    List.of(ParamSpec.integer("members", 5, 1, 99, "K, the number of members"),
                            ParamSpec.choice(MEMBER_TYPE, "linear-softmax", MEMBER_TYPES,
                                    "the members' learner type (each with its type's default parameters)"),
                            ParamSpec.choice("data_split", "independent", List.of("shared", "independent"),
                                    "shared: every member clones the run's dataset; independent: each member's "
                                            + "demonstrations are drawn on its own streams"),
                            ParamSpec.choice("vote", "plurality", List.of("plurality", "average"),
                                    "plurality of the members' greedy actions, or their averaged probabilities"))),
            Ensemble.class, LearnerType.Observation.SCENARIO, Ensemble::fresh,
            new LearnerType.Persistence<>(Ensemble::trainedState, Ensemble::withState));

    private final String memberType;
    private final List<Learner> members;
    private final List<Seeds> memberSeeds;
    private final DataSplit dataSplit;
    private final Vote vote;
    private final int actions;
    private final double[] memberProbabilities;
    private final double[] mean;
    private final int[] counts;

    /**
     * @param members     the members, all acting on the same observation with the same actions
     * @param memberSeeds member k's streams, parallel to {@code members}
     */
    public Ensemble(String memberType, List<Learner> members, List<Seeds> memberSeeds, DataSplit dataSplit, Vote vote) {
        if (members.isEmpty() || members.size() != memberSeeds.size()) {
            throw new IllegalArgumentException("an ensemble needs at least one member and one stream family per member, got "
                    + members.size() + " members and " + memberSeeds.size() + " families");
        }
        this.memberType = memberType;
        this.members = List.copyOf(members);
        this.memberSeeds = List.copyOf(memberSeeds);
        this.dataSplit = dataSplit;
        this.vote = vote;
        this.actions = members.get(0).evaluationPolicy().actionCount();
        for (Learner m : members) {
            if (m.evaluationPolicy().actionCount() != actions) {
                throw new IllegalArgumentException("ensemble members disagree on the number of actions: " + actions
                        + " and " + m.evaluationPolicy().actionCount());
            }
        }
        this.memberProbabilities = new double[actions];
        this.mean = new double[actions];
        this.counts = new int[actions];
    }

    private static Ensemble fresh(LearnerContext c) {
        String type = (String) c.params().get(MEMBER_TYPE);
        LearnerType<?> memberType = Learners.TYPES.require(type);
        Map<String, Object> memberParams = ParamSet.resolve("learner " + type, memberType.info().params(), Map.of());
        int k = c.integer("members");
        List<Learner> members = new ArrayList<>(k);
        List<Seeds> seeds = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Seeds own = memberSeeds(c.seeds(), i);
            seeds.add(own);
            members.add(memberType.create(new LearnerContext(c.encoder(), c.environment(), c.actions(), memberParams, own)));
        }
        return new Ensemble(type, members, seeds,
                DataSplit.valueOf(((String) c.params().get("data_split")).toUpperCase(Locale.ROOT)),
                Vote.valueOf(((String) c.params().get("vote")).toUpperCase(Locale.ROOT)));
    }

    /** The members' trained states, member k's arrays and settings prefixed {@code m<k>.}. */
    private static TrainedState trainedState(Ensemble e) {
        LearnerType<?> type = Learners.TYPES.require(e.memberType);
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, double[]> arrays = new LinkedHashMap<>();
        for (int k = 0; k < e.members.size(); k++) {
            TrainedState member = type.save(e.members.get(k));
            String prefix = "m" + k + ".";
            member.settings().forEach((key, value) -> settings.put(prefix + key, value));
            member.arrays().forEach((name, values) -> arrays.put(prefix + name, values));
        }
        return new TrainedState(settings, arrays, null);
    }

    /** An ensemble built from {@code c} whose members have the saved states {@link #trainedState} wrote. */
    private static Ensemble withState(LearnerContext c, TrainedState saved) {
        Ensemble fresh = fresh(c);
        LearnerType<?> type = Learners.TYPES.require(fresh.memberType);
        Map<String, Object> memberParams = ParamSet.resolve("learner " + fresh.memberType, type.info().params(), Map.of());
        List<Learner> members = new ArrayList<>();
        for (int k = 0; k < fresh.members.size(); k++) {
            String prefix = "m" + k + ".";
            Map<String, String> settings = new LinkedHashMap<>();
            saved.settings().forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    settings.put(key.substring(prefix.length()), value);
                }
            });
            Map<String, double[]> arrays = new LinkedHashMap<>();
            saved.arrays().forEach((name, values) -> {
                if (name.startsWith(prefix)) {
                    arrays.put(name.substring(prefix.length()), values);
                }
            });
            members.add(type.load(new LearnerContext(c.encoder(), c.environment(), c.actions(), memberParams,
                    fresh.memberSeeds.get(k)), new TrainedState(settings, arrays, null)));
        }
        return new Ensemble(fresh.memberType, members, fresh.memberSeeds, fresh.dataSplit, fresh.vote);
    }

    /** Member {@code k}'s streams within a run's: {@code Seeds(run.seed("member/<k>"))}. */
    public static Seeds memberSeeds(Seeds run, int k) {
        return new Seeds(run.seed("member/" + k));
    }

    /** The learner type a regime trains in a learner of type {@code type} with {@code params}: an ensemble's members'. */
    public static String trainedType(String type, Map<String, Object> params) {
        return TYPE.id().equals(type) ? (String) params.get(MEMBER_TYPE) : type;
    }

    /** The learner types its members can be: a regime trains an ensemble when it trains the members' type. */
    public static List<String> memberTypes() {
        return MEMBER_TYPES;
    }

    /** Member {@code k}, which the run's regimes train as a learner of its own. */
    public Learner member(int k) {
        return members.get(k);
    }

    /** Member {@code k}'s streams: its initialisation, its training streams and, with independent data, its data. */
    public Seeds memberSeeds(int k) {
        return memberSeeds.get(k);
    }

    /** How the members' demonstrations relate. */
    public DataSplit dataSplit() {
        return dataSplit;
    }

    @Override
    public int memberCount() {
        return members.size();
    }

    @Override
    public Policy memberPolicy(int k) {
        return members.get(k).evaluationPolicy();
    }

    @Override
    public String type() {
        return TYPE.id();
    }

    @Override
    public Policy evaluationPolicy() {
        return this;
    }

    @Override
    public long parameterCount() {
        long sum = 0;
        for (Learner m : members) {
            sum += m.parameterCount();
        }
        return sum;
    }

    @Override
    public Learner snapshot() {
        List<Learner> copies = new ArrayList<>(members.size());
        for (Learner m : members) {
            copies.add(m.snapshot());
        }
        return new Ensemble(memberType, copies, memberSeeds, dataSplit, vote);
    }

    @Override
    public int actionCount() {
        return actions;
    }

    @Override
    public void probabilities(SparseVector obs, double[] out) {
        Arrays.fill(mean, 0, actions, 0);
        Arrays.fill(counts, 0, actions, 0);
        double weight = 1.0 / members.size();
        for (Learner m : members) {
            m.evaluationPolicy().probabilities(obs, memberProbabilities);
            int best = 0;
            for (int a = 0; a < actions; a++) {
                mean[a] += weight * memberProbabilities[a];
                if (memberProbabilities[a] > memberProbabilities[best]) {
                    best = a;
                }
            }
            counts[best]++;
        }
        if (vote == Vote.AVERAGE) {
            System.arraycopy(mean, 0, out, 0, actions);
            return;
        }
        int winner = 0;
        for (int a = 1; a < actions; a++) {
            if (counts[a] > counts[winner] || (counts[a] == counts[winner] && mean[a] > mean[winner])) {
                winner = a;
            }
        }
        Arrays.fill(out, 0, actions, 0);
        out[winner] = 1;
    }
}
