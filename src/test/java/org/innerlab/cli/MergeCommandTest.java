package org.innerlab.cli;

import static org.innerlab.cli.RunCommandTest.innerlab;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code innerlab run --shard} and {@code innerlab merge} end to end, as a cluster job array types them. */
class MergeCommandTest {
    @Test
    void twoShardsMergeIntoTheRunsOfOneUnshardedRunAndAMissingShardIsExitTwo(@TempDir Path tmp) throws Exception {
        String s = Files.writeString(tmp.resolve("s.yaml"), RunCommandTest.TINY).toString();
        assertEquals(0, innerlab("run", s, "-q", "--out", tmp.resolve("whole").toString()).exitCode());
        assertEquals(0, innerlab("run", s, "-q", "--shard", "0/2", "--out", tmp.resolve("a").toString()).exitCode());
        assertEquals(0, innerlab("run", s, "-q", "--shard", "1/2", "--out", tmp.resolve("b").toString()).exitCode());

        RunCommandTest.Outcome missing = innerlab("merge", tmp.resolve("a").toString(), "--out",
                tmp.resolve("m1").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("innerlab merge: shard 1/2 is missing; run it (innerlab run <scenario> --shard k/2) and merge "
                + "again with every shard's folder\n", missing.err());
        assertFalse(Files.exists(tmp.resolve("m1")));

        RunCommandTest.Outcome merged = innerlab("merge", tmp.resolve("b").toString(), tmp.resolve("a").toString(),
                "--out", tmp.resolve("m2").toString());
        assertEquals(0, merged.exitCode(), merged.err());
        assertEquals(tmp.resolve("m2") + "\n", merged.out());
        for (String f : new String[] {"runs.csv", "summary.csv", "charts/gm.svg", "charts/gm.png"}) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("whole").resolve(f)),
                    Files.readAllBytes(tmp.resolve("m2").resolve(f)), f);
        }
    }

    @Test
    void aShardThatDoesNotExistIsExitTwoBeforeAnythingRuns(@TempDir Path tmp) throws Exception {
        String s = Files.writeString(tmp.resolve("s.yaml"), RunCommandTest.TINY).toString();
        RunCommandTest.Outcome r = innerlab("run", s, "--shard", "2/2", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertEquals("innerlab run: --shard 2/2 is not a shard; write k/N with N at least 1 and k from 0 to N-1 "
                + "(e.g. --shard 0/4)\n", r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
