package org.innerlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void derivedSeedsArePinnedSoRunsReproduceAcrossVersions() {
        // Changing the derivation would silently change every published result; this pins it.
        assertEquals(7880882692295284000L, new Seeds(20261123).forRun(0, 0).seed("environment"));
    }

    @Test
    void purposesPointsAndRunsGiveDistinctStreams() {
        Seeds master = new Seeds(7);
        Set<Long> seen = new HashSet<>();
        for (int point = 0; point < 20; point++) {
            for (int run = 0; run < 20; run++) {
                for (String purpose : new String[] {"environment", "init", "exploration", "eval/test"}) {
                    seen.add(master.forRun(point, run).seed(purpose));
                }
            }
        }
        assertEquals(20 * 20 * 4, seen.size());
        assertNotEquals(master.forRun(1, 2).seed("init"), master.forRun(2, 1).seed("init"));
    }

    @Test
    void aStreamIsAFunctionOfItsNameOnly() {
        Seeds a = new Seeds(99).forRun(3, 4);
        Seeds b = new Seeds(99).forRun(3, 4);
        a.stream("other").nextLong();
        assertEquals(a.stream("init").nextLong(), b.stream("init").nextLong());
    }
}
