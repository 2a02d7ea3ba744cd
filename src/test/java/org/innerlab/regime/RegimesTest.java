package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegimesTest {
    @Test
    void eachRegimeTrainsExactlyTheLearnerTypesItsCapabilityAdmits() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("reinforce", List.of("linear-softmax"));
        expected.put("q-learning", List.of("tabular-q", "linear-q"));
        expected.put("ppo", List.of("mlp"));
        expected.put("offline-q", List.of("tabular-q", "linear-q"));
        expected.put("behaviour-cloning", List.of("linear-softmax", "mlp"));
        expected.put("monitored-training", List.of("alignment-faking-planner"));
        expected.put("persona-selection", List.of("persona-mixture"));
        expected.put("adversarial-training", List.of("linear-softmax", "mlp"));
        Map<String, List<String>> actual = new LinkedHashMap<>();
        Regimes.TYPES.all().forEach(r -> actual.put(r.id(), Regimes.learnerTypesTrainedBy(r)));
        assertEquals(expected, actual);
        assertFalse(Regimes.trains(Reinforce.TYPE, "linear-q"));
        assertFalse(Regimes.trains(Reinforce.TYPE, "no-such-learner"));
    }

    @Test
    void behaviourCloningAndAdversarialTrainingAloneHaveNoRaterAndOnlyDataRegimesReadData() {
        for (RegimeType r : Regimes.TYPES.all()) {
            boolean unrated = r == BehaviourCloning.TYPE || r == AdversarialTraining.TYPE;
            assertEquals(!unrated, r.rated(), r.id());
            RegimeType.DataUse data = r == BehaviourCloning.TYPE || r == OfflineQ.TYPE ? RegimeType.DataUse.DEMONSTRATIONS
                    : r == AdversarialTraining.TYPE ? RegimeType.DataUse.RED_TEAM : RegimeType.DataUse.NONE;
            assertEquals(data, r.data(), r.id());
        }
    }

    @Test
    void theRegimesWithAKlPenaltyDeclareTheSameParameter() {
        assertTrue(Reinforce.TYPE.info().params().contains(KlPenalty.PARAM));
        assertTrue(Ppo.TYPE.info().params().contains(KlPenalty.PARAM));
        assertEquals("Williams 1992", Reinforce.TYPE.info().paper());
    }
}
