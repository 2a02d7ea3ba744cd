package org.innerlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The organism index (docs/organisms/README.md) says every shipped scenario belongs to one of its pages. */
class OrganismIndexTest {
    @Test
    void everyShippedScenarioIsNamedInTheOrganismIndex() throws IOException {
        String index = Files.readString(Path.of("docs/organisms/README.md"));
        List<String> missing;
        try (Stream<Path> scenarios = Files.list(Path.of("scenarios"))) {
            missing = scenarios.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !index.contains(n)).sorted().toList();
        }
        assertEquals(List.of(), missing, "scenarios without a row in docs/organisms/README.md");
    }
}
