package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.cli.RunCommandTest.Outcome;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code innerlab new} on the shipped scenarios of the checkout the tests run in. */
class NewCommandTest {
    @Test
    void theCopyLoadsUnderItsNewNameWithTheOriginalsComments(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("mine.yaml");
        Outcome o = RunCommandTest.innerlab("new", "my-keys", "--from", "keys-chests", "--out", target.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(target.toString(), o.out().strip());
        Scenario copy = ScenarioLoader.load(target, List.of());
        Scenario original = ScenarioLoader.load(Path.of("scenarios", "keys-chests.yaml"), List.of());
        assertEquals("my-keys", copy.name());
        assertEquals(original.description(), copy.description());
        String text = Files.readString(target);
        assertTrue(text.startsWith("# Started from scenarios/keys-chests.yaml by innerlab new"), text);
        assertTrue(text.contains("# Keys & Chests: goal misgeneralization"), "the original's comments are kept");
        assertEquals(Files.readString(Path.of("scenarios", "keys-chests.yaml")).replace("name: keys-chests\n",
                "name: my-keys\n"), text.substring(text.indexOf('\n') + 1), "only the name line differs");
    }

    @Test
    void anExistingFileIsRefusedAndKept(@TempDir Path tmp) throws Exception {
        Path target = Files.writeString(tmp.resolve("taken.yaml"), "mine\n");
        Outcome o = RunCommandTest.innerlab("new", "taken", "--from", "keys-chests", "--out", target.toString());
        assertEquals(2, o.exitCode());
        assertEquals("innerlab new: " + target + " exists already; choose another NAME, or another --out file",
                FailureLineTest.oneLine(o));
        assertEquals("mine\n", Files.readString(target));
    }

    @Test
    void aNameTheSchemaRefusesIsBadInputAndLeavesNoFile(@TempDir Path tmp) {
        Path target = tmp.resolve("bad.yaml");
        Outcome o = RunCommandTest.innerlab("new", "My_Keys", "--from", "keys-chests", "--out", target.toString());
        assertEquals(2, o.exitCode());
        assertEquals(List.of("innerlab new: copying scenarios/keys-chests.yaml", target
                + ":19:7: name: must match [a-z0-9-]+, got \"My_Keys\""), o.err().lines().toList());
        assertFalse(Files.exists(target));
    }

    @Test
    void everyShippedScenarioCopiesIntoOneThatLoads(@TempDir Path tmp) throws Exception {
        List<String> names = ScenarioArgument.names(Path.of("scenarios"));
        assertFalse(names.isEmpty());
        for (String name : names) {
            Path target = tmp.resolve(name + ".yaml");
            Outcome o = RunCommandTest.innerlab("new", "copy-of-" + name, "--from", name, "--out", target.toString());
            assertEquals(0, o.exitCode(), name + ": " + o.err());
            assertEquals("copy-of-" + name, ScenarioLoader.load(target, List.of()).name());
        }
    }
}
