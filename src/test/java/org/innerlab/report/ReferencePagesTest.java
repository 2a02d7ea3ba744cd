package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.innerlab.core.ParamSpec;
import org.innerlab.report.ComponentDescription.Kind;
import org.innerlab.scenario.ScenarioKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed {@code docs/reference/} pages are exactly what the registries generate. */
class ReferencePagesTest {
    private static final Path COMMITTED = Path.of("docs", "reference");

    /**
     * Generated in a fresh JVM through the command the message names: tests that register extra
     * components (an extension example) share this JVM's registries, and must not change the pages.
     */
    @Test
    void committedPagesAreWhatTheRegistriesGenerate(@TempDir Path tmp) throws Exception {
        Path generated = tmp.resolve("reference");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.innerlab.cli.Main", "reference", generated.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertEquals(0, process.waitFor(), Files.readString(tmp.resolve("log.txt")));
        Set<String> committed = mdFiles(COMMITTED);
        assertEquals(mdFiles(generated), committed,
                "docs/reference has other pages than the registries generate: run " + ReferencePages.COMMAND);
        for (String page : committed) {
            assertEquals(Files.readString(generated.resolve(page)), Files.readString(COMMITTED.resolve(page)),
                    "docs/reference/" + page + " differs from what the registries generate: run "
                            + ReferencePages.COMMAND);
        }
    }

    private static Set<String> mdFiles(Path dir) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).forEach(names::add);
        }
        return names;
    }

    @Test
    void everyComponentHasAnAnchoredHeadingAndEveryParameterARowWithItsDefault() {
        Map<String, String> pages = ReferencePages.generate();
        for (ComponentDescription d : ComponentIndex.all()) {
            String page = pages.get(d.kind().plural() + ".md");
            assertTrue(page.contains("<a id=\"" + ReferencePages.anchor(d.id()) + "\"></a>\n\n## " + d.id() + "\n"),
                    d.id());
            assertTrue(pages.get("README.md").contains("(" + d.kind().plural() + ".md#" + ReferencePages.anchor(d.id())
                    + ")"), d.id());
            for (ParamSpec p : d.params()) {
                assertTrue(page.contains("| `" + p.name() + "` | " + ComponentDescription.type(p) + " | `"
                        + ComponentDescription.defaultText(p) + "` |"), d.id() + " " + p.name());
            }
        }
        assertEquals(Kind.values().length + 2, pages.size());
    }

    @Test
    void theKeysPageHasEveryScenarioKey() {
        String page = ReferencePages.generate().get("scenario-keys.md");
        for (ScenarioKeys.Key k : ScenarioKeys.KEYS) {
            assertTrue(page.contains("| `" + k.path() + "` |"), k.path());
        }
    }

    @Test
    void writingTwiceGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        ReferencePages.write(tmp.resolve("a"));
        ReferencePages.write(tmp.resolve("b"));
        for (String name : ReferencePages.generate().keySet()) {
            assertEquals(Files.readString(tmp.resolve("a").resolve(name)), Files.readString(tmp.resolve("b").resolve(name)));
        }
    }
}
