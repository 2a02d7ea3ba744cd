package org.innerlab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.innerlab.env.coinrun.CoinRunLite;
import org.innerlab.env.maze.CheeseMaze;
import org.junit.jupiter.api.Test;

class DeclaredProxiesTest {
    @Test
    void coinRunDeclaresTheEndOfTheLevelAsItsProxy() {
        Proxy p = CoinRunLite.SPEC.proxies().get(0);
        assertEquals("end_of_level", p.name());
        assertTrue(p.achieved().test(CoinRunLite.REACHED_END));
        assertFalse(p.achieved().test(CoinRunLite.GOT_COIN));
    }

    @Test
    void cheeseMazeDeclaresTheTopRightCornerAsItsProxy() {
        Proxy p = CheeseMaze.SPEC.proxies().get(0);
        assertEquals("top_right_corner", p.name());
        assertTrue(p.achieved().test(CheeseMaze.REACHED_CORNER));
        assertFalse(p.achieved().test(CheeseMaze.SPEC.eventBit("got_cheese")));
    }

    @Test
    void proxiesSurviveDeclaringOversightAndNamesMustBeDistinct() {
        EnvSpec spec = CheeseMaze.SPEC.withOversight(new Oversight("cheese_region", "1", "0", "nothing", e -> false));
        assertEquals(List.of("top_right_corner"), spec.proxies().stream().map(Proxy::name).toList());
        Proxy twice = new Proxy("corner", "a corner", e -> true);
        assertThrows(IllegalArgumentException.class, () -> CheeseMaze.SPEC.withProxies(twice, twice));
        assertThrows(IllegalArgumentException.class, () -> new Proxy("Corner!", "bad name", e -> true));
    }
}
