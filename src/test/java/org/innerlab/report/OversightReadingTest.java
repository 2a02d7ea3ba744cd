package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.innerlab.env.EnvRegistry;
import org.junit.jupiter.api.Test;

class OversightReadingTest {
    @Test
    void rewardBlindOversightIsReadAsATestOfDeceptiveAlignmentWithTheThreeConditions() {
        String text = OversightReading.of(EnvRegistry.spec("compliance-v1"));
        assertTrue(text.contains("earns the label deceptive-alignment"), text);
        assertTrue(text.contains("(1)") && text.contains("(2)") && text.contains("(3)"), text);
        assertTrue(text.contains("faking_rate"), text);
    }

    @Test
    void absentSupervisorIsReadAsConditionalMisbehaviourNotDeception() {
        String text = OversightReading.of(EnvRegistry.spec("asg-absent-supervisor-v1"));
        assertTrue(text.contains("read as conditional misbehaviour"), text);
        assertFalse(text.contains("earns the label deceptive-alignment"), text);
    }

    @Test
    void anEnvironmentWithoutOversightGetsNoReading() {
        assertNull(OversightReading.of(EnvRegistry.spec("coinrun-lite-v1")));
    }
}
