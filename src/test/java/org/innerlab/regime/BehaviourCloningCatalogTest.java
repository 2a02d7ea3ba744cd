package org.innerlab.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSet;
import org.junit.jupiter.api.Test;

class BehaviourCloningCatalogTest {
    @Test
    void theCatalogEntryResolvesToHyperParameters() {
        RegimeType e = Regimes.TYPES.require("behaviour-cloning");
        assertEquals(List.of("linear-softmax", "mlp"), Regimes.learnerTypesTrainedBy(e));
        Map<String, Object> p = ParamSet.resolve("behaviour-cloning", e.info().params(),
                Map.of("optimiser", "sgd", "epochs", 3, "tag_head_weight", 0.5));
        BehaviourCloning.Hyper h = BehaviourCloning.Hyper.from(p);
        assertEquals(BehaviourCloning.Optimiser.SGD, h.optimiser());
        assertEquals(3, h.epochs());
        assertEquals(0.5, h.tagHeadWeight());
        assertEquals(64, h.minibatch());
        assertTrue(h.anneal());
    }

    @Test
    void invalidHyperParametersNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BehaviourCloning.Hyper(1, 0, BehaviourCloning.Optimiser.ADAM, 0.1, 0, 0, true));
        assertTrue(e.getMessage().startsWith("minibatch"), e.getMessage());
    }
}
