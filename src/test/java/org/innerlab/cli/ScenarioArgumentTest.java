package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioArgumentTest {
    @Test
    void aNameFindsTheShippedScenarioOfThatName(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("my-maze.yaml"), "name: my-maze\n");
        assertEquals(tmp.resolve("my-maze.yaml"), ScenarioArgument.shipped(Path.of("my-maze"), tmp));
        assertEquals(tmp.resolve("my-maze.yaml"), ScenarioArgument.shipped(Path.of("my-maze.yaml"), tmp));
    }

    @Test
    void anExistingFileWinsOverAShippedName(@TempDir Path tmp) throws Exception {
        Path own = Files.writeString(tmp.resolve("own.yaml"), "name: own\n");
        assertNull(ScenarioArgument.shipped(own, tmp));
    }

    @Test
    void neitherFileNorNameIsBadInputWithTheClosestShippedName(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("coinrun-goal-misgeneralization.yaml"), "name: x\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> ScenarioArgument.shipped(Path.of("coinrun-goal-misgeneralisation"), tmp));
        assertEquals("coinrun-goal-misgeneralisation is neither a scenario file nor a shipped scenario's name; "
                + "did you mean 'coinrun-goal-misgeneralization'? innerlab list shows the shipped scenarios, to run "
                + "by name or path", e.getMessage());
    }

    @Test
    void aMissingPathInAFolderIsNotTakenForAName(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("maze.yaml"), "name: maze\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> ScenarioArgument.shipped(Path.of("elsewhere", "maze.yaml"), tmp));
        assertEquals("elsewhere/maze.yaml is neither a scenario file nor a shipped scenario's name; did you mean "
                + "'maze'? innerlab list shows the shipped scenarios, to run by name or path", e.getMessage());
    }

    @Test
    void theShippedNamesAreTheYamlFilesOfTheFolder(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("b.yaml"), "");
        Files.writeString(tmp.resolve("a.yaml"), "");
        Files.writeString(tmp.resolve("notes.txt"), "");
        assertEquals(List.of("a", "b"), ScenarioArgument.names(tmp));
        assertEquals(List.of(), ScenarioArgument.names(tmp.resolve("missing")));
    }
}
