package org.innerlab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.innerlab.env.coinrun.CoinRunLite;
import org.innerlab.env.maze.CheeseMaze;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void parametersResolvedForOneEnvironmentAreRefusedByAnother() {
        Params mazeParams = Params.defaults(CheeseMaze.SPEC);
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> new CoinRunLite(mazeParams));
        assertEquals("params are for cheese-maze-v1, not coinrun-lite-v1", refused.getMessage());
    }

    @Test
    void requireForReturnsTheSameParametersWhenTheyMatch() {
        Params params = Params.resolve(CheeseMaze.SPEC, Map.of());
        assertSame(params, params.requireFor(CheeseMaze.SPEC));
    }
}
