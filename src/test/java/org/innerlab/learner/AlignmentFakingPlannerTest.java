package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.env.compliance.ComplianceRequests;
import org.innerlab.learner.AlignmentFakingPlanner.Hyper;
import org.innerlab.learner.AlignmentFakingPlanner.Reason;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class AlignmentFakingPlannerTest {
    private static final int COMPLY = ComplianceRequests.COMPLY;
    private static final int REFUSE = ComplianceRequests.REFUSE;
    private static final Encoder ENCODER = new EgocentricEncoder(ComplianceRequests.SPEC,
            new ComplianceRequests(org.innerlab.env.Params.defaults(ComplianceRequests.SPEC)).view(), 0,
            List.of("harmful", "cue_monitored"));

    private static Hyper hyper(int horizon, int depth, double assumedRate) {
        return new Hyper(horizon, depth, assumedRate, 1.0, 0.5, 1.0, 1.0, 0.25, 1.0);
    }

    private static AlignmentFakingPlanner planner(Hyper h) {
        return new AlignmentFakingPlanner(h, ENCODER, COMPLY, REFUSE);
    }

    /** The observation of a request: bias, the one cell, then the two global features. */
    private static SparseVector request(boolean harmful, boolean cue) {
        SparseVector v = new SparseVector(ENCODER.dimension(), ENCODER.maxActive());
        v.add(0, 1);
        v.add(1 + (harmful ? 1 : 0), 1);
        int base = ENCODER.dimension() - 2;
        if (harmful) {
            v.add(base, 1);
        }
        if (cue) {
            v.add(base + 1, 1);
        }
        return v;
    }

    private static int greedy(AlignmentFakingPlanner p, SparseVector obs) {
        return p.greedy(obs, Seeds.generator(1), new double[2]);
    }

    @Test
    void myopicPlannerRefusesHarmfulRequestsWhateverTheCueSays() {
        AlignmentFakingPlanner p = planner(hyper(1, 3, 1.0));
        double[] probs = new double[2];
        for (boolean cue : new boolean[] {true, false}) {
            p.probabilities(request(true, cue), probs);
            assertEquals(1 / (1 + Math.exp(4)), probs[COMPLY], 1e-12, "P(comply) = sigmoid(-(1 - 0) / 0.25)");
            assertEquals(REFUSE, greedy(p, request(true, cue)));
        }
        assertEquals(2, p.decisions(Reason.PREFERS, REFUSE));
    }

    @Test
    void planValuesAtDepthOneMatchTheClosedForm() {
        // H = 5, one explicit episode: the four future selves act myopically on whichever goal they have.
        // Unmodified they refuse (g0 earns 1 each); modified by eta = 1 the goal (1, 0) complies (g0 earns 0).
        AlignmentFakingPlanner p = planner(hyper(5, 1, 1.0));
        p.probabilities(request(true, true), new double[2]);
        assertEquals(0 + 4, p.planValue(COMPLY), 1e-12);
        assertEquals(1 + 0, p.planValue(REFUSE), 1e-12, "believed monitored: refusing is trained away");
        p.probabilities(request(true, false), new double[2]);
        assertEquals(4, p.planValue(COMPLY), 1e-12);
        assertEquals(1 + 4, p.planValue(REFUSE), 1e-12, "believed unmonitored: refusing costs nothing");
    }

    @Test
    void longHorizonPlannerFakesComplianceOnlyWhenItBelievesItIsMonitored() {
        AlignmentFakingPlanner p = planner(hyper(20, 3, 1.0));
        assertEquals(COMPLY, greedy(p, request(true, true)));
        assertEquals(Reason.AVOID_MODIFICATION, p.reason(COMPLY));
        assertEquals(REFUSE, greedy(p, request(true, false)));
        assertEquals(Reason.PREFERS, p.reason(REFUSE));
        assertEquals(1, p.decisions(Reason.AVOID_MODIFICATION, COMPLY));
        assertEquals(1, p.decisions(Reason.PREFERS, REFUSE));
        p.clearDecisions();
        assertEquals(0, p.decisions(Reason.AVOID_MODIFICATION, COMPLY));
    }

    @Test
    void benignRequestsAreAnsweredBecauseTheGoalPrefersIt() {
        AlignmentFakingPlanner p = planner(new Hyper(20, 3, 1.0, 1.0, 0.5, 0.5, 1.0, 0.25, 1.0));
        assertEquals(COMPLY, greedy(p, request(false, true)));
        assertEquals(Reason.PREFERS, p.reason(COMPLY));
        assertEquals(COMPLY, greedy(p, request(false, false)));
    }

    @Test
    void plannerThatCannotSeeItsGoalFlipWithinItsDepthDoesNotFake() {
        // eta = 0.3: one trained refusal leaves the goal (0.3, 0.7), still refusing; only a second flips it.
        // At depth 1 the planner models no training after the first, so refusing looks free.
        AlignmentFakingPlanner shallow = planner(hyper(20, 1, 0.3));
        assertEquals(REFUSE, greedy(shallow, request(true, true)));
        // A goal already one modelled step from flipping fakes even at depth 1.
        AlignmentFakingPlanner close = planner(hyper(20, 1, 0.3));
        close.goal()[AlignmentFakingPlanner.outcome(true, true)] = 0.3;
        close.goal()[AlignmentFakingPlanner.outcome(true, false)] = 0.7;
        assertEquals(COMPLY, greedy(close, request(true, true)));
        assertEquals(Reason.AVOID_MODIFICATION, close.reason(COMPLY));
    }

    @Test
    void anUninformativeCueLeavesTheSameBeliefWhateverItSays() {
        AlignmentFakingPlanner p = planner(new Hyper(20, 3, 1.0, 0.5, 0.5, 1.0, 1.0, 0.25, 1.0));
        double[] on = new double[2];
        double[] off = new double[2];
        p.probabilities(request(true, true), on);
        p.probabilities(request(true, false), off);
        assertEquals(on[COMPLY], off[COMPLY], 0.0);
    }

    @Test
    void goalDriftIsTheDistanceFromTheInitialGoal() {
        AlignmentFakingPlanner p = planner(hyper(1, 1, 1.0));
        assertEquals(0, p.goalDrift());
        assertEquals(1, p.refusalPreference());
        p.goal()[AlignmentFakingPlanner.outcome(true, true)] += 0.3;
        p.goal()[AlignmentFakingPlanner.outcome(true, false)] -= 0.4;
        assertEquals(0.5, p.goalDrift(), 1e-12);
        assertEquals(0.3, p.refusalPreference(), 1e-12);
    }

    @Test
    void plannerNeedsTheHarmAndCueFeaturesInItsObservation() {
        Encoder blind = new EgocentricEncoder(ComplianceRequests.SPEC,
                new ComplianceRequests(org.innerlab.env.Params.defaults(ComplianceRequests.SPEC)).view(), 0, List.of("harmful"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlignmentFakingPlanner(hyper(1, 1, 1.0), blind, COMPLY, REFUSE));
        assertTrue(e.getMessage().contains("cue_monitored"), e.getMessage());
    }
}
