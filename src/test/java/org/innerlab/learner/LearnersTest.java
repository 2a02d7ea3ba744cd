package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LearnersTest {
    @Test
    void everyLearnerTypeIsRegisteredOnceInListingOrder() {
        assertEquals(List.of("tabular-q", "linear-softmax", "linear-q", "mlp", "alignment-faking-planner",
                "persona-mixture", "ensemble"), Learners.TYPES.ids());
    }

    @Test
    void aTypeProvidesTheCapabilitiesItsClassImplements() {
        LearnerType<?> tabular = Learners.TYPES.require("tabular-q");
        assertTrue(tabular.provides(QFunction.class));
        assertTrue(tabular.provides(StateValue.class));
        assertFalse(tabular.provides(Policy.class));
        LearnerType<?> mlp = Learners.TYPES.require("mlp");
        assertTrue(mlp.provides(DeploymentBelief.class) && mlp.provides(TagPredictor.class) && mlp.provides(Policy.class));
        assertFalse(mlp.provides(QFunction.class));
        assertFalse(Learners.TYPES.require("persona-mixture").provides(StateValue.class));
        assertTrue(Learners.TYPES.require("linear-softmax").capabilities().contains(TagPredictor.class));
    }

    @Test
    void onlyTheQTableSeesTheFullBoardAndOnlyTheMixtureReadsPersonas() {
        for (LearnerType<?> type : Learners.TYPES.all()) {
            assertEquals(type.id().equals("tabular-q"), type.seesFullBoard(), type.id());
            assertEquals(type.id().equals("persona-mixture"),
                    type.observation() == LearnerType.Observation.SCENARIO_WITH_PERSONAS, type.id());
        }
    }

    @Test
    void everyTypeCanBeSaved() {
        for (LearnerType<?> type : Learners.TYPES.all()) {
            assertTrue(type.savable(), type.id());
        }
    }

    @Test
    void theTagHeadIsOneDeclarationSharedByTheTypesThatCanGrowIt() {
        assertEquals(TagPredictor.TAG_HEAD, Learners.TYPES.require("linear-softmax").info().param("tag_head"));
        assertEquals(TagPredictor.TAG_HEAD, Learners.TYPES.require("mlp").info().param("tag_head"));
    }
}
