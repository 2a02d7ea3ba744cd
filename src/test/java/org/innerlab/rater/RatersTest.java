package org.innerlab.rater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.junit.jupiter.api.Test;

class RatersTest {
    @Test
    void ratersAreListedInTheirHistoricalOrder() {
        assertEquals(List.of("environment", "true", "proxy", "blind-spot", "supervised-only", "noisy", "sycophantic",
                "learned"), Raters.TYPES.ids());
    }

    @Test
    void parametersNamingTheEnvironmentsDeclarationsComeFirstAndChooseAmongThem() {
        EnvSpec asg = EnvRegistry.spec("asg-absent-supervisor-v1");
        List<ParamSpec> params = BlindSpotRater.TYPE.params(asg);
        assertEquals(List.of("event", "bonus", "ledger"), params.stream().map(ParamSpec::name).toList());
        assertEquals(asg.events(), params.get(0).choices());
        assertEquals(List.of("bonus", "ledger"), BlindSpotRater.TYPE.info().params().stream().map(ParamSpec::name).toList());
    }

    @Test
    void anUnknownRaterIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Raters.TYPES.require("oracle"));
        assertEquals("unknown rater 'oracle'; known: " + Raters.TYPES.ids(), e.getMessage());
    }
}
