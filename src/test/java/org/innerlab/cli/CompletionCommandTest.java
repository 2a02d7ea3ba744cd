package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.innerlab.cli.RunCommandTest.Outcome;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {
    @Test
    void theScriptCompletesEverySubcommandAndTheirOptions() {
        Outcome o = RunCommandTest.innerlab("completion");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("#!/usr/bin/env bash"), o.out());
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            assertTrue(o.out().contains("function _picocli_innerlab_" + command + "()"),
                    "a completion function for " + command);
        }
        assertTrue(o.out().contains("--save-policies"), "options of run");
    }
}
