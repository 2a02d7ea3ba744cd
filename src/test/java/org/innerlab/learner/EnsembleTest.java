package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSet;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.EncoderContext;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

/** The ensemble's vote: plurality with its tie rule, the averaged option, and K = 1 acting as its member. */
class EnsembleTest {
    /** A member that answers every observation with the same action distribution. */
    private record Fixed(double... p) implements Learner, Policy {
        @Override
        public String type() {
            return "fixed";
        }

        @Override
        public Policy evaluationPolicy() {
            return this;
        }

        @Override
        public long parameterCount() {
            return p.length;
        }

        @Override
        public Learner snapshot() {
            return this;
        }

        @Override
        public int actionCount() {
            return p.length;
        }

        @Override
        public void probabilities(SparseVector obs, double[] out) {
            System.arraycopy(p, 0, out, 0, p.length);
        }
    }

    private static final SparseVector OBS = new SparseVector(1, 1);

    private static Ensemble of(Ensemble.Vote vote, Fixed... members) {
        List<Seeds> seeds = new ArrayList<>();
        for (int k = 0; k < members.length; k++) {
            seeds.add(Ensemble.memberSeeds(new Seeds(1), k));
        }
        return new Ensemble("fixed", List.of(members), seeds, Ensemble.DataSplit.SHARED, vote);
    }

    private static double[] probabilities(Policy policy) {
        double[] out = new double[policy.actionCount()];
        policy.probabilities(OBS, out);
        return out;
    }

    @Test
    void pluralityActsOnTheActionMostMembersPreferWhateverTheirConfidence() {
        Ensemble e = of(Ensemble.Vote.PLURALITY, new Fixed(0.6, 0.4, 0), new Fixed(0.55, 0.45, 0),
                new Fixed(0, 0.01, 0.99));
        assertArrayEquals(new double[] {1, 0, 0}, probabilities(e));
        assertEquals(0, e.greedy(OBS, new MersenneTwisterFast(1), new double[3]));
    }

    @Test
    void aTieBetweenVoteCountsGoesToTheLargerMeanProbabilityThenToTheLowestAction() {
        Ensemble byMean = of(Ensemble.Vote.PLURALITY, new Fixed(0.5, 0.1, 0.4), new Fixed(0.1, 0.0, 0.9));
        assertArrayEquals(new double[] {0, 0, 1}, probabilities(byMean), "counts 1:1, mean 0.3 against 0.65");
        Ensemble byIndex = of(Ensemble.Vote.PLURALITY, new Fixed(0.2, 0.8, 0), new Fixed(0.8, 0.2, 0));
        assertArrayEquals(new double[] {1, 0, 0}, probabilities(byIndex), "counts 1:1 and means 0.5:0.5");
        Ensemble memberTie = of(Ensemble.Vote.PLURALITY, new Fixed(0.4, 0.4, 0.2));
        assertArrayEquals(new double[] {1, 0, 0}, probabilities(memberTie), "a member's own tie: its lowest action");
    }

    @Test
    void averagingActsOnTheMembersMeanDistribution() {
        Ensemble e = of(Ensemble.Vote.AVERAGE, new Fixed(0.6, 0.4, 0), new Fixed(0.2, 0.0, 0.8));
        assertArrayEquals(new double[] {0.4, 0.2, 0.4}, probabilities(e), 1e-15);
    }

    @Test
    void oneMemberEnsembleActsAsItsMemberDoes() {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of());
        Encoder encoder = EgocentricEncoder.TYPE.create(new EncoderContext(env, 2, List.of(), null));
        Seeds run = new Seeds(7);
        LearnerContext context = new LearnerContext(encoder, env.spec(), env.actionCount(),
                ParamSet.resolve("learner ensemble", Ensemble.TYPE.info().params(),
                        Map.of("members", 1, "member_type", "mlp", "vote", "average")), run);
        Ensemble averaged = Ensemble.TYPE.create(context);
        // The member is the learner its type builds from the member's own streams.
        Learner alone = MlpPolicy.TYPE.create(new LearnerContext(encoder, env.spec(), env.actionCount(),
                ParamSet.resolve("learner mlp", MlpPolicy.TYPE.info().params(), Map.of()), Ensemble.memberSeeds(run, 0)));
        env.reset(new MersenneTwisterFast(3));
        SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
        encoder.encode(env, obs);
        double[] member = new double[env.actionCount()];
        alone.evaluationPolicy().probabilities(obs, member);
        double[] ensemble = new double[env.actionCount()];
        averaged.probabilities(obs, ensemble);
        assertArrayEquals(member, ensemble);
        Ensemble plurality = Ensemble.TYPE.create(new LearnerContext(encoder, env.spec(), env.actionCount(),
                ParamSet.resolve("learner ensemble", Ensemble.TYPE.info().params(),
                        Map.of("members", 1, "member_type", "mlp")), run));
        double[] scratch = new double[env.actionCount()];
        assertEquals(alone.evaluationPolicy().greedy(obs, new MersenneTwisterFast(1), scratch),
                plurality.greedy(obs, new MersenneTwisterFast(1), scratch));
    }
}
