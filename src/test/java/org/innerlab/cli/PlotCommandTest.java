package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code innerlab plot} redraws a sweep chart from a finished folder. */
class PlotCommandTest {
    @Test
    void drawsPngAndSvgFromAFolderAndRejectsAnUnsweptX(@TempDir Path tmp) throws Exception {
        Path folder = CompareCommandTest.run(tmp, "tiny", RunCommandTest.TINY);
        RunCommandTest.Outcome o = RunCommandTest.innerlab("plot", folder.toString(), "--x", "random_coin_percent",
                "--y", "test/got_coin", "--y", "1-train/got_coin", "--name", "again");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(Files.size(folder.resolve("charts/again.png")) > 5_000);
        assertTrue(Files.readString(folder.resolve("charts/again.svg")).contains("1-train/got_coin"));
        o = RunCommandTest.innerlab("plot", folder.toString(), "--x", "width", "--y", "test/got_coin");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("'width' names 0 swept keys; swept: [environment.train.random_coin_percent]"), o.err());
    }
}
