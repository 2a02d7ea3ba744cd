package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.innerlab.lab.Experiment;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html of a real (tiny) run: contents, escaping of scenario text, self-containment, a real browser. */
class HtmlReportTest {
    /** Hostile text everywhere a scenario may put free text: description, chart title, labels, axis labels. */
    static final String HOSTILE = """
            name: hostile-report
            description: >
              <script>console.error("injected description")</script> & "quotes" 'too'
            seed: 3
            seeds: 2
            environment:
              id: coinrun-lite-v1
              params: { width: 8 }
              test: { random_coin_percent: 100 }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 1000 } ]
            evaluation: { episodes: 10 }
            sweep: { environment.train.random_coin_percent: [0, 100] }
            charts:
              - kind: sweep
                name: gm
                title: "<script>alert(1)</script>"
                x: environment.train.random_coin_percent
                y: [test/got_coin, test/reached_end]
                labels: ["<b>coin</b>", "<img src=x onerror=alert(2)>"]
                x_label: "<i>x</i>"
            """;

    @TempDir
    static Path tmp;
    static Path folder;
    static String html;

    @BeforeAll
    static void runTheScenario() throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), HOSTILE);
        Scenario scenario = ScenarioLoader.load(file, List.of());
        folder = Experiment.run(scenario, new Experiment.Options(2, tmp, tmp.resolve("out"),
                List.of("innerlab", "run", "s.yaml")), (sweep, done) -> (r, f, t) -> { },
                new PrintStream(new ByteArrayOutputStream()));
        html = Files.readString(folder.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void runWritesTheReportWithEverySection() {
        for (String id : List.of("organism", "ideas", "charts", "summary", "outcomes", "reproduce", "manifest",
                "scenario")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
        }
        assertTrue(html.contains("<h1>hostile-report</h1>"));
        assertTrue(html.contains("Langosco"), "the paper behind goal misgeneralization is cited");
        assertTrue(html.contains("<svg "), "the chart is inline");
        assertTrue(html.contains("innerlab run s.yaml"), "the command that made the run");
        assertTrue(html.contains("innerlab run scenario.yaml"), "the command that reproduces it");
        assertTrue(html.contains("<caption>Scenario hostile-report (coinrun-lite-v1). Each cell: mean over n = "),
                "the paper table heads the summary section");
        assertTrue(Files.isRegularFile(folder.resolve(PaperTable.FILE)), "summary.md beside summary.csv");
        assertFalse(html.contains("id=\"animations\""), "no animations unless the scenario asks");
        assertFalse(html.contains("data:image/gif"), "no animations unless the scenario asks");
        assertFalse(Files.exists(folder.resolve("animations")));
        assertFalse(html.contains("id=\"inside\""), "no probe section unless the scenario has probes");
    }

    @Test
    void scenarioTextShowsAsTextNeverAsMarkup() {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element anywhere");
        assertFalse(html.contains("<img"), "a label's markup is not markup");
        assertFalse(html.contains("<b>coin"));
        assertTrue(html.contains("&lt;script&gt;console.error(&quot;injected description&quot;)&lt;/script&gt; "
                + "&amp; &quot;quotes&quot; &#39;too&#39;"), "the description, escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the chart title, escaped");
    }

    @Test
    void needsNothingOutsideTheFile() {
        // The only URLs allowed are XML namespace names, which browsers never fetch.
        String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?='[^']*'", "");
        for (String external : List.of("http:", "https:", "<link", "@import", "url(h", "<script")) {
            assertFalse(withoutNamespaces.contains(external), "found " + external);
        }
        // "src=" may appear in escaped text (a hostile label), never inside a tag.
        assertFalse(Pattern.compile("<[^<>]*\\ssrc=").matcher(html).find(), "no element loads a source");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            String target = href.group(1);
            assertTrue(target.startsWith("#") || HtmlReport.LINKED_FILES.contains(target),
                    "an in-page link or a data file beside the page: " + target);
        }
    }

    @Test
    void theResultComesRightAfterTheHeaderAndTheGlossaryAfterIt() {
        Matcher sections = Pattern.compile("<section id=\"([a-z]+)\">").matcher(html);
        List<String> order = new ArrayList<>();
        while (sections.find()) {
            order.add(sections.group(1));
        }
        assertEquals(List.of("charts", "table", "ideas", "organism", "summary", "outcomes", "reproduce", "manifest",
                "scenario"), order);
        String afterHeader = html.substring(html.indexOf("</header>"));
        assertTrue(afterHeader.startsWith("</header>\n<section id=\"charts\"><h2>Charts</h2><figure><svg "),
                "the first section after the header holds the charts");
        String table = html.substring(html.indexOf("<section id=\"table\">"), html.indexOf("<section id=\"ideas\">"));
        assertTrue(table.contains("<caption>Scenario hostile-report"), "the paper table follows the charts");
    }

    @Test
    void theHeaderLinksEveryDataFileAndEachLinkPointsAtAFileBesideThePage() {
        String header = html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
        Matcher href = Pattern.compile("<a href=\"([^\"#]+)\">").matcher(header);
        List<String> linked = new ArrayList<>();
        while (href.find()) {
            linked.add(href.group(1));
            assertTrue(Files.isRegularFile(folder.resolve(href.group(1))), href.group(1) + " exists beside the page");
        }
        assertEquals(List.of("runs.csv", "summary.csv", "labels.csv", "scenario.yaml", "manifest.json"), linked);
    }

    @Test
    void aLinkedFileTheFolderLacksIsNotLinked() throws IOException {
        Path copy = copyOfTheRun("without-labels");
        Files.delete(copy.resolve("labels.csv"));
        String page = Files.readString(HtmlReport.write(copy), StandardCharsets.UTF_8);
        assertFalse(page.contains("href=\"labels.csv\""), "no link to a missing file");
        assertTrue(page.contains("href=\"runs.csv\""));
    }

    @Test
    void definitionsCiteSourcesInsideTheRepository() throws IOException {
        assertFalse(html.contains("DESIGN.md"), "no source outside the repository");
        Matcher docs = Pattern.compile("Source: (docs/[a-z/.-]+\\.md)").matcher(html);
        assertTrue(docs.find(), "a definition cites a docs page");
        do {
            assertTrue(Files.isRegularFile(Path.of(docs.group(1))), docs.group(1) + " is in the repository");
        } while (docs.find());
    }

    /** A copy of the run folder, to tamper with without changing the shared one. */
    private static Path copyOfTheRun(String name) throws IOException {
        Path copy = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(folder.relativize(f).toString()));
            }
        }
        return copy;
    }

    @Test
    void aTamperedChartSvgCarriesNoScriptOrHandlerIntoThePage() throws IOException {
        Path copy = copyOfTheRun("tampered");
        Path svg = copy.resolve("charts").resolve("gm.svg");
        String original = Files.readString(svg, StandardCharsets.UTF_8);
        Files.writeString(svg, original.replaceFirst("^<svg ", "<svg onload='alert(31)' ")
                .replace("</svg>", "<script>alert(32)</script><image href='x' onerror='alert(33)'/>"
                        + "<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>x</p></foreignObject></svg>"));
        String page = Files.readString(HtmlReport.write(copy), StandardCharsets.UTF_8);
        assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"), "no script element");
        assertFalse(Pattern.compile("<[^<>]*\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "no event handler attribute");
        for (String injected : List.of("alert(31)", "alert(32)", "alert(33)", "foreignObject")) {
            assertFalse(page.contains(injected), injected);
        }
        assertEquals(html, page, "the page is the one the untampered chart gives");
    }

    @Test
    void aChartSvgThatIsNotXmlIsDrawnAgainFromTheSummary() throws IOException {
        Path copy = copyOfTheRun("broken");
        Files.writeString(copy.resolve("charts").resolve("gm.svg"), "<svg><script>alert(1)</script>");
        assertEquals(html, Files.readString(HtmlReport.write(copy), StandardCharsets.UTF_8));
    }

    @Test
    void aSmokeRunSaysSoInTheBannerAndAFullRunDoesNot() throws IOException {
        String banner = "smoke run: every budget shrunk";
        assertFalse(html.contains(banner), "the shared run is a full one");
        Path copy = copyOfTheRun("smoke");
        Path manifest = copy.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"smoke\": false"), text);
        Files.writeString(manifest, text.replace("\"smoke\": false", "\"smoke\": true"), StandardCharsets.UTF_8);
        assertTrue(Files.readString(HtmlReport.write(copy), StandardCharsets.UTF_8)
                .contains("<p class=\"banner\">" + banner), "the smoke line is a banner of its own");
    }

    @Test
    void reportCommandRewritesTheSamePage() throws IOException {
        Path again = HtmlReport.write(folder);
        assertEquals(html, Files.readString(again, StandardCharsets.UTF_8));
    }

    @Test
    void rendersInHeadlessChromiumWithoutConsoleMessages() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "no /usr/bin/chromium on this machine");
        Path png = tmp.resolve("report.png");
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--screenshot=" + png,
                "--window-size=1200,3000", folder.resolve(HtmlReport.FILE).toUri().toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        assertTrue(Files.size(png) > 10_000, "a screenshot was taken:\n" + log);
        // Chromium logs every console message (and uncaught error) as ":CONSOLE"; injected script would too.
        assertFalse(log.contains(":CONSOLE"), log);
    }
}
